import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * Round-trip delay for a field test's link (this kernel has no netem): a userspace relay that listens on
 * `listenIp` and forwards UDP datagrams and TCP data to the same port of `targetIp`, each one held
 * `delayMs` in each direction (and, if asked, some of the media towards the client lost). Datagrams leave in the order they came (Node runs timers of one duration in
 * the order they were set). Each UDP client gets a socket of its own towards the target, so the target
 * answers each on its own path; the test's DNAT in the clinic's namespace sends the clinic's packets for
 * the target here, and its conntrack makes the answers look as if they came from the target itself.
 */
export interface DelayRelayOptions {
  listenIp: string;
  targetIp: string;
  udpPorts?: number[];
  tcpPorts?: number[];
  delayMs: number;
  /**
   * Percent of the RTP and RTCP datagrams towards the client dropped at random: a lossy link as the client's
   * browser receives it, where a test cannot drop packets with iptables (the e2e suite may run on the host's own
   * network). STUN and DTLS pass (told apart by their first byte, RFC 7983), so the connection is made as usual.
   */
  downLossPercent?: number;
}

export interface DelayRelay {
  /** Datagrams or TCP chunks forwarded so far: towards the target (`up`) and back (`down`). */
  readonly forwarded: { up: number; down: number };
  /** Datagrams towards the client dropped by `downLossPercent` so far. */
  readonly dropped: { down: number };
  close(): Promise<void>;
}

const bound = (socket: UdpSocket, port: number, ip: string) =>
  new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, ip, () => {
      socket.off('error', reject);
      resolve();
    });
  });

export async function startDelayRelay(o: DelayRelayOptions): Promise<DelayRelay> {
  const forwarded = { up: 0, down: 0 };
  const dropped = { down: 0 };
  let closed = false;
  const later = (direction: 'up' | 'down', send: () => void) =>
    setTimeout(() => {
      if (closed) return;
      forwarded[direction]++;
      send();
    }, o.delayMs);
  /** RTP and RTCP start with a byte of 128-191 (RFC 7983); each is lost with the probability asked for. */
  const lost = (m: Buffer) => m[0] >= 128 && m[0] <= 191 && Math.random() * 100 < (o.downLossPercent ?? 0);
  const udp: UdpSocket[] = [];
  const tcp: Server[] = [];
  const connections = new Set<Socket>();

  for (const port of o.udpPorts ?? []) {
    const listener = createSocket('udp4');
    udp.push(listener);
    const upstreams = new Map<string, UdpSocket>();
    const upstreamOf = (client: RemoteInfo) => {
      const key = `${client.address}:${client.port}`;
      let upstream = upstreams.get(key);
      if (!upstream) {
        const socket = createSocket('udp4');
        socket.bind(0, o.listenIp); // the target sees the relay's address (sends wait for the bind)
        udp.push(socket);
        socket.on('message', (m) => {
          if (lost(m)) dropped.down++;
          else later('down', () => listener.send(m, client.port, client.address));
        });
        upstream = socket;
        upstreams.set(key, socket);
      }
      return upstream;
    };
    listener.on('message', (m, client) => {
      const upstream = upstreamOf(client);
      later('up', () => upstream.send(m, port, o.targetIp));
    });
    await bound(listener, port, o.listenIp);
  }

  for (const port of o.tcpPorts ?? []) {
    // Half-open allowed: one side's end is passed on (delayed) instead of closing both at once.
    const server = createServer({ allowHalfOpen: true }, (client) => {
      const upstream = connect({ host: o.targetIp, port, allowHalfOpen: true });
      for (const [from, to, direction] of [
        [client, upstream, 'up'],
        [upstream, client, 'down'],
      ] as const) {
        connections.add(from);
        from.on('data', (chunk) => later(direction, () => to.destroyed || to.write(chunk)));
        from.on('end', () => later(direction, () => to.destroyed || to.end()));
        from.on('error', () => to.destroy());
        from.on('close', () => connections.delete(from));
      }
    });
    tcp.push(server);
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, o.listenIp, resolve));
  }

  return {
    forwarded,
    dropped,
    async close() {
      closed = true;
      for (const socket of connections) socket.destroy();
      await Promise.all([
        ...udp.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
        ...tcp.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
      ]);
    },
  };
}
