import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

/** What a request id may look like when a proxy sends one (letters, digits, `-_.:`, up to 128). */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The request's id: the X-Request-Id a trusted proxy (Express `trust proxy`, TRUST_PROXY) sent along,
 * else a new UUID. A client cannot choose the id its requests are logged under unless it is that proxy.
 */
export function requestId(req: IncomingMessage): string {
  const express = req as Request;
  const given = req.headers['x-request-id'];
  const trusted = express.app?.get('trust proxy fn') as ((addr: string, i: number) => boolean) | undefined;
  const fromProxy = typeof given === 'string' && trusted?.(req.socket.remoteAddress ?? '', 0);
  return fromProxy && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The route's pattern (`/api/programs/:id`), never its values (ids, invitation tokens, codes). */
export function routeOf(req: IncomingMessage): string {
  const express = req as Request;
  const pattern = (express.route as { path?: unknown } | undefined)?.path;
  // No route, or Nest's catch-all that answers 404 for unknown paths (`/api/{*path}`).
  if (typeof pattern !== 'string' || pattern.includes('{*')) return 'unmatched';
  return `${express.baseUrl ?? ''}${pattern}`;
}
