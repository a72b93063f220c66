import { agendaItem, liveParts, sessionWith } from './live.fixtures';

describe('LiveAgenda', () => {
  const agenda = [agendaItem('didactic', 20, 'Goal setting'), agendaItem('case', 30)];

  it('moves to a phase and slot with the slot’s timer, opening the room to everyone waiting', async () => {
    const parts = liveParts(agenda);
    const s = await sessionWith(parts, { open: false });
    const waiting = async () => (await s.state()).participants.filter((p) => !p.admitted).map((p) => p.userId);
    expect((await waiting()).sort()).toEqual(s.spokes.map((c) => c.user.id).sort());
    await parts.agenda.setPhase(s.host, { phase: 'didactic', slot: 0 });
    expect(await waiting()).toEqual([]);
    expect(await s.state()).toMatchObject({
      phase: 'didactic',
      open: true,
      timer: { slot: 0, startedAt: expect.any(String), seconds: 1200 },
      recording: false,
    });
    await parts.agenda.setPhase(s.host, { phase: 'wrap-up' });
    expect((await s.state()).timer).toEqual({ slot: null, startedAt: null, seconds: 0 });
  });

  it('refuses a spoke, the ended phase and a slot not in the agenda, changing nothing', async () => {
    const parts = liveParts(agenda);
    const s = await sessionWith(parts);
    const before = await s.state();
    const sut = parts.agenda;
    await expect(sut.setPhase(s.spokes[0], { phase: 'cases', slot: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.setPhase(s.host, { phase: 'ended' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(sut.setPhase(s.host, { phase: 'cases', slot: 2 })).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: 'slot 2 is not in the agenda',
    });
    expect(await s.state()).toBe(before);
  });
});
