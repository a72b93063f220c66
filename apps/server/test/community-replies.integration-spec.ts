import type { PostNode, ThreadDetail } from '@echo-hub/protocol';
import { ProgramsService } from '../src/programs/programs.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/** Replies sent to one thread at the same moment each get a post of their own, numbered in turn, never a 500. */
describe('community replies at the same moment', () => {
  let t: TestApp;
  let host: Account;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await account(t.app, 'admin');
    const programId = (await t.app.get(ProgramsService).create({ name: 'Busy ECHO' })).id;
    host = await account(t.app, 'host');
    await addMember(t.app, programId, host.id, 'facilitator'); // moderates: no flood limit
    const group = await api(t.app).post(`/api/programs/${programId}/groups`).set(bearer(host)).send({ name: 'Busy' });
    groupId = group.body.id;
  });
  afterAll(() => t.close());

  it('30 replies at once: all stored, numbers 2..31 with none taken twice, the counts right', async () => {
    const thread = await api(t.app)
      .post(`/api/groups/${groupId}/threads`)
      .set(bearer(host))
      .send({ title: 'Winter pressures', body: 'How are your teams coping?' });
    expect(thread.status).toBe(201);
    const id = thread.body.id as string;
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api(t.app)
          .post(`/api/threads/${id}/posts`)
          .set(bearer(host))
          .send({ body: `Reply ${i}: we moved staff between wards.` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(201));
    const detail = (await api(t.app).get(`/api/threads/${id}`).set(bearer(host)).expect(200)).body as ThreadDetail;
    const all = (posts: PostNode[]): PostNode[] => posts.flatMap((p) => [p, ...all(p.replies)]);
    const numbers = all(detail.posts)
      .map((p) => p.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(detail.replyCount).toBe(30);
  });
});
