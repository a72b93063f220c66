import { applyPatch, type JoinResponse, patchBase, type RoomPatch, type RoomState } from '@echo-hub/protocol';
import { ProgramsService } from '../src/programs/programs.service';
import { RoomRegistry } from '../src/live/room-registry';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, waitUntil } from './fixtures';
import { TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * A participant that checks every patch as the web client does, strictly: after the state its join answered
 * with, each patch it receives must go on from the version it has (nothing lost, nothing twice, nothing out of
 * order).
 * Patches that arrive before the join's answer are kept and applied after it; those already in the state it
 * answered with are skipped.
 */
class StrictClient {
  readonly live: TestLiveClient;
  state: RoomState | null = null;
  /** What went wrong with the patches: holes, repeats, reordering. */
  readonly faults: string[] = [];
  patches = 0;
  private early: RoomPatch[] = [];
  private joinedAt = 0;

  constructor(url: string, token: string) {
    this.live = new TestLiveClient(url, token);
    this.live.socket.on('room:patch', (patch: RoomPatch) => {
      this.patches++;
      if (this.state) this.apply(patch);
      else this.early.push(patch);
    });
  }

  async join(sessionId: string): Promise<void> {
    this.state = null;
    this.early = [];
    await this.live.connected();
    const res = await this.live.ok<JoinResponse>('session:join', { sessionId });
    if (!res.state) throw new Error('a first join answers with the state');
    this.state = res.state;
    this.joinedAt = res.state.version;
    for (const patch of this.early.splice(0)) this.apply(patch);
  }

  private apply(patch: RoomPatch): void {
    const state = this.state!;
    // Already in the state the join answered with (the server answers once a change is applied, and may send its
    // patch a moment later, once it is stored): the web client skips these too.
    if (patch.version <= this.joinedAt) return;
    if (patchBase(patch) !== state.version) {
      this.faults.push(`at version ${state.version} got patch ${patch.version}`);
      return;
    }
    this.state = applyPatch(state, JSON.parse(JSON.stringify(patch)) as RoomPatch);
  }
}

/**
 * Join storms through the real gateway: many people joining at once while others raise and lower hands, leave,
 * come back, drop and chat. The hub batches the room's patches (one fan-out per batch, live-room.ts); every client
 * must still end with exactly the server's room state, having received every patch once, in order.
 */
describe('join storm: batched room patches over socket.io', () => {
  let t: TestApp;
  let url: string;
  let programId: string;
  let host: Account;
  const spokes: Account[] = [];
  const clients: StrictClient[] = [];
  const SPOKES = 30;

  const client = (who: Account) => {
    const c = new StrictClient(url, who.token);
    clients.push(c);
    return c;
  };
  const serverState = () => t.app.get(RoomRegistry).get(sessionId)!.state();
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    programId = (await t.app.get(ProgramsService).create({ name: 'Storm ECHO' })).id;
    host = await account(t.app, 'host');
    await addMember(t.app, programId, host.id, 'facilitator');
    for (let i = 0; i < SPOKES; i++) {
      const spoke = await account(t.app, `spoke${i}`);
      await addMember(t.app, programId, spoke.id, 'participant');
      spokes.push(spoke);
    }
    sessionId = (
      await t.app
        .get(SessionsService)
        .create(programId, { title: 'Storm', startsAt: new Date().toISOString(), durationMinutes: 60 }, null)
    ).id;
  });

  afterAll(async () => {
    for (const c of clients) c.live.close();
    await t.close();
  });

  it('every client ends with the server state after a burst of joins, leaves, returns, drops, hands and chat', async () => {
    const facilitator = client(host);
    await facilitator.join(sessionId);
    await facilitator.live.ok('host:open');

    // 20 people join at once.
    const first = spokes.slice(0, 20).map(client);
    await Promise.all(first.map((c) => c.join(sessionId)));

    // Then, all at the same moment: 10 more join; of the first 20, 5 raise their hand, 3 raise and lower it,
    // 3 leave and come back, 3 drop for good, 4 chat; the host lowers the first raised hand and locks the room.
    const later = spokes.slice(20).map(client);
    const raisers = first.slice(0, 5);
    const undecided = first.slice(5, 8);
    const returning = first.slice(8, 11);
    const dropping = first.slice(11, 14);
    const chatting = first.slice(14, 18);
    await Promise.all([
      ...later.map((c) => c.join(sessionId)),
      ...raisers.map((c) => c.live.ok('hand:raise')),
      ...undecided.map(async (c) => {
        await c.live.ok('hand:raise');
        await c.live.ok('hand:lower');
      }),
      ...returning.map(async (c) => {
        await c.live.ok('session:leave');
        await c.join(sessionId);
      }),
      ...dropping.map((c) => c.live.close()),
      ...chatting.map((c, i) => c.live.ok('chat:send', { text: `Storm message ${i}` })),
      (async () => {
        await waitUntil(() => facilitator.state!.hands.some((h) => h.userId === spokes[0].id));
        await facilitator.live.ok('hand:lower', { userId: spokes[0].id });
      })(),
    ]);
    // The dropped sockets' leaving reaches the server by itself; the host sees it in the room.
    const droppedIds = dropping.map((c) => spokes[first.indexOf(c)].id);
    const isOffline = (id: string) => facilitator.state!.participants.some((p) => p.userId === id && !p.online);
    await waitUntil(() => droppedIds.every(isOffline), 30_000);
    await facilitator.live.ok('host:lock', { locked: true });

    const server = await serverState();
    const connected = clients.filter((c) => !dropping.includes(c));
    await waitUntil(() => connected.every((c) => c.state?.version === server.version), 30_000);
    for (const c of connected) {
      expect(c.faults).toEqual([]);
      expect(c.state).toEqual(server);
    }

    // And the state is what happened.
    const ids = (list: StrictClient[]) => list.map((c) => spokes[first.indexOf(c)].id);
    expect(server.hands.map((h) => h.userId).sort()).toEqual(ids(raisers.slice(1)).sort());
    expect(server.chat.map((m) => m.text).sort()).toEqual(chatting.map((_, i) => `Storm message ${i}`));
    expect(server.locked).toBe(true);
    const online = new Map(server.participants.map((p) => [p.userId, p.online]));
    expect(server.participants).toHaveLength(1 + SPOKES);
    expect(spokes.filter((s) => online.get(s.id) === false).map((s) => s.id)).toEqual(droppedIds);
  });
});
