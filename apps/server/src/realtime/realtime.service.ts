import type { ClientToServerEvents, ServerToClientEvents } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { RedisService } from '../redis/redis.service';

type EventName = keyof ServerToClientEvents;

/**
 * Emits typed events to socket.io rooms (`session:<id>`, `user:<id>`, a socket id).
 * Domain services call this; only the gateway owns the server and hands it over at start.
 */
@Injectable()
export class RealtimeService {
  constructor(private readonly redis: RedisService) {}

  private server?: Server<ClientToServerEvents, ServerToClientEvents>;
  private readonly serverSide: [string, (...args: unknown[]) => void][] = [];

  attach(server: Server<ClientToServerEvents, ServerToClientEvents>): void {
    this.server = server;
    for (const [event, handler] of this.serverSide) (server as unknown as Server).on(event, handler);
  }

  /** Handles an event another instance sent with serverSideEmit. */
  onServerSide<T>(event: string, handler: (payload: T) => void): void {
    const listener = handler as (...args: unknown[]) => void;
    this.serverSide.push([event, listener]);
    (this.server as unknown as Server | undefined)?.on(event, listener);
  }

  /** To the other instances (through the Redis adapter); nothing on one process, which has none. */
  serverSideEmit(event: string, payload: unknown): void {
    if (!this.redis.client) return;
    (this.server as unknown as Server | undefined)?.serverSideEmit(event, payload);
  }

  /** Closes every socket in these rooms, on this instance and the others (their clients may reconnect). */
  async disconnect(rooms: string[]): Promise<void> {
    this.server?.in(rooms).disconnectSockets(true);
  }

  /** To one room, or to several (a socket in more than one of them gets the event once). */
  to<E extends EventName>(room: string | string[], event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.server?.to(room).emit(event, ...args);
  }

  /** The users with a socket in `room` (read from their `user:<id>` rooms), e.g. to re-check who may stay. */
  async usersIn(room: string): Promise<string[]> {
    const sockets = (await this.server?.in(room).fetchSockets()) ?? [];
    const ids = sockets.flatMap((s) => [...s.rooms].filter((r) => r.startsWith('user:')).map((r) => r.slice(5)));
    return [...new Set(ids)];
  }

  /** Adds a socket, on this instance or another one, to a room. */
  async join(socketId: string, room: string): Promise<void> {
    await this.server?.in(socketId).socketsJoin(room);
  }

  async leave(socketId: string, room: string): Promise<void> {
    await this.server?.in(socketId).socketsLeave(room);
  }

  /** Closes this instance's sockets in `room` (their clients reconnect by themselves). */
  disconnectLocal(room: string): void {
    this.server?.local.in(room).disconnectSockets(true);
  }

  /** Closes every socket of `userId`, on every instance (an admin disabled the account). */
  disconnectUser(userId: string): void {
    this.server?.in(`user:${userId}`).disconnectSockets(true);
  }

  /** Makes every socket of `userId` leave `room` (e.g. removed from a session). */
  async leaveAll(userId: string, room: string): Promise<void> {
    await this.server?.in(`user:${userId}`).socketsLeave(room);
  }
}
