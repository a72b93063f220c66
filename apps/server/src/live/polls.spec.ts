import { PollLimits, type PollQuestion, type PollView } from '@echo-hub/protocol';
import { liveParts, sessionWith, socketOf, user } from './live.fixtures';

const updates = (parts: ReturnType<typeof liveParts>, sessionId: string) =>
  parts.realtime.of('poll:update', `session:${sessionId}`) as PollView[];

describe('LivePolls', () => {
  it('asks on the spot, counts answers live in the room, and shares the results only when the host says so', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [a, b] = s.spokes;
    const sut = parts.polls;
    const poll = await sut.ask(s.host, { kind: 'single', question: 'Which first?', options: ['Metformin', 'Insulin'] });
    expect(poll).toMatchObject({ status: 'open', answers: 0, results: null, anonymous: true, knowledgeCheck: false });
    await sut.answer(a, { pollId: poll.id, choices: [0] });
    await sut.answer(b, { pollId: poll.id, choices: [1] });
    await sut.answer(b, { pollId: poll.id, choices: [0] }); // a new answer replaces the last
    expect(updates(parts, s.session.id).map((u) => u.answers)).toEqual([0, 1, 2, 2]);
    expect(updates(parts, s.session.id).every((u) => u.results === null)).toBe(true);

    const closed = await sut.close(s.host, poll.id);
    expect(closed.results).toMatchObject({ counts: [2, 0], names: null, shareCorrect: null });
    expect(updates(parts, s.session.id).at(-1)).toMatchObject({ status: 'closed', results: null });
    await expect(sut.answer(a, { pollId: poll.id, choices: [1] })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });

    await sut.share(s.host, poll.id);
    expect(updates(parts, s.session.id).at(-1)).toMatchObject({ shared: true, results: { counts: [2, 0] } });
    expect(await sut.list(a)).toEqual([expect.objectContaining({ id: poll.id, shared: true })]);
  });

  it('a knowledge check gives the share of answers that chose exactly the correct options', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 3 });
    const sut = parts.polls;
    const poll = await sut.ask(s.host, {
      kind: 'multiple',
      question: 'Which are red flags?',
      options: ['Weight loss', 'Night sweats', 'Mild cough'],
      correct: [1, 0],
    });
    expect(poll.knowledgeCheck).toBe(true);
    await sut.answer(s.spokes[0], { pollId: poll.id, choices: [0, 1] });
    await sut.answer(s.spokes[1], { pollId: poll.id, choices: [0] });
    await sut.answer(s.spokes[2], { pollId: poll.id, choices: [1, 0] });
    const shared = await sut.share(s.host, poll.id);
    expect(shared.results).toMatchObject({ counts: [3, 2, 0], correct: [0, 1] });
    expect(shared.results?.shareCorrect).toBeCloseTo(2 / 3);
    expect(parts.pollRecords.answerRows.map((r) => r.correct)).toEqual([true, false, true]);
  });

  it('named polls show who chose what; a scale has the points 1 to 5', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const poll = await parts.polls.ask(s.host, { kind: 'scale', question: 'How confident?', anonymous: false });
    expect(poll.options).toEqual(['1', '2', '3', '4', '5']);
    await parts.polls.answer(s.spokes[0], { pollId: poll.id, choices: [3] });
    await expect(parts.polls.answer(s.spokes[0], { pollId: poll.id, choices: [5] })).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: expect.stringContaining('choices'),
    });
    const { results } = await parts.polls.share(s.host, poll.id);
    expect(results?.counts).toEqual([0, 0, 0, 1, 0]);
    expect(results?.names?.[3]).toEqual([s.spokes[0].user.displayName]);
  });

  it('free text passes the de-identification gate: an identifier goes only once confirmed', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const poll = await parts.polls.ask(s.host, { kind: 'text', question: 'What would you try next?' });
    const text = 'Ask about NHS number 943 476 5919';
    await expect(parts.polls.answer(s.spokes[0], { pollId: poll.id, text })).rejects.toMatchObject({
      code: 'IDENTIFIERS_FOUND',
    });
    expect(parts.pollRecords.answerRows).toEqual([]);
    const start = text.indexOf('943');
    await parts.polls.answer(s.spokes[0], { pollId: poll.id, text, confirmedSpans: [{ start, end: text.length }] });
    await parts.polls.answer(s.host, { pollId: poll.id, text: 'A home visit' });
    const { results } = await parts.polls.share(s.host, poll.id);
    expect(results?.texts).toEqual([
      { text, displayName: null },
      { text: 'A home visit', displayName: null },
    ]);
  });

  it('prepared polls stay hidden from spokes until launched', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const draft = await parts.pollRecords.create({
      sessionId: s.session.id,
      agendaItemId: null,
      createdBy: s.host.user.id,
      kind: 'single',
      question: 'Ready?',
      options: ['Yes', 'No'],
      correct: [],
      anonymous: true,
      status: 'draft',
      shared: false,
      openedAt: null,
      closedAt: null,
    });
    expect(await parts.polls.list(s.spokes[0])).toEqual([]);
    expect(await parts.polls.list(s.host)).toEqual([expect.objectContaining({ id: draft.id, status: 'draft' })]);
    await expect(parts.polls.answer(s.spokes[0], { pollId: draft.id, choices: [0] })).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
    });
    await parts.polls.launch(s.host, draft.id);
    expect(await parts.polls.list(s.spokes[0])).toEqual([expect.objectContaining({ id: draft.id, status: 'open' })]);
    await expect(parts.polls.launch(s.host, draft.id)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });

  it('only hosts and experts run polls; questions are checked field by field', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1, experts: 1 });
    const sut = parts.polls;
    await expect(sut.ask(s.spokes[0], { kind: 'text', question: 'Mine?' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sut.ask(s.experts[0], { kind: 'text', question: 'Expert question' })).resolves.toBeDefined();
    const refused: [PollQuestion, string][] = [
      [{ kind: 'single', question: '  ', options: ['a', 'b'] }, 'question'],
      [{ kind: 'single', question: 'Q', options: ['only one'] }, 'options'],
      [{ kind: 'single', question: 'Q', options: ['a', 'b'], correct: [0, 1] }, 'correct'],
      [{ kind: 'multiple', question: 'Q', options: ['a', 'b'], correct: [2] }, 'correct'],
      [{ kind: 'scale', question: 'Q', correct: [0] }, 'correct'],
    ];
    for (const [question, field] of refused) {
      await expect(sut.ask(s.host, question)).rejects.toMatchObject({
        code: 'INVALID_PAYLOAD',
        message: expect.stringContaining(field),
      });
    }
  });

  it('refuses a socket that has not joined, a poll of another session, and answers beyond the limit', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const other = await sessionWith(parts, { spokes: 0 });
    const elsewhere = await parts.polls.ask(other.host, { kind: 'scale', question: 'Elsewhere' });
    await expect(parts.polls.list(socketOf(user('x')))).rejects.toMatchObject({ code: 'NOT_JOINED' });
    await expect(parts.polls.answer(s.spokes[0], { pollId: elsewhere.id, choices: [0] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const poll = await parts.polls.ask(s.host, { kind: 'scale', question: 'Here' });
    for (let i = 0; i < PollLimits.answersPerMinute; i++) {
      await parts.polls.answer(s.spokes[0], { pollId: poll.id, choices: [i % 5] });
    }
    await expect(parts.polls.answer(s.spokes[0], { pollId: poll.id, choices: [0] })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });
});
