import type { IceServer } from '@echo-hub/protocol';

/** What the person sees while the client retries through the TURN relay only, and once that worked. */
export const RELAY_NOTICE = {
  connecting: 'Your network blocks direct media; connecting through the relay.',
  connected: 'Your network blocks direct media; audio and video go through the relay.',
};

interface Candidate {
  ip?: string;
  address?: string;
  port: number;
  protocol: string;
}

const unique = (items: string[]) => [...new Set(items)];
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** `turns:turn.example.org:443?transport=tcp` → host and "TCP/TLS 443". */
function turnEndpoint(url: string): { host: string; what: string } | null {
  const m = /^(turns?):(\[[^\]]+\]|[^:?]+)(?::(\d+))?(?:\?transport=(udp|tcp))?$/.exec(url);
  if (!m) return null;
  const [, scheme, host, port, transport] = m;
  const tls = scheme === 'turns';
  const protocol = tls ? 'TCP/TLS' : transport ? transport.toUpperCase() : 'UDP/TCP';
  return { host, what: `${protocol} ${port ?? (tls ? '5349' : '3478')}` };
}

/**
 * Why media cannot connect and what to ask IT for: the hub's media address with its ports and
 * protocols (from the transport's ICE candidates) and the relay's, when the hub has one.
 */
export function unreachableMessage(candidates: Candidate[], iceServers: IceServer[]): string {
  const hosts = unique(candidates.map((c) => c.address ?? c.ip ?? window.location.hostname));
  const ports = unique(candidates.map((c) => `${c.protocol.toUpperCase()} ${c.port}`));
  const media = `${list(hosts)} on ${list(ports)} (audio and video)`;
  const relays = iceServers.flatMap((s) => s.urls.map(turnEndpoint)).filter((e) => e !== null);
  const relay = unique(relays.map((r) => r.host))
    .map((host) => `${host} on ${list(unique(relays.filter((r) => r.host === host).map((r) => r.what)))} (relay)`)
    .join('; ');
  return (
    'Audio and video cannot connect from this network. ' +
    `Ask your IT team to allow connections to ${media}${relay ? `, and to ${relay}` : ''}.` +
    (relay ? '' : ' The hub has no relay for networks that allow only port 443: its administrator can add one.')
  );
}
