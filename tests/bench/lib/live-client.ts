/**
 * A participant as the web client connects one: socket.io over websocket with the access token in
 * the handshake, `session:join`, then room patches. It keeps no room state (the bench runs hundreds
 * of them in one process); listeners look at each patch as it arrives, and patches nobody looks at
 * are not decoded (lib/lazy-parser.ts).
 */
import type {
  Ack,
  ChatMessage,
  ClientToServerEvents,
  JoinResponse,
  RoomPatch,
  ServerToClientEvents,
} from '@echo-hub/protocol';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import * as lazyParser from './lazy-parser';

export class BenchClient {
  /** What all clients together received from the server (engine.io message packets): the fan-out's volume. */
  static readonly received = { messages: 0, bytes: 0 };

  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** performance.now() when the client started connecting. */
  readonly startedAt = performance.now();
  /** Connect started → socket.io connected (websocket + the gateway's token check), ms. */
  connectMs?: number;

  constructor(
    url: string,
    token: string,
    readonly userId: string,
  ) {
    this.socket = io(url, {
      path: '/socket.io',
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 20_000,
      parser: lazyParser,
    });
    this.socket.io.engine?.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message') return;
      BenchClient.received.messages++;
      BenchClient.received.bytes += typeof packet.data === 'string' ? packet.data.length : 0;
    });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (e) => reject(e));
    });
  }

  request<T>(event: keyof ClientToServerEvents, payload: unknown, timeoutMs = 20_000): Promise<Ack<T>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${event}: no acknowledgement in ${timeoutMs} ms`)), timeoutMs);
      (this.socket.emit as (e: string, p: unknown, ack: (a: Ack<T>) => void) => void)(event, payload, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
  }

  async ok<T>(event: keyof ClientToServerEvents, payload: unknown = {}): Promise<T> {
    const ack = await this.request<T>(event, payload);
    if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  }

  /** Connects and joins; resolves with the join-to-ready time (connect started → join acknowledged), ms. */
  async join(sessionId: string): Promise<number> {
    await this.connected();
    this.connectMs = performance.now() - this.startedAt;
    await this.ok<JoinResponse>('session:join', { sessionId });
    return performance.now() - this.startedAt;
  }

  /** Patches that change neither the lock nor the chat arrive as null (see lazy-parser.ts). */
  onPatch(listener: (patch: RoomPatch | null) => void): void {
    this.socket.on('room:patch', listener);
  }

  onChat(listener: (message: ChatMessage) => void): void {
    this.onPatch((patch) => patch?.chat && listener(patch.chat));
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
