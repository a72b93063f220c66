import type { Ack, ClientToServerEvents, LiveErrorCode, ServerToClientEvents } from '@echo-hub/protocol';
import { io, type Socket } from 'socket.io-client';
import { socketOptions } from '../../../lib/socket';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveEvent = keyof ClientToServerEvents;
export type LiveRequest<E extends LiveEvent> = Parameters<ClientToServerEvents[E]>[0];
type LiveAck<E extends LiveEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
export type LiveResult<E extends LiveEvent> = Extract<LiveAck<E>, { ok: true }>['data'];

/** Why a request failed: the server's code, or TIMEOUT when no acknowledgement came in time. */
export class LiveRequestError extends Error {
  constructor(
    readonly code: LiveErrorCode | 'TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

/** The error code of any thrown value (null when it is not a live request error). */
export const errorCode = (e: unknown): LiveRequestError['code'] | null =>
  e instanceof LiveRequestError ? e.code : null;

/**
 * The part of a socket `request()` needs. The event maps type each payload and ack, but
 * TypeScript cannot follow them through the generic `E`; `request()`'s signature keeps callers typed.
 */
interface AckEmitter {
  emit(event: string, payload: unknown, ack: (err: Error | null, response: Ack<unknown>) => void): unknown;
}

/**
 * The signalling connection of the live room: one socket.io socket at the same origin,
 * set up as every socket of the client is (lib/socket.ts).
 * socket.io reconnects by itself; the room client listens to `connect`/`disconnect`.
 */
export class LiveConnection {
  readonly socket: LiveSocket = io({ ...socketOptions, autoConnect: false });

  connect(): void {
    this.socket.connect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Emits an event and resolves with the acknowledgement's data; throws LiveRequestError on `{ ok: false }`. */
  request<E extends LiveEvent>(event: E, payload: LiveRequest<E>, timeoutMs = 10_000): Promise<LiveResult<E>> {
    const emitter = this.socket.timeout(timeoutMs) as unknown as AckEmitter;
    return new Promise((resolve, reject) => {
      emitter.emit(event, payload, (err, ack) => {
        if (err) reject(new LiveRequestError('TIMEOUT', `No answer to ${event} from the hub`));
        else if (ack.ok) resolve(ack.data as LiveResult<E>);
        else reject(new LiveRequestError(ack.error.code, ack.error.message));
      });
    });
  }

  close(): void {
    this.socket.off();
    this.socket.disconnect();
  }
}
