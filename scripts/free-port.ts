import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/**
 * A port free on 127.0.0.1 for each of `protocols`, below Linux's ephemeral range (32768+) so no client
 * socket of a test running beside it can take it between this check and the real listen.
 */
export async function freePort(protocols: readonly ('tcp' | 'udp')[] = ['tcp']): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    let free = true;
    for (const protocol of protocols) free = free && (await canBind(port, protocol));
    if (free) return port;
  }
}

/** `n` consecutive ports free on 127.0.0.1 for each of `protocols` (e.g. RTP and RTCP pairs), below the ephemeral range. */
export async function freePortBlock(n: number, protocols: readonly ('tcp' | 'udp')[] = ['udp']): Promise<number[]> {
  for (;;) {
    const base = await freePort(protocols);
    const rest = Array.from({ length: n - 1 }, (_, i) => base + 1 + i);
    let free = true;
    for (const port of rest) for (const protocol of protocols) free = free && (await canBind(port, protocol));
    if (free) return [base, ...rest];
  }
}

function canBind(port: number, protocol: 'tcp' | 'udp'): Promise<boolean> {
  return new Promise((resolve) => {
    const done = () => socket.close(() => resolve(true));
    const socket =
      protocol === 'tcp'
        ? createServer().listen(port, '127.0.0.1', done)
        : createSocket('udp4').bind(port, '127.0.0.1', done);
    socket.once('error', () => resolve(false));
  });
}
