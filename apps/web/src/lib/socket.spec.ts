// @vitest-environment jsdom
import { LiveErrorCode, type NotificationDto, type WatchRequest } from '@echo-hub/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSocketHub, until } from '../testing/socketHub';
import { setAccessToken } from './api';
import { errorCode, HubConnection, HubRequestError } from './socket';

/** What the hub received on community:watch / unwatch, in order. */
const watchLog: string[] = [];
const open: HubConnection[] = [];
const watchKey = (req: WatchRequest) => req.threadId ?? req.groupId ?? '?';

const connection = (options?: { autoConnect?: boolean }) => {
  const conn = new HubConnection(options);
  open.push(conn);
  return conn;
};

let hub: Awaited<ReturnType<typeof startSocketHub>>;

beforeAll(async () => {
  hub = await startSocketHub((socket) => {
    socket.on('session:join', (req, ack) =>
      ack({
        ok: true,
        data: { state: null, patches: [], routerRtpCapabilities: { echo: req.sessionId }, mediaEpoch: 3 } as never,
      }),
    );
    socket.on('hand:raise', (_req, ack) =>
      ack({ ok: false, error: { code: LiveErrorCode.Lobby, message: 'Wait until the room opens.' } }),
    );
    // host:end is never acknowledged: the client's timeout answers.
    socket.on('host:end', () => undefined);
    socket.on('community:watch', (req, ack) => {
      watchLog.push(`watch ${watchKey(req)}`);
      ack({ ok: true, data: undefined });
    });
    socket.on('community:unwatch', (req, ack) => {
      watchLog.push(`unwatch ${watchKey(req)}`);
      ack({ ok: true, data: undefined });
    });
  });
});

afterEach(() => {
  open.splice(0).forEach((conn) => conn.close());
  hub.tokens.length = 0;
  watchLog.length = 0;
  localStorage.clear();
});

afterAll(() => hub.close());

describe('HubConnection, the client’s one socket', () => {
  it('connects with the stored access token and resolves a request with its acknowledgement’s data', async () => {
    setAccessToken('good-1');
    const conn = connection();
    const joined = await conn.request('session:join', { sessionId: 's-42' });
    expect(joined.mediaEpoch).toBe(3);
    expect(joined.routerRtpCapabilities).toEqual({ echo: 's-42' });
    expect(hub.tokens).toEqual(['good-1']);
    expect(conn.connected).toBe(true);
  });

  it('rejects with the hub’s code and message when the acknowledgement says no', async () => {
    setAccessToken('good-1');
    const conn = connection();
    const failure = await conn.request('hand:raise', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HubRequestError);
    expect(errorCode(failure)).toBe(LiveErrorCode.Lobby);
    expect((failure as Error).message).toBe('Wait until the room opens.');
    expect(errorCode(new Error('something else'))).toBeNull();
  });

  it('rejects with TIMEOUT when no acknowledgement comes', async () => {
    setAccessToken('good-1');
    const conn = connection();
    const failure = await conn.request('host:end', {}, 300).catch((e: unknown) => e);
    expect(errorCode(failure)).toBe('TIMEOUT');
    expect((failure as Error).message).toContain('host:end');
  });

  it('waits for connect() when asked to, so listeners are in place first', async () => {
    setAccessToken('good-1');
    const conn = connection({ autoConnect: false });
    const firstConnections: boolean[] = [];
    conn.onConnect((reconnected) => firstConnections.push(reconnected));
    // The other connection's round trip shows the server is up and answering meanwhile.
    await connection().request('session:join', { sessionId: 'other' });
    expect(conn.connected).toBe(false);
    expect(hub.tokens).toEqual(['good-1']);
    conn.connect();
    await until(() => conn.connected);
    expect(firstConnections).toEqual([false]);
  });

  it('delivers server events to a listener until it is removed', async () => {
    setAccessToken('good-1');
    const conn = connection();
    const received: string[] = [];
    const off = conn.on('notification', (n) => received.push(n.id));
    const server = await hub.only();
    server.emit('notification', { id: 'n1' } as NotificationDto);
    await until(() => received.length === 1);
    off();
    server.emit('notification', { id: 'n2' } as NotificationDto);
    // A request answered after n2 was sent shows n2 had its chance to arrive.
    await conn.request('session:join', { sessionId: 's' });
    expect(received).toEqual(['n1']);
  });

  it('comes back by itself after the connection drops, with the token read again, and says so in order', async () => {
    setAccessToken('good-1');
    const conn = connection();
    const calls: string[] = [];
    conn.onConnect((again) => calls.push(again ? 'connect again' : 'connect'));
    const offReconnect = conn.onReconnect(() => calls.push('reconnect'));
    await until(() => calls.length === 1);
    expect(calls).toEqual(['connect']);

    setAccessToken('good-2');
    const server = await hub.only();
    server.conn.close(); // the transport drops, as on a network change
    await until(() => calls.length === 3);
    expect(calls).toEqual(['connect', 'connect again', 'reconnect']);
    expect(hub.tokens).toEqual(['good-1', 'good-2']);

    offReconnect();
    (await hub.only()).conn.close();
    await until(() => calls.length === 4);
    expect(calls[3]).toBe('connect again');
  });

  it('reports a refused token through connect_error and does not retry it', async () => {
    setAccessToken('expired');
    const conn = connection();
    const error = await new Promise<Error>((resolve) => conn.socket.on('connect_error', resolve));
    expect(error.message).toMatch(/^UNAUTHORIZED/);
    expect(conn.socket.active).toBe(false);
  });

  it('closes for good: disconnected, no reconnection, no more listeners', async () => {
    setAccessToken('good-1');
    const conn = connection();
    const calls: boolean[] = [];
    conn.onConnect((again) => calls.push(again));
    await until(() => conn.connected && hub.sockets.size === 1);
    conn.close();
    await until(() => hub.sockets.size === 0);
    expect(conn.connected).toBe(false);
    expect(conn.socket.active).toBe(false);
    expect(calls).toEqual([false]);
  });
});

describe('the community’s shared connection', () => {
  it('watches once per thread however many pages watch it, again after a drop, and unwatches after the last', async () => {
    setAccessToken('good-1');
    // A fresh module: the community connection is a singleton.
    vi.resetModules();
    const { community } = await import('../features/community/lib/connection');
    const reloads: string[] = [];
    const offReconnect = community.onReconnect(() => reloads.push('reload'));
    const stopA = community.watch({ threadId: 't1' });
    const stopB = community.watch({ threadId: 't1' });
    const stopGroup = community.watch({ groupId: 'g1' });
    await until(() => watchLog.length === 2);
    expect([...watchLog].sort()).toEqual(['watch g1', 'watch t1']);

    watchLog.length = 0;
    (await hub.only()).conn.close();
    await until(() => reloads.length === 1);
    await until(() => watchLog.length === 2);
    expect([...watchLog].sort()).toEqual(['watch g1', 'watch t1']);
    expect(reloads).toEqual(['reload']);

    watchLog.length = 0;
    stopA();
    stopGroup();
    await until(() => watchLog.length === 1);
    expect(watchLog).toEqual(['unwatch g1']);
    stopB();
    await until(() => watchLog.length === 2);
    expect(watchLog).toEqual(['unwatch g1', 'unwatch t1']);

    offReconnect();
    community.close();
    await until(() => hub.sockets.size === 0);
  });
});
