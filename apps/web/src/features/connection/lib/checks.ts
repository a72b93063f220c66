import type { ConnectionTestInfo } from '@echo-hub/protocol';
import { unreachableMessage } from '../../live';
import type { RouteResult } from './route';
import { formatSpeed } from './speed';

export type CheckState = 'waiting' | 'running' | 'ok' | 'warn' | 'bad' | 'skipped';

export interface Check {
  state: CheckState;
  text: string;
}

/** Below these the link carries no video (audio only), or only small video. */
const AUDIO_ONLY_KBPS = 150;
const SMALL_VIDEO_KBPS = 600;

/** A speed in words: what it means for a session. */
export function speedCheck(direction: 'Download' | 'Upload', kbps: number): Check {
  const speed = `${direction} ${formatSpeed(kbps)}`;
  if (kbps < AUDIO_ONLY_KBPS)
    return { state: 'bad', text: `${speed}: too slow for video; sessions will be audio only.` };
  if (kbps < SMALL_VIDEO_KBPS) return { state: 'warn', text: `${speed}: enough for audio and small video.` };
  return { state: 'ok', text: `${speed}: enough for audio and video.` };
}

const RELAY_WAYS: Record<string, string> = { udp: 'UDP', tcp: 'TCP', tls: 'TCP/TLS' };

/** How media reaches the hub, in words. */
export function routeCheck({ route, relayProtocol }: RouteResult): Check {
  switch (route) {
    case 'udp':
      return { state: 'ok', text: 'Audio and video connect directly over UDP (the best path).' };
    case 'tcp':
      return { state: 'ok', text: 'Audio and video connect directly over TCP (UDP is blocked; this works).' };
    case 'relay':
      return {
        state: 'warn',
        text: `Audio and video connect only through the relay${relayProtocol ? ` (${RELAY_WAYS[relayProtocol] ?? relayProtocol})` : ''}: your network blocks direct media. This works, with a little more delay.`,
      };
    default:
      return { state: 'bad', text: 'Audio and video cannot connect from this network.' };
  }
}

/** What to ask IT for: the hub's media address, ports and protocols, and its relay (from the hub's settings). */
export function itAdvice(info: ConnectionTestInfo): string {
  const candidates = info.media.ports.map((p) => ({ address: info.media.host, port: p.port, protocol: p.protocol }));
  const relays = info.relays.length ? [{ urls: info.relays, username: '', credential: '' }] : [];
  return unreachableMessage(candidates, relays);
}
