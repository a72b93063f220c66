import type { Ack, ClientToServerEvents, LiveErrorCode, ServerToClientEvents } from '@echo-hub/protocol';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { getAccessToken } from './api';

/**
 * The web client's one way to talk to the hub over socket.io. Every connection is made here: authenticated
 * with the access token (read again on every reconnection attempt), over a websocket from the first request.
 * Without long-polling a load balancer may send each connection to any hub instance with no sticky sessions
 * (a polling session's requests would all have to reach the instance that opened it).
 *
 * The community keeps one connection for the whole visit (notifications, watched threads); a live room opens
 * one of its own for each visit, because the hub ties a room's membership to its socket (the socket dropping
 * is leaving the room, and the hub closes it to move the room to another instance).
 */
const socketOptions: Partial<ManagerOptions & SocketOptions> = {
  path: '/socket.io',
  transports: ['websocket'],
  auth: (cb) => cb({ token: getAccessToken() ?? '' }),
};

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type HubEvent = keyof ClientToServerEvents;
export type HubRequest<E extends HubEvent> = Parameters<ClientToServerEvents[E]>[0];
type HubAck<E extends HubEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
export type HubResult<E extends HubEvent> = Extract<HubAck<E>, { ok: true }>['data'];

/** Why a request failed: the server's code, or TIMEOUT when no acknowledgement came in time. */
export class HubRequestError extends Error {
  constructor(
    readonly code: LiveErrorCode | 'TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

/** The error code of any thrown value (null when it is not a request error). */
export const errorCode = (e: unknown): HubRequestError['code'] | null => (e instanceof HubRequestError ? e.code : null);

/**
 * The part of a socket `request()` needs. The event maps type each payload and ack, but
 * TypeScript cannot follow them through the generic `E`; `request()`'s signature keeps callers typed.
 */
interface AckEmitter {
  emit(event: string, payload: unknown, ack: (err: Error | null, response: Ack<unknown>) => void): unknown;
}

/** What `on()` needs of a socket (the typed overloads cannot be called with a generic event name). */
interface Listenable {
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
}

/**
 * One socket.io connection to the hub. socket.io reconnects by itself; `onConnect` and `onReconnect` tell
 * who needs to (re)subscribe or catch up, in the order they were registered.
 */
export class HubConnection {
  readonly socket: HubSocket;
  private connections = 0;
  private readonly connectListeners = new Set<(reconnected: boolean) => void>();

  /** `autoConnect: false` waits for `connect()`, so listeners can be in place first. */
  constructor({ autoConnect = true }: { autoConnect?: boolean } = {}) {
    this.socket = io({ ...socketOptions, autoConnect });
    this.socket.on('connect', () => {
      const reconnected = this.connections++ > 0;
      this.connectListeners.forEach((listener) => listener(reconnected));
    });
  }

  connect(): void {
    this.socket.connect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Emits an event and resolves with the acknowledgement's data; throws HubRequestError on `{ ok: false }`. */
  request<E extends HubEvent>(event: E, payload: HubRequest<E>, timeoutMs = 10_000): Promise<HubResult<E>> {
    const emitter = this.socket.timeout(timeoutMs) as unknown as AckEmitter;
    return new Promise((resolve, reject) => {
      emitter.emit(event, payload, (err, ack) => {
        if (err) reject(new HubRequestError('TIMEOUT', `No answer to ${event} from the hub`));
        else if (ack.ok) resolve(ack.data as HubResult<E>);
        else reject(new HubRequestError(ack.error.code, ack.error.message));
      });
    });
  }

  /** Listens to a server event until the returned function is called. */
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void {
    const socket = this.socket as unknown as Listenable;
    socket.on(event, listener);
    return () => void socket.off(event, listener);
  }

  /** Called on every connection (`reconnected` after the first), until the returned function is called. */
  onConnect(listener: (reconnected: boolean) => void): () => void {
    this.connectListeners.add(listener);
    return () => void this.connectListeners.delete(listener);
  }

  /** Called each time the socket came back (not on the first connection), until the returned function is called. */
  onReconnect(listener: () => void): () => void {
    return this.onConnect((reconnected) => reconnected && listener());
  }

  /** Closes the connection for good (socket.io will not reconnect it) and drops every listener. */
  close(): void {
    this.connectListeners.clear();
    this.socket.off();
    this.socket.disconnect();
  }
}
