import type { ClientToServerEvents, ServerToClientEvents, WatchRequest } from '@echo-hub/protocol';
import { io, type Socket } from 'socket.io-client';
import { socketOptions } from '../../../lib/socket';

type CommunitySocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listener = (...args: never[]) => void;

/**
 * The community's one socket, shared by every page: notifications arrive on it (the server puts each
 * socket in `user:<id>`), and pages watch a thread or a group through it. After a reconnection it
 * watches again what was watched and tells pages, so they can fetch what they missed.
 */
class CommunityConnection {
  private socket: CommunitySocket | null = null;
  private readonly watched = new Map<string, { req: WatchRequest; count: number }>();
  private readonly reconnectListeners = new Set<() => void>();

  private ensure(): CommunitySocket {
    if (this.socket) return this.socket;
    const socket: CommunitySocket = io(socketOptions);
    let connectedBefore = false;
    socket.on('connect', () => {
      for (const { req } of this.watched.values()) socket.emit('community:watch', req, () => undefined);
      if (connectedBefore) this.reconnectListeners.forEach((listener) => listener());
      connectedBefore = true;
    });
    this.socket = socket;
    return socket;
  }

  /** Watches a thread or a group until the returned function is called. */
  watch(req: WatchRequest): () => void {
    const socket = this.ensure();
    const key = req.threadId ? `thread:${req.threadId}` : `group:${req.groupId}`;
    const entry = this.watched.get(key);
    if (entry) entry.count++;
    else {
      this.watched.set(key, { req, count: 1 });
      if (socket.connected) socket.emit('community:watch', req, () => undefined);
    }
    return () => {
      const current = this.watched.get(key);
      if (!current) return;
      if (--current.count > 0) return;
      this.watched.delete(key);
      if (socket.connected) socket.emit('community:unwatch', req, () => undefined);
    };
  }

  /** Listens to a server event until the returned function is called. */
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void {
    const socket = this.ensure() as unknown as { on(e: string, l: Listener): void; off(e: string, l: Listener): void };
    socket.on(event, listener as Listener);
    return () => socket.off(event, listener as Listener);
  }

  /** Called after the socket came back (not on the first connection). */
  onReconnect(listener: () => void): () => void {
    this.ensure();
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** On sign-out: the next user gets a socket of their own. */
  close(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.watched.clear();
  }
}

export const community = new CommunityConnection();
