import type { ClientToServerEvents, ServerToClientEvents } from '@echo-hub/protocol';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { expect, vi } from 'vitest';

export type HubServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type ServerSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** The JSDOM instance vitest's jsdom environment exposes. */
declare const jsdom: { reconfigure(options: { url: string }): void };

/**
 * A real socket.io server standing in for the hub, for specs in the jsdom environment: the page moves to its
 * origin, so the client's sockets (which connect to the page's origin) reach it. It refuses a token that does not
 * start with "good", as the hub refuses a bad one; `tokens` lists every token presented, `sockets` those connected.
 */
export async function startSocketHub(handle: (socket: ServerSocket) => void) {
  const http = createServer();
  const io: HubServer = new Server(http, { path: '/socket.io' });
  const tokens: string[] = [];
  const sockets = new Set<ServerSocket>();
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: string }).token ?? '';
    tokens.push(token);
    next(token.startsWith('good') ? undefined : new Error('UNAUTHORIZED: sign in and connect with auth.token'));
  });
  io.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('disconnect', () => sockets.delete(socket));
    handle(socket);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  jsdom.reconfigure({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/` });
  return {
    io,
    tokens,
    sockets,
    /** The one connected socket, once there is exactly one (those of closed clients may still be leaving). */
    async only(): Promise<ServerSocket> {
      await until(() => sockets.size === 1);
      return [...sockets][0];
    },
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

/** Waits for a condition the client reaches through the network (generous: the machine may be busy). */
export const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 15_000 });
