import type { ClientToServerEvents, ServerToClientEvents } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';

type EventName = keyof ServerToClientEvents;

/**
 * Emits typed events to socket.io rooms (`session:<id>`, `user:<id>`, a socket id).
 * Domain services call this; only the gateway owns the server and hands it over at start.
 */
@Injectable()
export class RealtimeService {
  private server?: Server<ClientToServerEvents, ServerToClientEvents>;

  attach(server: Server<ClientToServerEvents, ServerToClientEvents>): void {
    this.server = server;
  }

  to<E extends EventName>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.server?.to(room).emit(event, ...args);
  }

  /** Makes every socket of `userId` leave `room` (e.g. removed from a session). */
  async leaveAll(userId: string, room: string): Promise<void> {
    await this.server?.in(`user:${userId}`).socketsLeave(room);
  }
}
