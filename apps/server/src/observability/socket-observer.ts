import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import { PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io';
import { SOCKET_SERVER_OPTIONS } from '../realtime/shared-encoding';
import { MetricsService } from './metrics.service';

/**
 * Watches the one socket.io server (the live gateway's: same path, so Nest hands both the same server) without
 * taking part in it: each connection gets an id, each incoming event an id of its own, and whatever is logged
 * while the event is handled carries both (`socketId`, `eventId`, `event`). Each event is timed until its
 * acknowledgement for the metrics, with its outcome. Ids are random, never the user's.
 */
@WebSocketGateway(SOCKET_SERVER_OPTIONS)
export class SocketObserver implements OnGatewayConnection {
  private readonly logger = new Logger('Socket');

  constructor(private readonly metrics: MetricsService) {}

  handleConnection(socket: Socket): void {
    const connectionId = randomUUID();
    this.metrics.socketConnections.inc();
    this.logger.debug({ msg: 'socket connected', connectionId });
    socket.on('disconnect', (reason) => {
      this.metrics.socketConnections.dec();
      this.logger.debug({ msg: 'socket disconnected', connectionId, reason });
    });
    socket.use((packet, next) => {
      const [name] = packet;
      // Only events the server listens to get a label of their own: clients cannot grow the label set.
      const event = typeof name === 'string' && socket.listeners(name).length > 0 ? name : 'unknown';
      const eventId = randomUUID();
      const started = performance.now();
      const done = (outcome: 'ok' | 'error' | 'noack') =>
        this.metrics.socketEvents.observe({ event, outcome }, (performance.now() - started) / 1000);
      const last = packet.length - 1;
      const ack: unknown = packet[last];
      if (last > 0 && typeof ack === 'function') {
        packet[last] = (answer: unknown) => {
          const ok = typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === true;
          done(ok ? 'ok' : 'error');
          this.logger.debug({ msg: 'socket event answered', ok });
          (ack as (a: unknown) => void)(answer);
        };
      } else {
        done('noack');
      }
      // The handler runs in this context: its log lines carry the connection's and the event's ids.
      const logger = PinoLogger.root.child({ connectionId, eventId, event });
      storage.run(new Store(logger), next);
    });
  }
}
