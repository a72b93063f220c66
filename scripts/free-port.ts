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
