import { liveParts, sessionWith } from './live.fixtures';

describe('FacilitatorControls', () => {
  it('puts someone in the spotlight or makes them presenter, and takes it back', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const [spoke] = s.spokes;
    const sut = parts.controls;
    await sut.spotlight(s.host, spoke.user.id, 'spotlightId');
    await sut.spotlight(s.host, s.host.user.id, 'presenterId');
    expect(await s.state()).toMatchObject({ spotlightId: spoke.user.id, presenterId: s.host.user.id });
    await sut.spotlight(s.host, null, 'spotlightId');
    expect((await s.state()).spotlightId).toBeNull();
  });

  it('takes the roll call per person', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [here, away] = s.spokes;
    await parts.controls.rollCall(s.host, here.user.id, true);
    await parts.controls.rollCall(s.host, away.user.id, false);
    const present = (await s.state()).participants.map((p) => [p.userId, p.present]);
    expect(present).toEqual([
      [s.host.user.id, null],
      [here.user.id, true],
      [away.user.id, false],
    ]);
  });

  it('muting someone without a microphone tells nobody', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    await parts.controls.mute(s.host, s.spokes[0].user.id);
    await parts.controls.mute(s.host);
    expect(parts.realtime.of('host:muted')).toEqual([]);
  });

  it('is for hosts only, about people in the session, and a refusal changes nothing', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const [spoke] = s.spokes;
    const before = await s.state();
    const sut = parts.controls;
    await expect(sut.spotlight(spoke, spoke.user.id, 'spotlightId')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.mute(spoke, s.host.user.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.rollCall(spoke, spoke.user.id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.spotlight(s.host, 'nobody', 'presenterId')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sut.mute(s.host, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sut.rollCall(s.host, 'nobody', true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await s.state()).toBe(before);
  });
});
