import type {
  FieldFinding,
  AuditEntryDto,
  CommunityPostEvent,
  GroupSummary,
  NotificationDto,
  NotificationsResponse,
  PostNode,
  SearchResponse,
  ThreadDetail,
} from '@echo-hub/protocol';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AttachmentsService } from '../src/community/attachments.service';
import { Attachment } from '../src/community/entities/attachment.entity';
import { Post } from '../src/community/entities/post.entity';
import { NotificationsService } from '../src/community/notifications.service';
import { RateLimitService } from '../src/common/rate-limit.service';
import { MailService } from '../src/mail/mail.service';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { StorageService } from '../src/storage/storage.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';
import { cleanCase } from './routes';
import { TINY_PNG } from './upload-fixtures';

type Who = 'facilitator' | 'ciara' | 'mark' | 'patrick' | 'joanne' | 'outsider';

/** Every post of a tree, depth first. */
const flatten = (nodes: PostNode[]): PostNode[] => nodes.flatMap((n) => [n, ...flatten(n.replies)]);

describe('community of practice', () => {
  let t: TestApp;
  let url: string;
  let programId: string;
  let sessionId: string;
  const people = {} as Record<Who, Account>;
  const clients: TestLiveClient[] = [];
  let openGroup: string;
  let carersGroup: string;
  /** These tests post far more than a person could; only the flood test runs with the real limit. */
  const noFloodLimit = () =>
    jest.spyOn(t.app.get(RateLimitService), 'consume').mockResolvedValue({ allowed: true, retryAfterSeconds: 0 });
  let unlimited: jest.SpyInstance;

  const as = (who: Who) => bearer(people[who]);
  const get = (who: Who, path: string) => api(t.app).get(path).set(as(who));
  const post = (who: Who, path: string, body: object = {}) => api(t.app).post(path).set(as(who)).send(body);
  const patch = (who: Who, path: string, body: object) => api(t.app).patch(path).set(as(who)).send(body);
  const put = (who: Who, path: string, body?: object) => api(t.app).put(path).set(as(who)).send(body);
  const del = (who: Who, path: string) => api(t.app).delete(path).set(as(who));
  const thread = async (who: Who, id: string): Promise<ThreadDetail> => {
    const res = await get(who, `/api/threads/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const newThread = async (who: Who, groupId: string, title: string, body: string) => {
    const res = await post(who, `/api/groups/${groupId}/threads`, { title, body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const connect = async (who: Who) => {
    const c = new TestLiveClient(url, people[who].token);
    clients.push(c);
    await c.connected();
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    unlimited = noFloodLimit();
    await account(t.app, 'admin'); // the first account is the instance admin
    const program = await t.app.get(ProgramsService).create({ name: 'Social Prescribing ECHO' });
    programId = program.id;
    const roles: Record<Exclude<Who, 'outsider'>, 'facilitator' | 'participant'> = {
      facilitator: 'facilitator',
      ciara: 'participant',
      mark: 'participant',
      patrick: 'participant',
      joanne: 'participant',
    };
    for (const who of Object.keys(roles) as (keyof typeof roles)[]) {
      people[who] = await account(t.app, who);
      await addMember(t.app, programId, people[who].id, roles[who]);
    }
    people.outsider = await account(t.app, 'outsider');
    sessionId = (
      await t.app
        .get(SessionsService)
        .create(programId, { title: 'Session 4', startsAt: '2026-06-02T12:30:00+01:00', durationMinutes: 90 }, null)
    ).id;
    const open = await post('facilitator', `/api/programs/${programId}/groups`, { name: 'Link workers' });
    expect(open.status).toBe(201);
    openGroup = open.body.id;
    const carers = await post('facilitator', `/api/programs/${programId}/groups`, {
      name: "Carers' peer support",
      private: true,
      description: 'For family carers, facilitated by a carer volunteer.',
    });
    expect(carers.status).toBe(201);
    carersGroup = carers.body.id;
    // Patrick is a carer and moderates the carers' group; Joanne is a member.
    expect(
      (
        await post('facilitator', `/api/groups/${carersGroup}/members`, {
          userId: people.patrick.id,
          role: 'moderator',
        })
      ).status,
    ).toBe(201);
    expect((await post('facilitator', `/api/groups/${carersGroup}/members`, { userId: people.joanne.id })).status).toBe(
      201,
    );
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t.close();
  });

  describe("members' e-mail addresses", () => {
    it('a group lists e-mails only to hosts, or to everyone where the program allows it (each sees their own)', async () => {
      const emails = async (who: Who) =>
        Object.fromEntries(
          (await get(who, `/api/groups/${carersGroup}/members`).expect(200)).body.map(
            (m: { user: { id: string; email: string | null } }) => [m.user.id, m.user.email],
          ),
        );
      // The group's members (its creator, Patrick, Joanne), each with their e-mail, as a host sees them.
      const everyone = await emails('facilitator');
      expect(everyone).toMatchObject({
        [people.patrick.id]: people.patrick.email,
        [people.joanne.id]: people.joanne.email,
      });
      const onlyOwn = (who: Who) =>
        Object.fromEntries(Object.keys(everyone).map((id) => [id, id === people[who].id ? everyone[id] : null]));
      expect(await emails('joanne')).toEqual(onlyOwn('joanne'));
      await patch('facilitator', `/api/programs/${programId}`, { memberEmailsVisible: true }).expect(200);
      expect(await emails('joanne')).toEqual(everyone);
      await patch('facilitator', `/api/programs/${programId}`, { memberEmailsVisible: false }).expect(200);
      expect(await emails('patrick')).toEqual(onlyOwn('patrick'));
    });
  });

  describe('threads and replies', () => {
    it('a title or post that may name a patient is a warning the author confirms; colleagues are not flagged', async () => {
      const title = 'Advice about Mary Byrne';
      const body = 'She was born 03/04/1961, NHS 943 476 5919. @Test mark saw her too.';
      const before = (await get('ciara', `/api/groups/${openGroup}/threads`)).body.length as number;
      const warned = await post('ciara', `/api/groups/${openGroup}/threads`, { title, body });
      expect(warned.status).toBe(422);
      expect(warned.body.error).toBe('IDENTIFIERS_FOUND');
      const findings = warned.body.findings as FieldFinding[];
      expect(findings.map((f) => [f.field, f.kind, f.text])).toEqual([
        ['title', 'NAME', 'Mary Byrne'],
        ['body', 'DATE', '03/04/1961'],
        ['body', 'ID', '943 476 5919'],
      ]);
      expect((await get('ciara', `/api/groups/${openGroup}/threads`)).body).toHaveLength(before);

      const confirmedSpans = findings.map(({ field, start, end }) => ({ field, start, end }));
      const partly = await post('ciara', `/api/groups/${openGroup}/threads`, {
        title,
        body,
        confirmedSpans: confirmedSpans.slice(1),
      });
      expect(partly.status).toBe(422);
      const created = await post('ciara', `/api/groups/${openGroup}/threads`, { title, body, confirmedSpans });
      expect(created.status).toBe(201);

      // Replies, edits and new titles are gated the same way.
      const id = created.body.id as string;
      expect((await post('mark', `/api/threads/${id}/posts`, { body: 'Her son Declan rang.' })).status).toBe(422);
      const reply = await post('mark', `/api/threads/${id}/posts`, { body: 'Her son rang.' });
      expect(reply.status).toBe(201);
      expect(
        (await patch('mark', `/api/posts/${reply.body.id}`, { body: 'Her son rang from Ballymena.' })).status,
      ).toBe(422);
      expect((await patch('ciara', `/api/threads/${id}`, { title: 'About Mrs Byrne' })).status).toBe(422);
      const bad = await post('mark', `/api/threads/${id}/posts`, { body: 'x', confirmedSpans: [{ field: 'summary' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/field must be title or body/);
    });

    it('creates a thread (201 { id }) and returns it with its posts as a tree', async () => {
      const id = await newThread(
        'ciara',
        openGroup,
        'Keeping motivation after the first appointment',
        'What helps people **keep going** after the first meeting?',
      );
      const first = await post('mark', `/api/threads/${id}/posts`, { body: 'A follow-up call at two weeks.' });
      expect(first.status).toBe(201);
      expect(first.body.id).toEqual(expect.any(String));
      const nested = await post('ciara', `/api/threads/${id}/posts`, {
        body: 'Who makes the call?',
        parentId: first.body.id,
      });
      const deeper = await post('mark', `/api/threads/${id}/posts`, {
        body: 'The link worker.',
        parentId: nested.body.id,
      });
      const second = await post('joanne', `/api/threads/${id}/posts`, { body: 'Peer mentors, in our area.' });

      const detail = await thread('ciara', id);
      expect(detail.title).toBe('Keeping motivation after the first appointment');
      expect(detail.posts.map((p) => [p.opening, p.id])).toEqual([
        [true, expect.any(String)],
        [false, first.body.id],
        [false, second.body.id],
      ]);
      expect(detail.posts[0].bodyHtml).toContain('<strong>keep going</strong>');
      expect(detail.posts[1].replies.map((r) => r.id)).toEqual([nested.body.id]);
      expect(detail.posts[1].replies[0].replies.map((r) => r.id)).toEqual([deeper.body.id]);
      expect(detail.replyCount).toBe(4);
      expect(flatten(detail.posts).map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    });

    it('refuses a parent from another thread, and bad input names the field', async () => {
      const a = await newThread('ciara', openGroup, 'A', 'a');
      const b = await newThread('ciara', openGroup, 'B', 'b');
      const inB = await post('mark', `/api/threads/${b}/posts`, { body: 'in b' });
      const res = await post('mark', `/api/threads/${a}/posts`, { body: 'x', parentId: inB.body.id });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/parentId/);
      const empty = await post('mark', `/api/threads/${a}/posts`, { body: '' });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/body/);
    });

    it('a reply retried with the same clientId is stored once and delivered once to a watcher', async () => {
      const id = await newThread('ciara', openGroup, 'Waiting lists for talking therapies', 'How long in your area?');
      const watcher = await connect('mark');
      expect(await watcher.request('community:watch', { threadId: id })).toEqual({ ok: true, data: undefined });
      const clientId = randomUUID();
      const body = { body: 'Eleven weeks here (sent while my connection was flaky).', clientId };
      const [one, two] = await Promise.all([
        post('ciara', `/api/threads/${id}/posts`, body),
        post('ciara', `/api/threads/${id}/posts`, body),
      ]);
      const again = await post('ciara', `/api/threads/${id}/posts`, body);
      expect([one.status, two.status].sort()).toEqual([200, 201]);
      expect(again.status).toBe(200);
      expect(new Set([one.body.id, two.body.id, again.body.id]).size).toBe(1);
      const stored = await t.app.get(DataSource).getRepository(Post).countBy({ threadId: id, clientId });
      expect(stored).toBe(1);

      // A later post proves the events have been flushed; the retried one arrived exactly once.
      const flushed = watcher.waitFor<CommunityPostEvent>('community:post', (e) => e.post.body === 'Six weeks.');
      await post('joanne', `/api/threads/${id}/posts`, { body: 'Six weeks.' });
      await flushed;
      const delivered = watcher.events.filter(
        (e) => e.event === 'community:post' && (e.payload as CommunityPostEvent).post.clientId === clientId,
      );
      expect(delivered).toHaveLength(1);
      expect((await thread('mark', id)).replyCount).toBe(2);
    });

    it('a clientId cannot be reused for a different thread', async () => {
      const a = await newThread('ciara', openGroup, 'C', 'c');
      const b = await newThread('ciara', openGroup, 'D', 'd');
      const clientId = randomUUID();
      expect((await post('ciara', `/api/threads/${a}/posts`, { body: 'x', clientId })).status).toBe(201);
      const res = await post('ciara', `/api/threads/${b}/posts`, { body: 'x', clientId });
      expect(res.status).toBe(409);
      expect(res.body.error).toBe('CLIENT_ID_REUSED');
    });

    it('new posts, edits and reactions arrive live to everyone viewing the thread or the group', async () => {
      const id = await newThread('ciara', openGroup, 'Social prescribing for loneliness', 'Ideas welcome.');
      const inThread = await connect('mark');
      const inGroup = await connect('joanne');
      await inThread.ok('community:watch', { threadId: id });
      await inGroup.ok('community:watch', { groupId: openGroup });

      const text = 'The **men’s shed** on Thursdays.';
      const arrived = Promise.all([
        inThread.waitFor<CommunityPostEvent>('community:post', (e) => e.post.body === text),
        inGroup.waitFor<CommunityPostEvent>('community:post', (e) => e.post.body === text),
      ]);
      const sent = await post('ciara', `/api/threads/${id}/posts`, { body: text });
      const [a, b] = await arrived;
      expect(a.post.id).toBe(sent.body.id);
      expect(a.post.bodyHtml).toContain('<strong>men’s shed</strong>');
      expect(b.threadId).toBe(id);

      const edited = patch('ciara', `/api/posts/${sent.body.id}`, { body: 'The men’s shed on Fridays.' });
      const update = inThread.waitFor<CommunityPostEvent>('community:postUpdated', (e) => e.post.id === sent.body.id);
      expect((await edited).status).toBe(200);
      expect((await update).post.body).toBe('The men’s shed on Fridays.');

      const reaction = inThread.waitFor<{ postId: string; reactions: { emoji: string; count: number }[] }>(
        'community:reaction',
        (e) => e.postId === sent.body.id,
      );
      expect((await put('mark', `/api/posts/${sent.body.id}/reactions`, { emoji: '👍', active: true })).status).toBe(
        200,
      );
      expect((await reaction).reactions).toEqual([{ emoji: '👍', count: 1, userIds: [people.mark.id] }]);

      await inThread.ok('community:unwatch', { threadId: id });
      const inGroupGot = inGroup.waitFor<CommunityPostEvent>('community:post', (e) => e.post.body === 'after unwatch');
      await post('ciara', `/api/threads/${id}/posts`, { body: 'after unwatch' });
      await inGroupGot;
      expect(inThread.events.some((e) => (e.payload as CommunityPostEvent)?.post?.body === 'after unwatch')).toBe(
        false,
      );
    });

    it('keeps edit history: each revision holds the text before the edit', async () => {
      const id = await newThread('ciara', openGroup, 'Edits', 'first version');
      const opening = (await thread('ciara', id)).posts[0];
      await patch('ciara', `/api/posts/${opening.id}`, { body: 'second version' });
      await patch('ciara', `/api/posts/${opening.id}`, { body: 'third version' });
      const revisions = await get('mark', `/api/posts/${opening.id}/revisions`);
      expect(revisions.body.map((r: { body: string }) => r.body)).toEqual(['second version', 'first version']);
      expect((await thread('mark', id)).posts[0]).toMatchObject({
        body: 'third version',
        editedAt: expect.any(String),
      });
      const other = await patch('mark', `/api/posts/${opening.id}`, { body: 'not mine' });
      expect(other.status).toBe(403);
      expect(other.body.error).toBe('NOT_AUTHOR');
    });

    it('recovers a reconnect mid-thread: missed posts come from the thread, new ones live after re-watching', async () => {
      const id = await newThread('ciara', openGroup, 'Reconnecting', 'Start');
      const c = await connect('mark');
      await c.ok('community:watch', { threadId: id });
      c.socket.disconnect();
      await post('ciara', `/api/threads/${id}/posts`, { body: 'while you were away' });
      c.socket.connect();
      await c.connected();
      await c.ok('community:watch', { threadId: id });
      expect(flatten((await thread('mark', id)).posts).map((p) => p.body)).toContain('while you were away');
      const live = c.waitFor<CommunityPostEvent>('community:post', (e) => e.post.body === 'back again');
      await post('ciara', `/api/threads/${id}/posts`, { body: 'back again' });
      expect((await live).threadId).toBe(id);
    });

    it('links a thread to a session ("continue the discussion")', async () => {
      const res = await post('ciara', `/api/groups/${openGroup}/threads`, {
        title: 'Continuing: goal setting',
        body: 'Questions we ran out of time for.',
        sessionId,
      });
      expect(res.status).toBe(201);
      expect((await thread('mark', res.body.id)).session).toMatchObject({ id: sessionId, title: 'Session 4' });
      const linked = await get('mark', `/api/sessions/${sessionId}/threads`);
      expect(linked.body.map((x: { id: string }) => x.id)).toContain(res.body.id);
    });

    it('links a thread to a case it follows up; a reader who may not see the case sees only that there is one', async () => {
      const submitted = await post('ciara', `/api/sessions/${sessionId}/cases`, cleanCase);
      expect(submitted.status).toBe(201);
      const res = await post('ciara', `/api/groups/${openGroup}/threads`, {
        title: 'Follow-up: back at the choir',
        body: 'She went twice; what next?',
        caseId: submitted.body.id,
      });
      expect(res.status).toBe(201);
      expect((await thread('mark', res.body.id)).case).toEqual({
        visible: true,
        id: submitted.body.id,
        title: cleanCase.title,
        status: 'submitted',
        sessionId,
      });
      const linked = await get('mark', `/api/cases/${submitted.body.id}/threads`);
      expect(linked.status).toBe(200);
      expect(linked.body.map((x: { id: string }) => x.id)).toEqual([res.body.id]);

      // A draft is Ciara's (and the facilitators') only: Mark reads the thread, not the case.
      const draft = await post('ciara', `/api/sessions/${sessionId}/cases`, { ...cleanCase, draft: true });
      expect(draft.status).toBe(201);
      const about = await post('ciara', `/api/groups/${openGroup}/threads`, {
        title: 'Before I submit',
        body: 'Would this be a good case?',
        caseId: draft.body.id,
      });
      expect(about.status).toBe(201);
      const seenByMark = await thread('mark', about.body.id);
      expect(seenByMark.case).toEqual({ visible: false });
      expect(JSON.stringify(seenByMark)).not.toContain(draft.body.id);
      expect((await thread('facilitator', about.body.id)).case).toMatchObject({ visible: true, status: 'draft' });
      expect((await get('mark', `/api/cases/${draft.body.id}/threads`)).status).toBe(404);

      // Nobody links a case they may not read, or one of another program; the answer names the field.
      const refused = await post('mark', `/api/groups/${openGroup}/threads`, {
        title: 'Linking',
        body: 'x',
        caseId: draft.body.id,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain('caseId');
      const unlink = await patch('ciara', `/api/threads/${res.body.id}`, { caseId: null });
      expect(unlink.status).toBe(200);
      expect((await thread('mark', res.body.id)).case).toBeNull();
      const malformed = await patch('ciara', `/api/threads/${res.body.id}`, { caseId: 'not-a-uuid' });
      expect(malformed.status).toBe(400);
      expect(JSON.stringify(malformed.body)).toContain('caseId');
    });

    it('limits flooding: ten posts (threads and replies) a minute per person, then 429; moderators are exempt', async () => {
      unlimited.mockRestore();
      try {
        const flooder = await account(t.app, 'flooder');
        await addMember(t.app, programId, flooder.id, 'participant');
        const send = (path: string, body: object) => api(t.app).post(path).set(bearer(flooder)).send(body);
        const opened = await send(`/api/groups/${openGroup}/threads`, { title: 'Flood', body: 'x' });
        expect(opened.status).toBe(201);
        const statuses: number[] = [];
        for (let i = 0; i < 10; i++) {
          statuses.push((await send(`/api/threads/${opened.body.id}/posts`, { body: `p${i}` })).status);
        }
        expect(statuses).toEqual([...Array(9).fill(201), 429]);
        const res = await send(`/api/threads/${opened.body.id}/posts`, { body: 'more' });
        expect(res.status).toBe(429);
        expect(res.body.error).toBe('TOO_MANY_POSTS');
        for (let i = 0; i < 11; i++) {
          expect((await post('facilitator', `/api/threads/${opened.body.id}/posts`, { body: `m${i}` })).status).toBe(
            201,
          );
        }
      } finally {
        unlimited = noFloodLimit();
      }
    });
  });

  describe('private groups', () => {
    let secret: string;

    beforeAll(async () => {
      secret = await newThread(
        'joanne',
        carersGroup,
        'Respite when the usual carer is ill',
        'Has anyone found emergency respite that works at a weekend?',
      );
    });

    it('hides a private group’s threads from a program member outside it (403) and from search', async () => {
      const res = await get('ciara', `/api/threads/${secret}`);
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('PRIVATE_GROUP');
      expect((await get('ciara', `/api/groups/${carersGroup}/threads`)).status).toBe(403);
      expect((await post('ciara', `/api/threads/${secret}/posts`, { body: 'x' })).status).toBe(403);
      const search = await get('ciara', `/api/programs/${programId}/community/search?q=respite`);
      expect(search.status).toBe(200);
      expect((search.body as SearchResponse).results).toEqual([]);
      // A member finds it; the facilitator (moderates every group) too; an outsider is not in the program.
      const found = await get('joanne', `/api/programs/${programId}/community/search?q=respite`);
      expect((found.body as SearchResponse).results.map((r) => r.threadId)).toContain(secret);
      expect((await get('facilitator', `/api/threads/${secret}`)).status).toBe(200);
      expect((await get('outsider', `/api/threads/${secret}`)).status).toBe(403);
    });

    it('refuses to let a non-member watch it over the socket', async () => {
      const c = await connect('ciara');
      const ack = await c.request('community:watch', { threadId: secret });
      expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const group = await c.request('community:watch', { groupId: carersGroup });
      expect(group).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await c.request('community:watch', {})).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    });

    it('lists the group to everyone (so they can ask to join) without its activity', async () => {
      const list = await get('ciara', `/api/programs/${programId}/groups`);
      const carers = (list.body as GroupSummary[]).find((g) => g.id === carersGroup);
      expect(carers).toMatchObject({ isPrivate: true, threadCount: 0, access: { read: false, joinRequest: null } });
      const mine = (await get('joanne', `/api/programs/${programId}/groups`)).body as GroupSummary[];
      expect(mine.find((g) => g.id === carersGroup)).toMatchObject({ threadCount: 1, access: { read: true } });
    });

    it('joining: a request, approved by the group’s moderator, opens the group; audited', async () => {
      const ask = await post('mark', `/api/groups/${carersGroup}/requests`, { message: 'I care for my wife.' });
      expect(ask.status).toBe(201);
      expect(ask.body.status).toBe('pending');
      expect((await post('mark', `/api/groups/${carersGroup}/requests`, {})).body.error).toBe('JOIN_REQUEST_PENDING');
      // Patrick (a participant who moderates the group) is notified and decides.
      const notes = (await get('patrick', '/api/notifications')).body as NotificationsResponse;
      expect(notes.items[0]).toMatchObject({ kind: 'join_request', title: "Carers' peer support" });
      expect((await get('ciara', `/api/groups/${carersGroup}/requests`)).status).toBe(403);
      const pending = await get('patrick', `/api/groups/${carersGroup}/requests`);
      expect(pending.body.map((r: { user: { id: string } }) => r.user.id)).toEqual([people.mark.id]);
      const decided = await patch('patrick', `/api/groups/${carersGroup}/requests/${ask.body.id}`, {
        status: 'approved',
      });
      expect(decided.status).toBe(200);
      expect((await get('mark', `/api/threads/${secret}`)).status).toBe(200);
      const audit = (await get('patrick', `/api/programs/${programId}/community/audit`)).body as AuditEntryDto[];
      expect(audit.map((a) => a.action)).toContain('join.approve');
    });

    it('a moderator removes a member: access ends, the socket leaves the room, the audit log says so', async () => {
      const c = await connect('mark');
      await c.ok('community:watch', { threadId: secret });
      const removed = await del('patrick', `/api/groups/${carersGroup}/members/${people.mark.id}`);
      expect(removed.status).toBe(204);
      expect((await get('mark', `/api/threads/${secret}`)).status).toBe(403);
      await post('joanne', `/api/threads/${secret}/posts`, { body: 'for members only' });
      // Joanne's own watcher proves the post went out; Mark's socket no longer gets it.
      const joanne = await connect('joanne');
      await joanne.ok('community:watch', { threadId: secret });
      const seen = joanne.waitFor<CommunityPostEvent>('community:post', (e) => e.post.body === 'after removal');
      await post('joanne', `/api/threads/${secret}/posts`, { body: 'after removal' });
      await seen;
      expect(c.events.some((e) => (e.payload as CommunityPostEvent)?.post?.body === 'after removal')).toBe(false);
      const audit = (await get('facilitator', `/api/programs/${programId}/community/audit`)).body as AuditEntryDto[];
      expect(audit.find((a) => a.action === 'member.remove')).toMatchObject({ targetId: people.mark.id });
    });
  });

  describe('mentions and notifications', () => {
    it('a mention notifies the person (pushed to their socket) and a reply notifies the author', async () => {
      const inbox = await connect('mark');
      const pushed = inbox.waitFor<NotificationDto>('notification', (n) => n.kind === 'mention');
      const id = await newThread('ciara', openGroup, 'Who knows about pension credit?', 'Any ideas @Test mark?');
      const n = await pushed;
      expect(n).toMatchObject({ kind: 'mention', threadId: id, actor: { id: people.ciara.id } });
      const detail = await thread('mark', id);
      expect(detail.posts[0].bodyHtml).toContain(
        `<span class="mention" data-user-id="${people.mark.id}">@Test mark</span>`,
      );

      await post('mark', `/api/threads/${id}/posts`, { body: 'Age NI can help.' });
      const ciaras = (await get('ciara', '/api/notifications')).body as NotificationsResponse;
      expect(ciaras.items[0]).toMatchObject({ kind: 'reply', threadId: id, actor: { id: people.mark.id } });
      expect(ciaras.unread).toBeGreaterThan(0);

      const marks = (await get('mark', '/api/notifications')).body as NotificationsResponse;
      const read = await post('mark', '/api/notifications/read', { ids: [marks.items[0].id] });
      expect(read.status).toBe(200);
      expect((read.body as NotificationsResponse).items[0].readAt).toEqual(expect.any(String));
      expect((await post('mark', '/api/notifications/read', {})).body.unread).toBe(0);
    });

    it('does not notify someone mentioned who cannot read the private group', async () => {
      await newThread('joanne', carersGroup, 'A private word', 'Hello @Test ciara and @Test patrick');
      const ciaras = (await get('ciara', '/api/notifications')).body as NotificationsResponse;
      expect(ciaras.items.some((n) => n.title === 'A private word')).toBe(false);
      const patricks = (await get('patrick', '/api/notifications')).body as NotificationsResponse;
      expect(patricks.items.some((n) => n.title === 'A private word' && n.kind === 'mention')).toBe(true);
    });

    it('emails a digest of notifications left unread (once), when SMTP is configured', async () => {
      const mail = t.app.get(MailService);
      const sent: { to: string; subject: string; text: string }[] = [];
      const enabled = jest.spyOn(mail, 'enabled', 'get').mockReturnValue(true);
      const send = jest.spyOn(mail, 'send').mockImplementation(async (to, subject, text) => {
        sent.push({ to, subject, text });
        return true;
      });
      try {
        const later = Date.now() + 60 * 60_000;
        const notifications = t.app.get(NotificationsService);
        await notifications.sendDigests(later);
        const toCiara = sent.filter((m) => m.to === people.ciara.email);
        expect(toCiara).toHaveLength(1);
        expect(toCiara[0].text).toMatch(/replied to you in "Who knows about pension credit\?"/);
        expect(toCiara[0].text).toContain('/threads/');
        sent.length = 0;
        await notifications.sendDigests(later);
        expect(sent).toEqual([]);
      } finally {
        enabled.mockRestore();
        send.mockRestore();
      }
    });
  });

  describe('unread counts', () => {
    it('counts posts by others since the reader’s marker, per thread and per group', async () => {
      const id = await newThread('ciara', openGroup, 'Unread test', 'one');
      await post('ciara', `/api/threads/${id}/posts`, { body: 'two' });
      const before = (await get('mark', `/api/groups/${openGroup}/threads`)).body as {
        id: string;
        unreadPosts: number;
      }[];
      expect(before.find((x) => x.id === id)?.unreadPosts).toBe(2);
      const group = ((await get('mark', `/api/programs/${programId}/groups`)).body as GroupSummary[]).find(
        (g) => g.id === openGroup,
      );
      expect(group?.unreadPosts).toBeGreaterThanOrEqual(2);
      expect((await post('mark', `/api/threads/${id}/read`)).body).toEqual({ lastReadPostNumber: 2 });
      const after = (await get('mark', `/api/groups/${openGroup}/threads`)).body as {
        id: string;
        unreadPosts: number;
      }[];
      expect(after.find((x) => x.id === id)?.unreadPosts).toBe(0);
      // The author never has unread posts of their own.
      const own = (await get('ciara', `/api/groups/${openGroup}/threads`)).body as {
        id: string;
        unreadPosts: number;
      }[];
      expect(own.find((x) => x.id === id)?.unreadPosts).toBe(0);
    });
  });

  describe('moderation', () => {
    let modGroup: string;

    beforeAll(async () => {
      const res = await post('facilitator', `/api/programs/${programId}/groups`, { name: 'Volunteers' });
      modGroup = res.body.id;
      // Ciara (a participant) moderates this open group.
      await post('facilitator', `/api/groups/${modGroup}/members`, { userId: people.ciara.id, role: 'moderator' });
    });

    it('flags, hides (text kept for moderators and the author), restores; each action audited', async () => {
      const id = await newThread('mark', modGroup, 'Volunteer expenses', 'How do you handle them?');
      // The gate warns her; she posts it anyway, and others flag it.
      const body = 'Mrs J. Smith at 12 High St gets hers.';
      const warned = await post('joanne', `/api/threads/${id}/posts`, { body });
      expect(warned.status).toBe(422);
      const confirmedSpans = (warned.body.findings as FieldFinding[]).map(({ field, start, end }) => ({
        field,
        start,
        end,
      }));
      const reply = await post('joanne', `/api/threads/${id}/posts`, { body, confirmedSpans });
      expect(reply.status).toBe(201);
      expect((await post('joanne', `/api/posts/${reply.body.id}/flags`, { reason: 'identifiable' })).status).toBe(409);
      expect((await post('mark', `/api/posts/${reply.body.id}/flags`, { reason: 'identifiable' })).status).toBe(201);
      const queue = await get('ciara', `/api/programs/${programId}/community/flags`);
      expect(queue.body.map((p: { postId: string }) => p.postId)).toContain(reply.body.id);

      expect((await post('mark', `/api/posts/${reply.body.id}/hide`, { reason: 'x' })).status).toBe(403);
      const hidden = await post('ciara', `/api/posts/${reply.body.id}/hide`, {
        reason: 'Contains a patient identifier',
      });
      expect(hidden.status).toBe(200);
      const seenByOthers = flatten((await thread('mark', id)).posts).find((p) => p.id === reply.body.id);
      expect(seenByOthers).toMatchObject({ hidden: true, body: '', bodyHtml: '' });
      const seenByAuthor = flatten((await thread('joanne', id)).posts).find((p) => p.id === reply.body.id);
      expect(seenByAuthor).toMatchObject({ hidden: true, hiddenReason: 'Contains a patient identifier' });
      expect(seenByAuthor?.body).toContain('High St');
      const search = (await get('ciara', `/api/programs/${programId}/community/search?q=Smith`)).body as SearchResponse;
      expect(search.results.map((r) => r.postId)).not.toContain(reply.body.id);
      expect(((await get('ciara', `/api/programs/${programId}/community/flags`)).body as unknown[]).length).toBe(0);

      expect((await post('ciara', `/api/posts/${reply.body.id}/restore`)).status).toBe(200);
      const audit = (await get('ciara', `/api/programs/${programId}/community/audit`)).body as AuditEntryDto[];
      expect(audit.filter((a) => a.targetId === reply.body.id).map((a) => a.action)).toEqual([
        'post.restore',
        'post.hide',
      ]);
      expect(audit[0].actor?.id).toBe(people.ciara.id);
      // A participant who moderates nothing has no audit page.
      expect((await get('joanne', `/api/programs/${programId}/community/audit`)).status).toBe(403);
    });

    it('hides a post automatically after three people flag it', async () => {
      const id = await newThread('ciara', modGroup, 'Spam magnet', 'x');
      const spam = await post('facilitator', `/api/threads/${id}/posts`, { body: 'BUY NOW' });
      for (const who of ['ciara', 'mark', 'joanne'] as const) {
        expect((await post(who, `/api/posts/${spam.body.id}/flags`, { reason: 'spam' })).status).toBe(201);
      }
      const p = flatten((await thread('patrick', id)).posts).find((x) => x.id === spam.body.id);
      expect(p).toMatchObject({ hidden: true, body: '' });
      const audit = (await get('facilitator', `/api/programs/${programId}/community/audit`)).body as AuditEntryDto[];
      expect(audit.find((a) => a.targetId === spam.body.id)).toMatchObject({ action: 'post.autohide', actor: null });
    });

    it('locks (only moderators may post), pins, moves a thread; deleting keeps the post for the audit log', async () => {
      const id = await newThread('mark', modGroup, 'Lock me', 'text');
      expect((await patch('mark', `/api/threads/${id}`, { locked: true })).status).toBe(403);
      expect((await patch('ciara', `/api/threads/${id}`, { locked: true, pinned: true })).body).toMatchObject({
        locked: true,
        pinned: true,
      });
      const refused = await post('mark', `/api/threads/${id}/posts`, { body: 'still here?' });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('THREAD_LOCKED');
      expect((await post('ciara', `/api/threads/${id}/posts`, { body: 'Locked: see the new thread.' })).status).toBe(
        201,
      );
      expect((await get('joanne', `/api/groups/${modGroup}/threads`)).body[0].id).toBe(id);

      // Ciara moderates only this group: moving to a group she does not moderate is refused; the facilitator may.
      expect((await post('ciara', `/api/threads/${id}/move`, { groupId: openGroup })).status).toBe(403);
      const moved = await post('facilitator', `/api/threads/${id}/move`, { groupId: openGroup });
      expect(moved.status).toBe(200);
      expect((await thread('mark', id)).group.id).toBe(openGroup);

      const mine = await newThread('mark', openGroup, 'Delete test', 'opening');
      const r = await post('joanne', `/api/threads/${mine}/posts`, { body: 'regret this' });
      expect((await del('joanne', `/api/posts/${r.body.id}`)).status).toBe(200);
      const gone = flatten((await thread('mark', mine)).posts).find((p) => p.id === r.body.id);
      expect(gone).toMatchObject({ deleted: true, body: '' });
      const stored = await t.app.get(DataSource).getRepository(Post).findOneByOrFail({ id: r.body.id });
      expect(stored.body).toBe('regret this');
      const audit = (await get('facilitator', `/api/programs/${programId}/community/audit`)).body as AuditEntryDto[];
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['thread.lock', 'thread.pin', 'thread.move', 'post.delete']),
      );
    });
  });

  describe('attachments', () => {
    const png = TINY_PNG;

    it('stores images and PDFs under DATA_DIR and serves them only to readers of the post', async () => {
      const up = await api(t.app)
        .post(`/api/groups/${carersGroup}/attachments`)
        .set(as('joanne'))
        .attach('file', png, 'respite-leaflet.png');
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({
        mimeType: 'image/png',
        markdown: `![respite-leaflet.png](attachment:${up.body.id})`,
      });
      // Before it is used in a post, only the uploader may fetch it.
      expect((await get('patrick', `/api/attachments/${up.body.id}`)).status).toBe(404);
      const id = await newThread('joanne', carersGroup, 'Leaflet', `Here it is: ${up.body.markdown}`);
      const detail = await thread('patrick', id);
      expect(detail.posts[0].bodyHtml).toContain(`data-attachment="${up.body.id}"`);
      expect(detail.posts[0].attachments.map((a) => a.id)).toEqual([up.body.id]);
      const file = await get('patrick', `/api/attachments/${up.body.id}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect((await get('ciara', `/api/attachments/${up.body.id}`)).status).toBe(404);
      expect((await get('outsider', `/api/attachments/${up.body.id}`)).status).toBe(403);
    });

    it('refuses files that are not images or PDFs, whatever their name says', async () => {
      const res = await api(t.app)
        .post(`/api/groups/${openGroup}/attachments`)
        .set(as('ciara'))
        .attach('file', Buffer.from('<svg onload="alert(1)"/>'), 'innocent.png');
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/file must be an image/);
    });

    it('deletes files never used in a post a day after upload, with their row', async () => {
      const upload = async (name: string) => {
        const res = await api(t.app)
          .post(`/api/groups/${openGroup}/attachments`)
          .set(as('mark'))
          .attach('file', png, name);
        expect(res.status).toBe(201);
        return res.body as { id: string; markdown: string };
      };
      const abandoned = await upload('abandoned.png');
      const fresh = await upload('fresh.png');
      const used = await upload('used.png');
      await newThread('mark', openGroup, 'With a picture', `See ${used.markdown}`);
      const repo = t.app.get(DataSource).getRepository(Attachment);
      const dayAndAHourAgo = new Date(Date.now() - 25 * 3600_000).toISOString();
      await repo.update({ id: In([abandoned.id, used.id]) }, { createdAt: dayAndAHourAgo });
      const storage = t.app.get(StorageService);
      const fileOf = async (id: string) => `community/${(await repo.findOneByOrFail({ id })).storedName}`;
      const stored = async (key: string) => (await storage.head(key)) !== null;
      const [abandonedFile, freshFile, usedFile] = await Promise.all([abandoned, fresh, used].map((a) => fileOf(a.id)));
      expect(await stored(abandonedFile)).toBe(true);

      expect(await t.app.get(AttachmentsService).deleteExpired()).toBe(1);
      expect(await repo.findOneBy({ id: abandoned.id })).toBeNull();
      expect(await stored(abandonedFile)).toBe(false);
      expect(await repo.findOneBy({ id: fresh.id })).not.toBeNull();
      expect(await stored(freshFile)).toBe(true);
      expect(await repo.findOneBy({ id: used.id })).not.toBeNull();
      expect(await stored(usedFile)).toBe(true);
      expect((await get('mark', `/api/attachments/${used.id}`)).status).toBe(200);
      // A row whose file is already gone is still deleted.
      await storage.delete(freshFile);
      expect(await t.app.get(AttachmentsService).deleteExpired(Date.now() + 25 * 3600_000)).toBe(1);
      expect(await repo.findOneBy({ id: fresh.id })).toBeNull();
    });
  });

  describe('search', () => {
    it('finds threads and posts by word, best first, highlighted in <mark> with HTML escaped', async () => {
      const id = await newThread(
        'ciara',
        openGroup,
        'Befriending <script> schemes',
        'Our befriending volunteers visit weekly.',
      );
      await post('mark', `/api/threads/${id}/posts`, { body: 'We pair befriending with a walking group.' });
      const res = await get('mark', `/api/programs/${programId}/community/search?q=befriend`);
      expect(res.status).toBe(200);
      const results = (res.body as SearchResponse).results.filter((r) => r.threadId === id);
      expect(results).toHaveLength(2);
      // Best first: the opening post, whose thread title matches too.
      expect(results[0].titleHtml).toBe('<mark>Befriending</mark> &lt;script&gt; schemes');
      expect(results.every((r) => /<mark>befriending<\/mark>/i.test(r.snippetHtml))).toBe(true);
      // As you type: the last word is a prefix.
      const typing = await get('mark', `/api/programs/${programId}/community/search?q=walking+gro`);
      const typed = (typing.body as SearchResponse).results.filter((r) => r.threadId === id);
      expect(typed.map((r) => r.snippetHtml)).toEqual([
        expect.stringContaining('<mark>walking</mark> <mark>group</mark>'),
      ]);
      expect(
        (await get('mark', `/api/programs/${programId}/community/search?q=${encodeURIComponent('" OR *')}`)).status,
      ).toBe(200);
      const empty = await get('mark', `/api/programs/${programId}/community/search?q=`);
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/q/);
    });

    it('searches the words people read, not the Markdown, and ignores accents, on either database', async () => {
      const thread = {
        title: 'Memory café listings',
        body: 'The **Thursday** café meets at the library: [timetable](https://example.org/zebrafinch-timetable).',
      };
      // The link is a possible identifier (a patient's own page): its author confirms it is not one.
      const warned = await post('ciara', `/api/groups/${openGroup}/threads`, thread);
      const confirmedSpans = ((warned.body.findings ?? []) as FieldFinding[]).map(({ field, start, end }) => ({
        field,
        start,
        end,
      }));
      const created = await post('ciara', `/api/groups/${openGroup}/threads`, { ...thread, confirmedSpans });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const search = async (q: string) =>
        (
          (await get('mark', `/api/programs/${programId}/community/search?q=${encodeURIComponent(q)}`))
            .body as SearchResponse
        ).results.filter((r) => r.threadId === id);
      const plain = await search('cafe');
      expect(plain).toHaveLength(1);
      expect(plain[0].snippetHtml).toContain('<mark>café</mark>');
      expect(plain[0].snippetHtml).not.toMatch(/\*\*|\]\(|https?:/); // no Markdown syntax, no URL
      expect(plain[0].titleHtml).toContain('<mark>café</mark>');
      expect(await search('zebrafinch')).toEqual([]); // a word only in a link's URL
      expect(await search('timetable')).toHaveLength(1); // the link's text is read
    });
  });

  describe('survives a restart', () => {
    it('posts, their tree and the search index are on disk: a new app on the same DATA_DIR has them', async () => {
      const restartable = await startTestApp({}, { keepDataDir: true });
      let again: TestApp | undefined;
      try {
        const admin = await account(restartable.app, 'admin');
        const program = await restartable.app.get(ProgramsService).create({ name: 'Dementia Care ECHO' });
        const member = await account(restartable.app, 'member');
        await addMember(restartable.app, program.id, member.id, 'participant');
        const call = (app: TestApp, who: Account) => ({
          get: (path: string) => api(app.app).get(path).set(bearer(who)),
          post: (path: string, body: object) => api(app.app).post(path).set(bearer(who)).send(body),
        });
        const before = call(restartable, admin);
        const group = (await before.post(`/api/programs/${program.id}/groups`, { name: 'Memory cafés' })).body.id;
        const threadId = (await before.post(`/api/groups/${group}/threads`, { title: 'Memory cafés', body: 'Where?' }))
          .body.id;
        const reply = (
          await call(restartable, member).post(`/api/threads/${threadId}/posts`, { body: 'The town library' })
        ).body.id;
        await call(restartable, member).post(`/api/threads/${threadId}/posts`, { body: 'Thursdays', parentId: reply });
        await restartable.close();

        again = await startTestApp({}, { dataDir: restartable.dataDir });
        const after = call(again, member);
        const detail = (await after.get(`/api/threads/${threadId}`)).body as ThreadDetail;
        expect(flatten(detail.posts).map((p) => p.body)).toEqual(['Where?', 'The town library', 'Thursdays']);
        expect(detail.posts[1].replies[0].body).toBe('Thursdays');
        const found = (await after.get(`/api/programs/${program.id}/community/search?q=library`))
          .body as SearchResponse;
        expect(found.results.map((r) => r.postId)).toEqual([reply]);
      } finally {
        await again?.close();
      }
    });
  });
});
