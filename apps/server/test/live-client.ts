import type { Ack, ClientToServerEvents, RoomPatch, RoomState, ServerToClientEvents } from '@echo-hub/protocol';
import { applyPatch } from '@echo-hub/protocol';
import { io, type Socket } from 'socket.io-client';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client that keeps the room state the way the web client does. */
export class TestLiveClient {
  readonly socket: ClientSocket;
  state: RoomState | null = null;
  readonly events: { event: string; payload: unknown }[] = [];

  constructor(url: string, token: string | undefined) {
    this.socket = io(url, {
      path: '/socket.io',
      auth: token ? { token } : {},
      transports: ['websocket'],
      forceNew: true,
    });
    this.socket.on('room:patch', (patch: RoomPatch) => {
      if (this.state) this.state = applyPatch(this.state, patch);
    });
    this.socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Emits an event and resolves with its acknowledgement. */
  request<E extends keyof ClientToServerEvents>(event: E, payload: unknown): Promise<Ack<unknown>> {
    return new Promise((resolve) => {
      // The event maps type each event's payload; tests also send malformed ones on purpose.
      (this.socket.emit as (e: string, p: unknown, ack: (a: Ack<unknown>) => void) => void)(event, payload, resolve);
    });
  }

  async ok<T>(event: keyof ClientToServerEvents, payload: unknown = {}): Promise<T> {
    const ack = await this.request(event, payload);
    if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
    return ack.data as T;
  }

  waitFor<T>(event: string, match: (payload: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
      const listener = (e: string, payload: T) => {
        if (e === event && match(payload)) {
          clearTimeout(timer);
          this.socket.offAny(listener);
          resolve(payload);
        }
      };
      this.socket.onAny(listener);
    });
  }

  /** Resolves with the client's state once it (as patches arrive) satisfies `check`. */
  stateWhere(check: (state: RoomState) => boolean, timeoutMs = 10_000): Promise<RoomState> {
    return new Promise((resolve, reject) => {
      const done = () => {
        if (!this.state || !check(this.state)) return false;
        clearTimeout(timer);
        this.socket.off('room:patch', listener);
        resolve(this.state);
        return true;
      };
      // Registered after the constructor's listener, so it sees the state with the patch applied.
      const listener = () => void done();
      const timer = setTimeout(() => {
        this.socket.off('room:patch', listener);
        reject(new Error(`the room state did not get there within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!done()) this.socket.on('room:patch', listener);
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Connects a client with `token` and adds it to `clients` (closed by the spec when it ends). */
export async function connectClient(url: string, token: string | undefined, clients: TestLiveClient[]) {
  const c = new TestLiveClient(url, token);
  clients.push(c);
  await c.connected();
  return c;
}

/** RTP parameters as a browser would send them for Opus and VP8 (enough for the SFU to accept a producer). */
export const fakeRtp = {
  audio: (ssrc: number) => ({
    mid: '0',
    codecs: [
      { mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: {}, rtcpFeedback: [] },
    ],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: `c${ssrc}`, reducedSize: true },
  }),
  video: (ssrc: number) => ({
    mid: '1',
    codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, parameters: {}, rtcpFeedback: [] }],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: `c${ssrc}`, reducedSize: true },
  }),
};
