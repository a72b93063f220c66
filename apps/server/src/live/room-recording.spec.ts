import { agendaItem, liveParts, sessionWith } from './live.fixtures';

describe('RoomRecording', () => {
  it('never records a case discussion by hand', async () => {
    const parts = liveParts([agendaItem('case', 30)]);
    const s = await sessionWith(parts);
    await parts.agenda.setPhase(s.host, { phase: 'cases', slot: 0 });
    await expect(parts.recording.record(s.host, true)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/consent/),
    });
    expect((await s.state()).recording).toBe(false);
  });

  it('keeps the consent to record the next case with the room, out of what clients see', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const everyone = [s.host.user.id, s.spokes[0].user.id];
    const version = (await s.state()).version;
    await parts.recording.recordConsent(s.host, everyone);
    expect((await s.room.shared()).consent).toEqual({
      userIds: everyone,
      recordedBy: s.host.user.displayName,
      at: expect.any(String),
    });
    expect((await s.state()).version).toBe(version);
  });

  it('is for hosts only', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    await expect(parts.recording.record(s.spokes[0], true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(parts.recording.recordConsent(s.spokes[0], [])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.room.shared()).consent).toBeNull();
  });
});
