import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import type { RedisService } from '../redis/redis.service';

/**
 * socket.io through Redis (socket.io's own adapter): a room event emitted on one instance reaches
 * the sockets of that room on every instance, and fetchSockets/socketsLeave see them all.
 */
export class RedisIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly redis: RedisService,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(createAdapter(this.redis.connect(), this.redis.connect()));
    return server;
  }
}
