// @vitest-environment jsdom
import { applyPatch, type RoomPatch } from '@echo-hub/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setAccessToken } from '../../../lib/api';
import { person, roomState } from '../../../testing/room';
import { type ServerSocket, startSocketHub, until } from '../../../testing/socketHub';
import { LiveRoomClient } from './LiveRoomClient';

/** The room as the test hub has it at version 5: a spoke waiting in the lobby (so no media starts). */
const base = roomState({
  version: 5,
  participants: [person('spoke', { displayName: 'Ciara Quinn', admitted: false })],
});

const chat = (version: number, text: string): RoomPatch => ({
  version,
  chat: { id: `m${version}`, userId: 'host', displayName: 'Siobhán', text, at: '2025-10-14T12:00:00Z' },
});

/** Join answer fields newer than this spec (a spread, so the spec compiles with and without them). */
const newerJoinFields = { places: [] as string[] };

/** The hub's log of patches after `base`, and the `sinceVersion` of every join it answered. */
let log: RoomPatch[] = [];
let joins: (number | null)[] = [];
let hub: Awaited<ReturnType<typeof startSocketHub>>;
let room: LiveRoomClient | null = null;

beforeAll(async () => {
  hub = await startSocketHub((socket) => {
    socket.on('session:join', (req, ack) => {
      joins.push(req.sinceVersion ?? null);
      const since = req.sinceVersion;
      ack({
        ok: true,
        data: {
          // As the hub does: only the patches when it has them all, the whole state otherwise.
          ...(since === undefined
            ? { state: log.reduce(applyPatch, base), patches: [] }
            : { state: null, patches: log.filter((p) => p.version > since) }),
          routerRtpCapabilities: {},
          mediaEpoch: 1,
          you: { userId: 'spoke', host: false },
          ...newerJoinFields,
        },
      });
    });
  });
});

beforeEach(() => {
  log = [];
  joins = [];
  setAccessToken('good-spoke');
});

afterEach(() => {
  room?.dispose();
  room = null;
});

afterAll(() => hub.close());

/** Joins the room as the spoke; resolves with the client and the hub's side of its socket. */
async function join(): Promise<{ client: LiveRoomClient; socket: ServerSocket }> {
  const client = new LiveRoomClient('s1', { micDeviceId: null, cameraDeviceId: null, micOn: false, cameraOn: false });
  room = client;
  client.start();
  await until(() => client.getSnapshot().status === 'joined');
  return { client, socket: await hub.only() };
}

/** Appends patches to the hub's log and sends the given ones to the client. */
function publish(socket: ServerSocket, patches: RoomPatch[], send = patches): void {
  log.push(...patches);
  for (const patch of send) socket.emit('room:patch', patch);
}

const version = (client: LiveRoomClient) => client.state()?.version;
const texts = (client: LiveRoomClient) => client.state()?.chat.map((m) => m.text);

describe('the live room’s state kept current with versioned patches', () => {
  it('joins with the whole state, then applies each next patch', async () => {
    const { client, socket } = await join();
    expect(client.getSnapshot()).toMatchObject({ status: 'joined', admitted: false });
    expect(version(client)).toBe(5);
    expect(joins).toEqual([null]);

    publish(socket, [
      chat(6, 'Welcome'),
      { version: 7, participants: { upsert: [person('gp', { displayName: 'Dr Gallagher' })] } },
    ]);
    await until(() => version(client) === 7);
    expect(texts(client)).toEqual(['Welcome']);
    expect(client.state()?.participants.map((p) => p.userId)).toEqual(['spoke', 'gp']);
    expect(joins).toEqual([null]);
  });

  it('ignores a patch it already has', async () => {
    const { client, socket } = await join();
    publish(socket, [chat(6, 'Once')]);
    await until(() => version(client) === 6);
    socket.emit('room:patch', chat(6, 'Once again'));
    socket.emit('room:patch', chat(4, 'Older'));
    publish(socket, [chat(7, 'Next')]);
    await until(() => version(client) === 7);
    expect(texts(client)).toEqual(['Once', 'Next']);
  });

  it('after a missed patch, joins again with the version it has and gets what it missed', async () => {
    const { client, socket } = await join();
    publish(socket, [chat(6, 'one'), chat(7, 'two'), chat(8, 'three')], [chat(6, 'one'), chat(8, 'three')]);
    await until(() => version(client) === 8);
    expect(texts(client)).toEqual(['one', 'two', 'three']);
    expect(joins).toEqual([null, 6]);
  });

  it('applies a patch carrying several changes from the version it has; from any other, joins again', async () => {
    const { client, socket } = await join();
    const people = [person('gp'), person('nurse'), person('carer')];
    // Three people joined at once (versions 6-8) arrive as one patch from 5; the hub's log keeps each change.
    publish(
      socket,
      people.map((p, i) => ({ version: 6 + i, participants: { upsert: [p] } })),
      [{ from: 5, version: 8, participants: { upsert: people } }],
    );
    await until(() => version(client) === 8);
    expect(client.state()?.participants.map((p) => p.userId)).toEqual(['spoke', 'gp', 'nurse', 'carer']);
    expect(joins).toEqual([null]);

    // A batch from 9 (9 was missed): the client asks for what it missed.
    publish(
      socket,
      [chat(9, 'missed'), chat(10, 'a'), { version: 11, set: { locked: true } }],
      [{ from: 9, version: 11, chat: chat(10, 'a').chat, set: { locked: true } }],
    );
    await until(() => version(client) === 11);
    expect(texts(client)).toEqual(['missed', 'a']);
    expect(joins).toEqual([null, 8]);
  });

  it('catches up after its connection dropped, from the version it had', async () => {
    const { client, socket } = await join();
    publish(socket, [chat(6, 'before')]);
    await until(() => version(client) === 6);

    socket.conn.close(); // the network drops
    await until(() => client.getSnapshot().status === 'reconnecting');
    log.push(chat(7, 'while away'), { version: 8, set: { open: false, locked: true } });
    await until(() => version(client) === 8);
    expect(client.getSnapshot().status).toBe('joined');
    expect(texts(client)).toEqual(['before', 'while away']);
    expect(client.state()?.locked).toBe(true);
    expect(joins).toEqual([null, 6]);
  });

  it('leaves when the hub ends the session', async () => {
    const { client, socket } = await join();
    socket.emit('session:kicked', { reason: 'ended' });
    await until(() => client.getSnapshot().status === 'ended');
    await until(() => hub.sockets.size === 0);
  });
});
