import type { Ack, BreakoutRoom, TransportOptions } from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { Attendance } from '../src/live/entities/attendance.entity';
import { RoomRegistry } from '../src/live/room-registry';
import { fakeRtp, type TestLiveClient } from './live-client';
import { liveScene } from './live-scene';

/**
 * Breakout rooms over socket.io with real clients and real mediasoup: each room is its own media scope on the
 * session's router (a consumer across rooms is refused, and closed when people move), a broadcast reaches every
 * room, help is asked from a room, and ending the breakouts opens the main room's media again. Waits on events.
 */
describe('breakout rooms in a live session', () => {
  const scene = liveScene('Breakout ECHO');
  const { people } = scene;

  beforeAll(() => scene.start());
  afterEach(() => scene.closeClients());
  afterAll(() => scene.close());

  const room = (sessionId: string) => scene.t.app.get(RoomRegistry).get(sessionId)!;
  /** A microphone producer of `c` (RTP parameters as a browser sends them). */
  const mic = async (c: TestLiveClient, ssrc: number) => {
    const send = await c.ok<TransportOptions>('media:createTransport', { direction: 'send' });
    const rtpParameters = fakeRtp.audio(ssrc);
    return (
      await c.ok<{ producerId: string }>('media:produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters,
        source: 'mic',
      })
    ).producerId;
  };
  /** Asks to consume a producer on `c`'s receiving transport. */
  const consume = async (c: TestLiveClient, producerId: string, caps: unknown) => {
    const recv = await c.ok<TransportOptions>('media:createTransport', { direction: 'recv' });
    return c.request('media:consume', { transportId: recv.id, producerId, rtpCapabilities: caps });
  };

  it('each room consumes only its own producers; moves close the others; the end opens the main room again', async () => {
    const { sessionId, host, spoke1, spoke2, all } = await scene.liveSession();
    const caps = (await room(sessionId).ensureMedia()).rtpCapabilities;
    const [hostMic, mic1, mic2] = [await mic(host, 1000), await mic(spoke1, 2000), await mic(spoke2, 3000)];
    const before = (await consume(spoke1, mic2, caps)) as Ack<{ id: string }>;
    expect(before.ok).toBe(true);
    const closed = spoke1.waitFor<{ consumerId: string }>(
      'media:consumerClosed',
      (p) => before.ok && p.consumerId === before.data.id,
    );

    await host.ok('breakout:start', {
      split: 'hand',
      rooms: 2,
      assignments: [
        { userId: people.spoke1.id, room: 0 },
        { userId: people.spoke2.id, room: 1 },
      ],
    });
    await closed; // the consumer across rooms went with the split
    const rooms = (await spoke1.stateWhere((s) => !!s.breakouts)).breakouts!.rooms;
    const [room1, room2] = rooms as [BreakoutRoom, BreakoutRoom];
    expect([room1.userIds, room2.userIds]).toEqual([[people.spoke1.id], [people.spoke2.id]]);
    for (const [c, producerId] of [
      [spoke1, mic2],
      [spoke1, hostMic],
      [host, mic1],
    ] as const) {
      expect(await consume(c, producerId, caps)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    // A broadcast reaches both rooms; spoke 2's room asks for help; the host joins it and consumes there.
    await host.ok('breakout:broadcast', { text: 'Five minutes left' });
    for (const c of [spoke1, spoke2]) await c.stateWhere((s) => s.breakouts?.message?.text === 'Five minutes left');
    await spoke2.ok('breakout:help', { on: true });
    await host.stateWhere((s) => !!s.breakouts?.rooms.find((r) => r.id === room2.id)?.helpAt);
    await host.ok('breakout:move', { roomId: room2.id });
    expect(await consume(host, mic2, caps)).toMatchObject({ ok: true });
    expect(await consume(host, mic1, caps)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Spoke 2 moved to room 1: spoke 1 hears them now.
    await host.ok('breakout:move', { userId: people.spoke2.id, roomId: room1.id });
    expect(await consume(spoke1, mic2, caps)).toMatchObject({ ok: true });

    await host.ok('breakout:end');
    await Promise.all(all.map((c) => c.stateWhere((s) => s.breakouts === null)));
    expect(await consume(spoke1, hostMic, caps)).toMatchObject({ ok: true });
    expect(await consume(host, mic1, caps)).toMatchObject({ ok: true });
    // Attendance never closed on a move.
    const rows = await scene.t.app.get(DataSource).getRepository(Attendance).findBy({ sessionId });
    expect(rows.map((r) => r.leftAt)).toEqual([null, null, null]);
  });

  it('refuses bad payloads naming the field, and spokes running breakouts; nothing changes', async () => {
    const { sessionId, host, spoke1 } = await scene.liveSession();
    const version = (await room(sessionId).state()).version;
    const cases: [TestLiveClient, string, unknown, string, RegExp][] = [
      [host, 'breakout:start', { split: 'alphabet', rooms: 2 }, 'INVALID_PAYLOAD', /split/],
      [host, 'breakout:start', { split: 'random', rooms: 1 }, 'INVALID_PAYLOAD', /rooms/],
      [host, 'breakout:start', { split: 'random', rooms: 2, minutes: 0 }, 'INVALID_PAYLOAD', /minutes/],
      [
        host,
        'breakout:start',
        { split: 'hand', rooms: 2, assignments: [{ userId: 'x', room: 0 }] },
        'INVALID_PAYLOAD',
        /userId/,
      ],
      [host, 'breakout:move', { roomId: 'nope' }, 'INVALID_PAYLOAD', /roomId/],
      [host, 'breakout:end', {}, 'INVALID_PAYLOAD', /No breakouts/],
      [spoke1, 'breakout:start', { split: 'random', rooms: 2 }, 'FORBIDDEN', /hub team/],
      [spoke1, 'breakout:help', { on: true }, 'INVALID_PAYLOAD', /not in a breakout room/],
    ];
    for (const [client, event, payload, code, message] of cases) {
      const ack = await client.request(event as 'breakout:start', payload);
      expect({ event, payload, ack }).toMatchObject({ ack: { ok: false, error: { code, message } } });
    }
    expect((await room(sessionId).state()).version).toBe(version);
  });
});
