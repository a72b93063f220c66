import type { ImpactReport, PollView, PreparedPoll, SessionDto } from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { PollAnswer } from '../src/live/entities/poll.entity';
import { api, bearer } from './fixtures';
import type { TestLiveClient } from './live-client';
import { liveScene } from './live-scene';

/**
 * Polls over socket.io with real clients, on SQLite or PostgreSQL (TEST_DATABASE): the facilitator asks, two spokes
 * answer, every page sees the count and then the shared results, and a knowledge check's share correct lands in
 * the session's impact figures. The tests wait on socket events, never on time.
 */
describe('polls and knowledge checks in a live session', () => {
  const scene = liveScene('Polls ECHO');
  const { people } = scene;
  const liveSession = scene.liveSession;
  const update = (c: TestLiveClient, match: (p: PollView) => boolean) => c.waitFor<PollView>('poll:update', match);

  beforeAll(() => scene.start());
  afterEach(() => scene.closeClients());
  afterAll(() => scene.close());

  it('a poll asked by the facilitator is answered by two spokes; every client sees the count, then the results', async () => {
    const { host, spoke1, spoke2, all } = await liveSession();
    const launched = Promise.all(all.map((c) => update(c, (p) => p.status === 'open')));
    const poll = await host.ok<PollView>('poll:ask', {
      kind: 'single',
      question: 'Which would you try first?',
      options: ['Walking group', 'Befriending'],
    });
    await launched;
    const counted = Promise.all(all.map((c) => update(c, (p) => p.id === poll.id && p.answers === 2)));
    await spoke1.ok('poll:answer', { pollId: poll.id, choices: [0] });
    await spoke2.ok('poll:answer', { pollId: poll.id, choices: [1] });
    for (const seen of await counted) expect(seen.results).toBeNull();

    const shared = Promise.all(all.map((c) => update(c, (p) => p.id === poll.id && p.shared)));
    await host.ok('poll:share', { pollId: poll.id });
    for (const seen of await shared) {
      expect(seen).toMatchObject({ status: 'closed', answers: 2, results: { counts: [1, 1], names: null } });
    }
    // A client that comes back lists the poll with its results.
    expect(await spoke1.ok<PollView[]>('poll:list')).toEqual([expect.objectContaining({ id: poll.id, shared: true })]);
  });

  it('refuses bad payloads and spokes running polls with a clear error, and stores nothing', async () => {
    const { sessionId, host, spoke1 } = await liveSession();
    const poll = await host.ok<PollView>('poll:ask', { kind: 'text', question: 'Anything else?' });
    const cases: [TestLiveClient, string, unknown, string, RegExp][] = [
      [spoke1, 'poll:ask', { kind: 'text', question: 'Mine' }, 'FORBIDDEN', /host or an expert/],
      [host, 'poll:ask', { kind: 'rank', question: 'Q' }, 'INVALID_PAYLOAD', /kind/],
      [host, 'poll:ask', { kind: 'single', question: 'Q', options: ['a'] }, 'INVALID_PAYLOAD', /options/],
      [spoke1, 'poll:answer', { pollId: 'nope' }, 'INVALID_PAYLOAD', /pollId/],
      [spoke1, 'poll:answer', { pollId: poll.id, text: ' ' }, 'INVALID_PAYLOAD', /text/],
      [spoke1, 'poll:answer', { pollId: poll.id, text: 'NHS 943 476 5919' }, 'IDENTIFIERS_FOUND', /943/],
    ];
    for (const [client, event, payload, code, message] of cases) {
      const ack = await client.request(event as 'poll:ask', payload);
      expect({ event, payload, ack }).toMatchObject({ ack: { ok: false, error: { code, message } } });
    }
    expect(await scene.t.app.get(DataSource).getRepository(PollAnswer).countBy({ pollId: poll.id })).toBe(0);
    const polls = await host.ok<PollView[]>('poll:list');
    expect(polls.map((p) => p.sessionId)).toEqual([sessionId]);
  });

  it("a knowledge check's share correct lands in the session's impact figures", async () => {
    const { sessionId, host, spoke1, spoke2 } = await liveSession();
    const check = await host.ok<PollView>('poll:ask', {
      kind: 'multiple',
      question: 'Which are social prescribing link worker tasks?',
      options: ['Home visits', 'Prescribing drugs', 'Connecting to groups'],
      correct: [0, 2],
    });
    await spoke1.ok('poll:answer', { pollId: check.id, choices: [0, 2] });
    await spoke2.ok('poll:answer', { pollId: check.id, choices: [1] });
    const closed = await host.ok<PollView>('poll:close', { pollId: check.id });
    expect(closed.results).toMatchObject({ counts: [1, 1, 1], correct: [0, 2], shareCorrect: 0.5 });

    const res = await api(scene.t.app).get(`/api/programs/${scene.programId}/impact`).set(bearer(people.host));
    expect(res.status).toBe(200);
    const session = (res.body as ImpactReport).perSession.find((s) => s.sessionId === sessionId);
    expect(session?.knowledgeChecks).toEqual([
      {
        pollId: check.id,
        question: 'Which are social prescribing link worker tasks?',
        agendaItemId: null,
        answers: 2,
        correct: 1,
        shareCorrect: 0.5,
      },
    ]);
  });

  it('polls prepared on the agenda page stay with their slot, change until launched, and are launched in the room', async () => {
    const { sessionId, host, spoke1 } = await liveSession();
    const as = (who: 'host' | 'spoke1') => ({ ...bearer(people[who]) });
    const http = () => api(scene.t.app);
    const agenda = (items: object[]) => http().put(`/api/sessions/${sessionId}/agenda`).set(as('host')).send({ items });
    const slots = (await agenda([{ kind: 'didactic', title: 'Goal setting', minutes: 20 }])).body as SessionDto;
    const slotId = slots.agenda[0].id;
    const polls = `/api/sessions/${sessionId}/polls`;

    const created = await http()
      .post(polls)
      .set(as('host'))
      .send({
        kind: 'single',
        question: 'First step?',
        options: ['Listen', 'Refer'],
        correct: [0],
        agendaItemId: slotId,
      });
    expect(created.status).toBe(201);
    const draft = created.body as PreparedPoll;
    expect(draft).toMatchObject({ status: 'draft', agendaItemId: slotId, correct: [0], knowledgeCheck: true });
    const other = (await http().post(polls).set(as('host')).send({ kind: 'text', question: 'Anything else?' }))
      .body as PreparedPoll;

    // Saving the agenda again keeps the slot (same kind and title) and so the poll's place on it.
    const resaved = (
      await agenda([
        { kind: 'case', minutes: 30 },
        { kind: 'didactic', title: 'Goal setting', minutes: 25 },
      ])
    ).body as SessionDto;
    expect(resaved.agenda[1].id).toBe(slotId);

    // Bad input is a 400 naming the field; spokes may not prepare polls.
    const refusals: [string, 'host' | 'spoke1', object, number, RegExp][] = [
      ['post', 'host', { kind: 'rank', question: 'Q' }, 400, /kind/],
      ['post', 'host', { kind: 'single', question: 'Q', options: ['a'] }, 400, /options/],
      ['post', 'host', { kind: 'text', question: 'Q', agendaItemId: other.id }, 400, /agendaItemId/],
      ['post', 'spoke1', { kind: 'text', question: 'Q' }, 403, /./],
    ];
    for (const [, who, body, status, message] of refusals) {
      const res = await http().post(polls).set(as(who)).send(body);
      expect({ body, status: res.status, message: String(res.body.message) }).toMatchObject({
        status,
        message: expect.stringMatching(message),
      });
    }

    const changed = await http()
      .put(`${polls}/${draft.id}`)
      .set(as('host'))
      .send({ kind: 'multiple', question: 'Which first?', options: ['Listen', 'Refer', 'Wait'], correct: [0, 1] });
    expect(changed.body).toMatchObject({ question: 'Which first?', correct: [0, 1], agendaItemId: null });
    expect((await http().delete(`${polls}/${other.id}`).set(as('host'))).status).toBe(204);

    // In the room: the host lists the draft, a spoke does not; launched, it reaches the spoke and is kept as asked.
    expect((await host.ok<PollView[]>('poll:list')).map((p) => p.id)).toEqual([draft.id]);
    expect(await spoke1.ok<PollView[]>('poll:list')).toEqual([]);
    const opened = update(spoke1, (p) => p.id === draft.id && p.status === 'open');
    await host.ok('poll:launch', { pollId: draft.id });
    expect(await opened).toMatchObject({ question: 'Which first?', options: ['Listen', 'Refer', 'Wait'] });
    const late = await http().put(`${polls}/${draft.id}`).set(as('host')).send({ kind: 'text', question: 'Q' });
    expect([late.status, late.body.message]).toEqual([400, expect.stringMatching(/pollId: a launched poll/)]);
    expect((await http().delete(`${polls}/${draft.id}`).set(as('host'))).status).toBe(400);
    const listed = (await http().get(polls).set(as('host'))).body as PreparedPoll[];
    expect(listed.map((p) => [p.id, p.status])).toEqual([[draft.id, 'open']]);
  });
});
