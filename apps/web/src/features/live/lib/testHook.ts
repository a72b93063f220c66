import type { RoomState } from '@echo-hub/protocol';
import type { MediaRoute, RecvStat, SendStat } from './LiveMediaClient';

/** What end-to-end tests read with `page.evaluate(() => window.__echoLive...)`. */
export interface EchoLiveTestHook {
  state(): RoomState | null;
  recvStats(): Promise<RecvStat[]>;
  sendStats(): Promise<SendStat[]>;
  /** The candidate type (host/relay…) each transport's selected ICE pair uses. */
  route(): Promise<MediaRoute>;
}

declare global {
  interface Window {
    __echoLive?: EchoLiveTestHook;
  }
}

let source: EchoLiveTestHook | null = null;

/** Defines `window.__echoLive` once; it reads whichever room is current (it exposes nothing the page does not have). */
export function installTestHook(): void {
  window.__echoLive ??= {
    state: () => source?.state() ?? null,
    recvStats: async () => (source ? source.recvStats() : []),
    sendStats: async () => (source ? source.sendStats() : []),
    route: async () => (source ? source.route() : { send: null, recv: null }),
  };
}

/** Makes a room the one the hook reads; returns the function that detaches it. */
export function attachTestHook(room: EchoLiveTestHook): () => void {
  source = room;
  return () => {
    if (source === room) source = null;
  };
}
