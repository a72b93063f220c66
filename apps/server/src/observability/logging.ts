import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { AppConfig } from '../config/config';
import { requestId, routeOf } from './request-id';

/** Every path, in path-to-regexp 8's syntax (Nest 11 warns about `*` and converts it to this). */
export const EVERY_ROUTE = { path: '{*path}', method: RequestMethod.ALL };

/** LOG_LEVEL (Nest's names) → pino's levels. */
const PINO_LEVEL: Record<AppConfig['logLevel'], string> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * JSON logs on stdout, one line per event (pino through nestjs-pino): every HTTP request once when answered,
 * with its id (`requestId`, also sent back as X-Request-Id), method, route pattern, status and time; every log
 * line written while a request or a socket event is handled carries that request's or event's ids.
 * Nothing that identifies a person or grants access is logged: no headers (Authorization, cookies), no
 * bodies, no query strings, no addresses, and the route's pattern instead of its path (which can hold an
 * invitation token or a certificate code).
 */
export function loggerParams(config: AppConfig): Params {
  return {
    forRoutes: [EVERY_ROUTE],
    pinoHttp: {
      level: PINO_LEVEL[config.logLevel],
      base: { service: 'echo-hub' },
      timestamp: stdTimeFunctions.isoTime,
      messageKey: 'msg',
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = requestId(req);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
      // App log lines inside a request carry only its id; the request itself is described once, when answered.
      quietReqLogger: true,
      serializers: {
        req: (req: { method: string }) => ({ method: req.method }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
        err: (err: Error) => ({ type: err.name, message: err.message }),
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // The route is known once the request was routed: added to the line written when it is answered.
      customSuccessObject: (req: IncomingMessage, _res: ServerResponse, line: object) => ({
        ...line,
        route: routeOf(req),
      }),
      customErrorObject: (req: IncomingMessage, _res: ServerResponse, _err: Error, line: object) => ({
        ...line,
        route: routeOf(req),
      }),
      customSuccessMessage: () => 'request answered',
      customErrorMessage: () => 'request failed',
      // Probes every few seconds would drown the rest.
      autoLogging: { ignore: (req: IncomingMessage) => /^\/api\/(health|ready|metrics)\b/.test(req.url ?? '') },
    },
  };
}
