import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { getAccessToken } from './api';

/**
 * How every socket.io connection of the client reaches the hub: authenticated with the access token (read
 * again on every reconnection attempt), over a websocket from the first request. Without long-polling a load
 * balancer may send each connection to any hub instance with no sticky sessions (a polling session's
 * requests would all have to reach the instance that opened it).
 */
export const socketOptions: Partial<ManagerOptions & SocketOptions> = {
  path: '/socket.io',
  transports: ['websocket'],
  auth: (cb) => cb({ token: getAccessToken() ?? '' }),
};
