import { ChatLimits, ReactionLimits, type RoomPatch } from '@echo-hub/protocol';
import { liveParts, sessionWith } from './live.fixtures';

describe('LiveChat', () => {
  it('stores a message and sends it to the room as one patch; the message is what the sender gets back', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const sut = parts.chat;
    const message = await sut.send(s.spokes[0], { text: '  See you next week  ' });
    expect(message).toMatchObject({ userId: s.spokes[0].user.id, text: 'See you next week' });
    expect((parts.realtime.of('room:patch').at(-1) as RoomPatch).chat).toEqual(message);
    expect((await s.state()).chat).toEqual([message]);
    expect(parts.records.chat).toEqual([expect.objectContaining({ id: message.id, sessionId: s.session.id })]);
  });

  it('passes the de-identification gate: a possible identifier goes only once confirmed, and is kept as confirmed', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const sut = parts.chat;
    const text = 'Her NHS number is 943 476 5919';
    await expect(sut.send(s.spokes[0], { text })).rejects.toMatchObject({ code: 'IDENTIFIERS_FOUND' });
    expect(parts.records.chat).toEqual([]);
    const start = text.indexOf('943');
    await sut.send(s.spokes[0], { text, confirmedSpans: [{ start, end: text.length }] });
    expect(parts.records.chat[0].confirmedFindings).toEqual([
      expect.objectContaining({ field: 'chat', start, end: text.length }),
    ]);
  });

  it('does not flag the names of the people in the session', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const name = s.spokes[0].user.displayName;
    await expect(parts.chat.send(s.host, { text: `Thanks ${name}, good point` })).resolves.toBeDefined();
  });

  it("does not flag the programme's own sites and localities, but still flags other places", async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    parts.records.places.set(s.session.programId, ['Ards Community Hospital', 'Newtownards', 'Bradford']);
    await expect(parts.chat.send(s.spokes[0], { text: 'Hello from Ards' })).resolves.toBeDefined();
    await expect(parts.chat.send(s.spokes[0], { text: 'Greetings from Bradford' })).resolves.toBeDefined();
    await expect(parts.chat.send(s.spokes[0], { text: 'She lives in Llandrindod Wells' })).rejects.toMatchObject({
      code: 'IDENTIFIERS_FOUND',
    });
  });

  it('refuses empty text and more than the limit per minute', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const sut = parts.chat;
    await expect(sut.send(s.spokes[0], { text: '   ' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    for (let i = 1; i < ChatLimits.perMinute; i++) await sut.send(s.spokes[0], { text: `message ${i}` });
    await expect(sut.send(s.spokes[0], { text: 'one too many' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Someone else still may.
    await expect(sut.send(s.host, { text: 'fine' })).resolves.toBeDefined();
  });

  it('sends reactions to the room without storing them or changing the state', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const version = (await s.state()).version;
    await parts.chat.react(s.spokes[0], '👏');
    expect(parts.realtime.of('reaction', `session:${s.session.id}`)).toEqual([
      expect.objectContaining({ userId: s.spokes[0].user.id, emoji: '👏' }),
    ]);
    expect((await s.state()).version).toBe(version);
    expect(parts.records.chat).toEqual([]);
  });

  it('refuses reactions beyond the limit per minute, and broadcasts none of them', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    for (let i = 0; i < ReactionLimits.perMinute; i++) await parts.chat.react(s.spokes[0], '👏');
    await expect(parts.chat.react(s.spokes[0], '👏')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(parts.realtime.of('reaction', `session:${s.session.id}`)).toHaveLength(ReactionLimits.perMinute);
  });
});
