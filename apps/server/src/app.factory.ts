import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import expressStaticGzip from 'express-static-gzip';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { appVersion } from './app-version';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { jsonBodyOptions } from './common/json-body';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { ReadinessService } from './health/readiness.service';
import { withResponseSchemas } from './openapi/response-schemas';
import type { AppConfig } from './config/config';
import { RedisIoAdapter } from './realtime/redis-io.adapter';
import { RedisService } from './redis/redis.service';

/** The Nest app as it runs in production; tests boot exactly this. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  // Logs go through pino as JSON (observability/logging.ts); what is logged while the app starts waits for it.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  app.disable('x-powered-by');
  // Behind Caddy every request comes from the proxy: its X-Forwarded-For names the client, for per-address limits.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config.publicUrl));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useBodyParser('json', jsonBodyOptions);
  const redis = app.get(RedisService);
  if (redis.client) app.useWebSocketAdapter(new RedisIoAdapter(app, redis));
  serveWebClient(app, config.webDistDir);

  const openApi = new DocumentBuilder()
    .setTitle('ECHO Hub API')
    .setDescription('Programs, teleECHO sessions, cases, community and impact. All routes live under /api.')
    .setVersion(appVersion)
    .setOpenAPIVersion('3.1.0') // its schemas are JSON Schema, as the answers' are generated
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => withResponseSchemas(SwaggerModule.createDocument(app, openApi)), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}

/**
 * The built web client: its files, and index.html for every other GET outside /api and
 * /socket.io (client-side routing). Plain express middleware, so API errors keep their path.
 */
function serveWebClient(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  // Hashed assets never change under their name: cached for a year. Everything else is revalidated.
  // The build writes .br and .gz beside each asset; the smallest the browser accepts is sent.
  const assets = `${sep}assets${sep}`;
  const files = expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      setHeaders: (res, path) =>
        res.setHeader('Cache-Control', path.includes(assets) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    },
  });
  const isApi = (req: Request) =>
    req.path.startsWith('/api/') || req.path === '/api' || req.path.startsWith('/socket.io');
  // An API request skips the file lookup (a stat per request was a few % of a hot GET's CPU).
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' && !isApi(req)) res.setHeader('Cache-Control', 'no-cache').sendFile(index);
    else next();
  });
}

/**
 * Stops on SIGTERM/SIGINT: first /api/ready answers 503 (a load balancer stops sending newcomers),
 * then closes the HTTP server, sockets, jobs, mediasoup workers, Redis and the database, and exits 0.
 */
export function closeOnSignals(app: INestApplication): void {
  const logger = new Logger('Shutdown');
  const stop = (signal: NodeJS.Signals) => {
    logger.log(`${signal} received: draining, then closing`);
    app.get(ReadinessService).drain();
    app.close().then(
      () => {
        logger.log('closed cleanly');
        process.exit(0);
      },
      (e: Error) => {
        logger.error(`shutdown failed: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
