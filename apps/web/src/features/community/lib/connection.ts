import type { ServerToClientEvents, WatchRequest } from '@echo-hub/protocol';
import { HubConnection } from '../../../lib/socket';

/**
 * The community's one connection (lib/socket.ts), shared by every page: notifications arrive on it (the server
 * puts each socket in `user:<id>`), and pages watch a thread or a group through it. After a reconnection it
 * watches again what was watched and tells pages, so they can fetch what they missed.
 */
class CommunityConnection {
  private conn: HubConnection | null = null;
  private readonly watched = new Map<string, { req: WatchRequest; count: number }>();

  private ensure(): HubConnection {
    if (this.conn) return this.conn;
    const conn = new HubConnection();
    // Registered first, so pages told of a reconnection are watching again already.
    conn.onConnect(() => {
      for (const { req } of this.watched.values()) void conn.request('community:watch', req).catch(() => undefined);
    });
    this.conn = conn;
    return conn;
  }

  /** Watches a thread or a group until the returned function is called. */
  watch(req: WatchRequest): () => void {
    const conn = this.ensure();
    const key = req.threadId ? `thread:${req.threadId}` : `group:${req.groupId}`;
    const entry = this.watched.get(key);
    if (entry) entry.count++;
    else {
      this.watched.set(key, { req, count: 1 });
      if (conn.connected) void conn.request('community:watch', req).catch(() => undefined);
    }
    return () => {
      const current = this.watched.get(key);
      if (!current) return;
      if (--current.count > 0) return;
      this.watched.delete(key);
      if (conn.connected) void conn.request('community:unwatch', req).catch(() => undefined);
    };
  }

  /** Listens to a server event until the returned function is called. */
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void {
    return this.ensure().on(event, listener);
  }

  /** Called after the socket came back (not on the first connection). */
  onReconnect(listener: () => void): () => void {
    return this.ensure().onReconnect(listener);
  }

  /** On sign-out: the next user gets a socket of their own. */
  close(): void {
    this.conn?.close();
    this.conn = null;
    this.watched.clear();
  }
}

export const community = new CommunityConnection();
