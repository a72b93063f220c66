import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LiveModule } from '../live/live.module';
import { MediaModule } from '../media';
import { EVERY_ROUTE, loggerParams } from './logging';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { routeOf } from './request-id';
import { SocketObserver } from './socket-observer';

/** Operators' view of the hub: JSON logs with request ids (HTTP and socket events) and Prometheus metrics. */
@Module({
  imports: [
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => loggerParams(config) }),
    LiveModule,
    MediaModule,
  ],
  controllers: [MetricsController],
  providers: [MetricsService, SocketObserver],
})
export class ObservabilityModule implements NestModule {
  constructor(private readonly metrics: MetricsService) {}

  /** Times every API request (guard refusals and unknown routes too) by route pattern, method and status. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: Request, res: Response, next: NextFunction) => {
        const stop = this.metrics.http.startTimer();
        res.once('finish', () => stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
        next();
      })
      .forRoutes(EVERY_ROUTE);
  }
}
