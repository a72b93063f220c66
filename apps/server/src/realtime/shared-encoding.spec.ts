import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { encodeOnce, SOCKET_SERVER_OPTIONS } from './shared-encoding';

describe('encodeOnce through socket.io (real server and clients)', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  const clients: Socket[] = [];
  let answer: unknown;

  beforeAll(async () => {
    http = createServer();
    const { path, parser } = SOCKET_SERVER_OPTIONS;
    server = new Server(http, { path, parser, serveClient: false });
    server.on('connection', (socket) => {
      socket.on('ask', (_body: unknown, ack: (a: unknown) => void) => ack(answer));
      socket.on('shout', () => server.emit('heard', answer));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await new Promise((resolve) => server.close(resolve));
  });

  const connect = async () => {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false });
    clients.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
    return socket;
  };

  /** A state whose serialisations are counted: each JSON.stringify of it calls toJSON once. */
  const countedState = () => {
    const counted = { times: 0 };
    const state = {
      version: 7,
      participants: [{ userId: 'u1', displayName: 'Ada "the host" \\ Lovelace', online: true }],
      clock: { toJSON: () => ++counted.times && 'tick' },
    };
    return { counted, state };
  };

  it('answers many sockets with the same encoding: the object is serialised once, clients get ordinary JSON', async () => {
    const { counted, state } = countedState();
    const expected = { ...state, clock: 'tick' };
    answer = { ok: true, data: { state: encodeOnce(state), places: ['Leeds'], you: { userId: 'u2' } } };
    const sockets = await Promise.all([connect(), connect(), connect()]);
    const got = await Promise.all(sockets.map((s) => s.emitWithAck('ask', {})));
    for (const a of got)
      expect(a).toEqual({ ok: true, data: { state: expected, places: ['Leeds'], you: { userId: 'u2' } } });
    expect(counted.times).toBe(1);
  });

  it('a string that looks like the mark is sent as it is', async () => {
    const { state } = countedState();
    const lookalikes = ['\u00000', '\u0000x:0', `\u0000${'0'.repeat(36)}:0`];
    answer = { ok: true, data: { state: encodeOnce(state), places: lookalikes } };
    const got = (await (await connect()).emitWithAck('ask', {})) as { data: { places: string[] } };
    expect(got.data.places).toEqual(lookalikes);
  });

  it('events and binary answers go the usual way', async () => {
    const { counted, state } = countedState();
    const socket = await connect();
    answer = { ok: true, data: { state: encodeOnce(state), file: Buffer.from('abc') } };
    const binary = (await socket.emitWithAck('ask', {})) as { data: { state: unknown; file: Buffer } };
    expect(Buffer.from(binary.data.file).toString()).toBe('abc');
    expect(binary.data.state).toEqual({ ...state, clock: 'tick' });

    answer = { set: { locked: true }, state: encodeOnce(state) };
    const heard = new Promise((resolve) => socket.once('heard', resolve));
    socket.emit('shout');
    expect(await heard).toEqual({ set: { locked: true }, state: { ...state, clock: 'tick' } });
    expect(counted.times).toBeGreaterThan(1); // neither took the shared encoding
  });
});
