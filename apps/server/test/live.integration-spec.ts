import {
  type Ack,
  applyPatch,
  type ChatMessage,
  type JoinResponse,
  type RoomPatch,
  type RoomState,
  type TransportOptions,
} from '@echo-hub/protocol';
import { DataSource, In } from 'typeorm';
import { ChatMessageEntity } from '../src/live/entities/chat-message.entity';
import { Attendance } from '../src/live/entities/attendance.entity';
import { RoomRegistry } from '../src/live/room-registry';
import { WorkerPool } from '../src/media';
import { Membership } from '../src/programs/entities/membership.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember } from './fixtures';
import { fakeRtp, TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * Every test opens a session of its own (liveSession) and closes its sockets after it: each one passes alone,
 * in any order (`npx jest live.integration --randomize`). They wait on socket events, never on time.
 */
describe('live session over socket.io with real mediasoup workers', () => {
  let t: TestApp;
  let url: string;
  let programId: string;
  let otherSessionId: string;
  const people: Record<'host' | 'spoke1' | 'spoke2' | 'stranger', Account> = {} as never;
  let clients: TestLiveClient[] = [];

  const connect = async (who: Account | undefined) => {
    const c = new TestLiveClient(url, who?.token);
    clients.push(c);
    await c.connected();
    return c;
  };
  const join = async (c: TestLiveClient, sessionId: string, sinceVersion?: number) => {
    const res = await c.ok<JoinResponse>('session:join', {
      sessionId,
      ...(sinceVersion === undefined ? {} : { sinceVersion }),
    });
    if (res.state) c.state = res.state;
    else if (c.state) c.state = res.patches.reduce(applyPatch, c.state);
    return res;
  };
  const serverState = async (sessionId: string) => {
    const room = t.app.get(RoomRegistry).get(sessionId);
    if (!room) throw new Error(`no live room for ${sessionId}`);
    return room.state();
  };
  const createSession = async (title = 'Live') =>
    (
      await t.app.get(SessionsService).create(
        programId,
        {
          title,
          startsAt: new Date().toISOString(),
          durationMinutes: 90,
          agenda: [
            { kind: 'didactic', title: 'Goal setting', minutes: 20 },
            { kind: 'case', minutes: 30 },
          ],
        },
        null,
      )
    ).id;

  /** A new session with the host and both spokes joined, opened by the host unless `open: false`. */
  const liveSession = async ({ open = true } = {}) => {
    const sessionId = await createSession();
    const host = await connect(people.host);
    const spoke1 = await connect(people.spoke1);
    const spoke2 = await connect(people.spoke2);
    const joined = {
      host: await join(host, sessionId),
      spoke1: await join(spoke1, sessionId),
      spoke2: await join(spoke2, sessionId),
    };
    if (open) {
      await host.ok('host:open');
      await Promise.all([host, spoke1, spoke2].map((c) => c.stateWhere((s) => s.open)));
    }
    return { sessionId, host, spoke1, spoke2, joined };
  };
  const produce = async (c: TestLiveClient, ssrc: number, sources: ('mic' | 'camera')[] = ['mic']) => {
    const send = await c.ok<TransportOptions>('media:createTransport', { direction: 'send' });
    const ids: string[] = [];
    for (const source of sources) {
      const kind = source === 'mic' ? 'audio' : 'video';
      const rtpParameters = source === 'mic' ? fakeRtp.audio(ssrc) : fakeRtp.video(ssrc + 1);
      ids.push(
        (await c.ok<{ producerId: string }>('media:produce', { transportId: send.id, kind, rtpParameters, source }))
          .producerId,
      );
    }
    return { send, ids };
  };
  const participant = (c: TestLiveClient, who: Account) => c.state?.participants.find((p) => p.userId === who.id);

  beforeAll(async () => {
    t = await startTestApp({ MEDIASOUP_WORKERS: '2' });
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    for (const name of ['host', 'spoke1', 'spoke2', 'stranger'] as const) people[name] = await account(t.app, name);
    const programs = t.app.get(ProgramsService);
    const program = await programs.create({ name: 'Social Prescribing ECHO' });
    const other = await programs.create({ name: 'Other ECHO' });
    programId = program.id;
    await addMember(t.app, program.id, people.host.id, 'facilitator');
    await addMember(t.app, program.id, people.spoke1.id, 'participant');
    await addMember(t.app, program.id, people.spoke2.id, 'participant');
    otherSessionId = (
      await t.app
        .get(SessionsService)
        .create(other.id, { title: 'Other', startsAt: new Date().toISOString(), durationMinutes: 60 }, null)
    ).id;
  });

  afterEach(() => {
    clients.forEach((c) => c.close());
    clients = [];
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses a socket without a valid token', async () => {
    await expect(connect(undefined)).rejects.toThrow(/UNAUTHORIZED/);
  });

  it('keeps spokes in the lobby until the facilitator opens the room', async () => {
    const sessionId = await createSession();
    const spoke = await connect(people.spoke1);
    const joined = await join(spoke, sessionId);
    expect(joined.state).toMatchObject({ phase: 'lobby', open: false });
    expect(joined.you).toEqual({ userId: people.spoke1.id, host: false });
    const refused = await spoke.request('media:createTransport', { direction: 'send' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IN_LOBBY' } });

    const host = await connect(people.host);
    expect((await join(host, sessionId)).you.host).toBe(true);
    const opened = spoke.waitFor('room:patch', (p: { set?: Partial<RoomState> }) => p.set?.open === true);
    await host.ok('host:open');
    await opened;
    expect(spoke.state).toMatchObject({ open: true, phase: 'introductions' });
  });

  it('answers malformed or unauthorized events with an error acknowledgement and changes nothing', async () => {
    const { sessionId, spoke1: spoke } = await liveSession();
    const before = (await serverState(sessionId)).version;
    const cases: [string, unknown, string][] = [
      ['session:join', { sessionId: 42 }, 'INVALID_PAYLOAD'],
      ['session:join', { sessionId, extra: true }, 'INVALID_PAYLOAD'],
      ['session:join', 'not an object', 'INVALID_PAYLOAD'],
      ['chat:send', { text: 7 }, 'INVALID_PAYLOAD'],
      ['chat:send', { text: 'x'.repeat(2001) }, 'INVALID_PAYLOAD'],
      ['chat:send', { text: 'Her NHS number is 943 476 5919' }, 'IDENTIFIERS_FOUND'],
      ['chat:send', { text: 'NHS 943 476 5919', confirmedSpans: [{ start: 0, end: 3 }] }, 'IDENTIFIERS_FOUND'],
      ['chat:send', { text: 'ok', confirmedSpans: [{ start: -1, end: 2 }] }, 'INVALID_PAYLOAD'],
      ['host:mute', {}, 'FORBIDDEN'],
      ['host:end', {}, 'FORBIDDEN'],
      ['host:phase', { phase: 'cases', slot: 1 }, 'FORBIDDEN'],
      ['host:remove', { userId: people.host.id }, 'FORBIDDEN'],
      ['hand:lower', { userId: people.host.id }, 'FORBIDDEN'],
      [
        'media:connectTransport',
        { transportId: '5b1d3f36-8f7a-4a57-9b8e-2d7c39a4f001', dtlsParameters: {} },
        'NOT_FOUND',
      ],
      [
        'media:consume',
        {
          transportId: '5b1d3f36-8f7a-4a57-9b8e-2d7c39a4f001',
          producerId: '5b1d3f36-8f7a-4a57-9b8e-2d7c39a4f002',
          rtpCapabilities: {},
        },
        'NOT_FOUND',
      ],
    ];
    for (const [event, payload, code] of cases) {
      const ack = await spoke.request(event as 'chat:send', payload);
      expect([event, ack]).toEqual([
        event,
        expect.objectContaining({ ok: false, error: expect.objectContaining({ code }) }),
      ]);
    }
    const invalid = await spoke.request('session:join', { sessionId: 42 });
    expect(!invalid.ok && invalid.error.message).toMatch(/sessionId/);
    expect((await serverState(sessionId)).version).toBe(before);

    const stranger = await connect(people.stranger);
    expect(await stranger.request('session:join', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await spoke.request('session:join', { sessionId: otherSessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await serverState(sessionId)).version).toBe(before);
    const rows = await t.app.get(DataSource).getRepository(ChatMessageEntity).find({ where: { sessionId } });
    expect(rows).toEqual([]);
  });

  it('forwards producers: others hear of them and can consume them; last-N lists the cameras', async () => {
    const { spoke1, spoke2, joined } = await liveSession();
    const heard = spoke2.waitFor<{ producerId: string; source: string }>(
      'media:newProducer',
      (p) => p.source === 'mic',
    );
    const {
      send,
      ids: [mic],
    } = await produce(spoke1, 1111, ['mic', 'camera']);
    expect((await heard).producerId).toBe(mic);

    const recv = await spoke2.ok<TransportOptions>('media:createTransport', { direction: 'recv' });
    const consumer = await spoke2.ok<{ id: string; kind: string; userId: string; paused: boolean }>('media:consume', {
      transportId: recv.id,
      producerId: mic,
      rtpCapabilities: joined.spoke2.routerRtpCapabilities,
    });
    expect(consumer).toMatchObject({ kind: 'audio', userId: people.spoke1.id, paused: true });
    await spoke2.ok('media:resumeConsumer', { consumerId: consumer.id });
    // Someone else's transport is not yours to use.
    expect(
      await spoke2.request('media:produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters: fakeRtp.audio(3),
        source: 'mic',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    await spoke2.stateWhere(() => participant(spoke2, people.spoke1)?.producers.length === 2);
    expect(
      participant(spoke2, people.spoke1)
        ?.producers.map((p) => p.source)
        .sort(),
    ).toEqual(['camera', 'mic']);
    await spoke2.stateWhere((s) => s.videoUserIds.length > 0);
    expect(spoke2.state?.videoUserIds).toEqual([people.spoke1.id]);
  });

  it('queues raised hands in order; the facilitator works through them; chat is kept', async () => {
    const { host, spoke1, spoke2 } = await liveSession();
    await spoke2.ok('hand:raise');
    await spoke1.ok('hand:raise');
    await spoke2.ok('hand:raise'); // twice is still once
    await host.stateWhere((s) => s.hands.length === 2);
    expect(host.state?.hands.map((h) => h.userId)).toEqual([people.spoke2.id, people.spoke1.id]);
    await host.ok('hand:lower', { userId: people.spoke2.id });
    // A link is a possible identifier (a patient's own page): its sender confirms it is not one.
    const text = 'Link to the toolkit: https://example.org/toolkit';
    const link = { start: text.indexOf('https'), end: text.length };
    const message = await spoke1.ok<ChatMessage>('chat:send', { text, confirmedSpans: [link] });
    await host.stateWhere((s) => s.hands.length === 1 && s.chat.length === 1);
    expect(host.state?.chat[0]).toEqual(message);
  });

  it('mute by the facilitator pauses the spoke’s microphone on the server and tells them', async () => {
    const { sessionId, host, spoke1 } = await liveSession();
    await produce(spoke1, 2222);
    await host.stateWhere(() => participant(host, people.spoke1)?.producers.length === 1);
    const told = spoke1.waitFor('host:muted');
    await host.ok('host:mute', { userId: people.spoke1.id });
    await told;
    await host.stateWhere(() => participant(host, people.spoke1)?.producers[0]?.paused === true);
    const room = t.app.get(RoomRegistry).get(sessionId);
    expect(room?.media?.producersOf(people.spoke1.id).find((p) => p.kind === 'audio')?.paused).toBe(true);
  });

  it('a reconnecting spoke gets exactly what it missed, and its attendance is two exact rows', async () => {
    const { sessionId, host, spoke1: first } = await liveSession();
    const text = 'Link to the toolkit: https://example.org/toolkit';
    await first.ok('chat:send', { text, confirmedSpans: [{ start: text.indexOf('https'), end: text.length }] });
    await first.ok('hand:raise');
    await first.stateWhere((s) => s.hands.length === 1 && s.chat.length === 1);
    const version = first.state?.version ?? 0;
    const chatBefore = first.state?.chat;
    first.close();
    await host.stateWhere(() => participant(host, people.spoke1)?.online === false);
    await host.ok('chat:send', { text: 'Welcome back when you can' });
    const spoke1 = await connect(people.spoke1);
    // The new socket resumes from the state the old one had.
    spoke1.state = { ...(structuredClone(host.state) as RoomState), version, chat: chatBefore ?? [] };
    const res = await join(spoke1, sessionId, version);
    expect(res.state).toBeNull();
    expect(res.patches.length).toBeGreaterThan(0);
    expect(spoke1.state?.chat.map((m) => m.text)).toEqual([text, 'Welcome back when you can']);
    expect(spoke1.state?.hands.map((h) => h.userId)).toEqual([people.spoke1.id]);
    const rows = await t.app
      .get(DataSource)
      .getRepository(Attendance)
      .find({ where: { sessionId, userId: people.spoke1.id }, order: { joinedAt: 'ASC' } });
    expect(rows).toHaveLength(2);
    expect(rows[0].leftAt).not.toBeNull();
    expect(rows[1].leftAt).toBeNull();
  });

  it('when the worker hosting the room dies, the router is rebuilt elsewhere; chat and hands survive', async () => {
    const { sessionId, spoke1, spoke2 } = await liveSession();
    await produce(spoke1, 3333);
    await spoke1.ok('hand:raise');
    await spoke1.ok('chat:send', { text: 'Before the crash' });
    await spoke2.stateWhere(
      (s) => s.chat.length === 1 && s.hands.length === 1 && participant(spoke2, people.spoke1)?.producers.length === 1,
    );
    const pool = t.app.get(WorkerPool);
    const room = t.app.get(RoomRegistry).get(sessionId);
    const before = room?.media?.router;
    const victim = before ? pool.workerOf(before)?.pid : undefined;
    expect(victim).toBeDefined();
    const reset = spoke2.waitFor<{ mediaEpoch: number }>('media:reset');
    const epoch = room?.mediaEpoch ?? 0;
    process.kill(victim as number, 'SIGKILL');
    expect((await reset).mediaEpoch).toBe(epoch + 1);
    const after = room?.media?.router;
    expect(after?.closed).toBe(false);
    expect(pool.workerOf(after as NonNullable<typeof after>)?.pid).not.toBe(victim);
    await spoke2.stateWhere((s) => s.participants.every((p) => p.producers.length === 0));
    expect(spoke2.state?.chat.map((m) => m.text)).toEqual(['Before the crash']);
    expect(spoke2.state?.hands.map((h) => h.userId)).toEqual([people.spoke1.id]);

    // Media works again on the new router.
    await produce(spoke2, 4444);
  });

  it('removing a participant takes them and their hand out of everyone’s state in one patch', async () => {
    const { sessionId, host, spoke1, spoke2 } = await liveSession();
    await spoke1.ok('hand:raise');
    await spoke2.stateWhere((s) => s.hands.length === 1);
    const kicked = spoke1.waitFor<{ reason: string }>('session:kicked');
    const removal = spoke2.waitFor<RoomPatch>('room:patch', (p) => p.participants?.remove !== undefined);
    await host.ok('host:remove', { userId: people.spoke1.id });
    expect((await kicked).reason).toBe('removed');
    expect(await removal).toMatchObject({ set: { hands: [] }, participants: { remove: [people.spoke1.id] } });
    const server = await serverState(sessionId);
    await host.stateWhere((s) => s.version === server.version);
    await spoke2.stateWhere((s) => s.version === server.version);
    expect(host.state).toEqual(server);
    expect(spoke2.state).toEqual(server);
    expect(server.participants.map((p) => p.userId)).not.toContain(people.spoke1.id);
    const again = await connect(people.spoke1);
    expect(await again.request('session:join', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('chat passes the de-identification gate: a flagged span is sent only once its sender confirms it', async () => {
    const { sessionId, host, spoke2 } = await liveSession();
    expect(await spoke2.request('chat:send', { text: 'Her NHS number is 943 476 5919' })).toMatchObject({
      ok: false,
      error: { code: 'IDENTIFIERS_FOUND' },
    });
    const text = 'Dr Okafor suggested the same plan';
    const refused = await spoke2.request('chat:send', { text });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'IDENTIFIERS_FOUND', message: expect.stringContaining('"Dr Okafor"') },
    });
    const sent = await spoke2.ok<ChatMessage>('chat:send', { text, confirmedSpans: [{ start: 0, end: 9 }] });
    await host.stateWhere((s) => s.chat.at(-1)?.id === sent.id);
    const rows = await t.app.get(DataSource).getRepository(ChatMessageEntity).find({ where: { sessionId } });
    expect(rows.map((r) => r.id)).toEqual([sent.id]);
    expect(rows[0].confirmedFindings).toEqual([
      expect.objectContaining({ kind: 'NAME', text: 'Dr Okafor', start: 0, end: 9 }),
    ]);
  });

  it('ending the session sends everyone away and closes every attendance row', async () => {
    const { sessionId, host, spoke2 } = await liveSession();
    const kicked = spoke2.waitFor<{ reason: string }>('session:kicked');
    await host.ok('host:end');
    expect((await kicked).reason).toBe('ended');
    const db = t.app.get(DataSource);
    expect((await db.getRepository(EchoSession).findOneByOrFail({ id: sessionId })).status).toBe('ended');
    const rows = await db.getRepository(Attendance).find({ where: { sessionId } });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.leftAt !== null)).toBe(true);
    expect(t.app.get(RoomRegistry).get(sessionId)).toBeUndefined();
    expect(await spoke2.request('session:join', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_ENDED' },
    });
  });

  it('a crowd joining at once: each is checked, gets one attendance row and one versioned place; leaving closes only theirs', async () => {
    const db = t.app.get(DataSource);
    const site = await t.app.get(ProgramsService).addSite(programId, { organisation: 'Ards Community Health Centre' });
    const crowd: Account[] = [];
    for (let i = 0; i < 8; i++) {
      const a = await account(t.app, `crowd${i}`);
      await addMember(t.app, programId, a.id, 'participant');
      crowd.push(a);
    }
    await db.getRepository(Membership).update({ userId: In(crowd.map((a) => a.id)) }, { siteId: site.id });
    const crowdSession = await createSession('Crowd');
    const facilitator = await connect(people.host);
    await facilitator.ok('session:join', { sessionId: crowdSession });

    // Everyone connects and joins at the same moment; a non-member among them is refused.
    // The state is taken in the acknowledgement callback itself: patches right behind it may arrive in the same read.
    const arrive = async (who: Account) => {
      const c = await connect(who);
      const ack = await new Promise<Ack<JoinResponse>>((resolve) =>
        c.socket.emit('session:join', { sessionId: crowdSession }, (a) => {
          if (a.ok) c.state = a.data.state;
          resolve(a);
        }),
      );
      return { c, ack };
    };
    const [refused, ...joined] = await Promise.all([arrive(people.stranger), ...crowd.map(arrive)]);
    expect(refused.ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(joined.map(({ ack }) => ack.ok)).toEqual(crowd.map(() => true));

    // One patch per join (the facilitator's, then the crowd's), and every client converges on the server's state.
    const room = await serverState(crowdSession);
    expect(room.version).toBe(1 + crowd.length);
    for (const { c } of joined) expect(await c.stateWhere((s) => s.version === room.version)).toEqual(room);
    expect(room.participants.filter((p) => p.role === 'participant')).toEqual(
      crowd.map(() => expect.objectContaining({ online: true, siteId: site.id, siteName: site.organisation })),
    );

    const rows = await db.getRepository(Attendance).find({ where: { sessionId: crowdSession } });
    expect(rows).toHaveLength(1 + crowd.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(
      rows
        .filter((r) => r.role === 'participant')
        .map((r) => [r.userId, r.siteId, r.leftAt])
        .sort(),
    ).toEqual(crowd.map((a) => [a.id, site.id, null]).sort());

    await joined[0].c.ok('session:leave');
    const after = await db.getRepository(Attendance).find({ where: { sessionId: crowdSession } });
    expect(after.filter((r) => r.leftAt !== null).map((r) => r.userId)).toEqual([crowd[0].id]);

    // An admin who is not a member of the program may join it, as admin.
    const admin = await connect(people.host);
    expect((await admin.ok<JoinResponse>('session:join', { sessionId: otherSessionId })).state?.participants).toEqual([
      expect.objectContaining({ userId: people.host.id, role: 'admin', siteId: null }),
    ]);
  });
});
