import { LiveErrorCode } from '@echo-hub/protocol';
import type { RateLimitService } from '../common/rate-limit.service';
import { DomainError, ErrorKind } from '../common/domain-error';

const KIND_OF: Record<LiveErrorCode, ErrorKind> = {
  [LiveErrorCode.Invalid]: ErrorKind.Invalid,
  [LiveErrorCode.Forbidden]: ErrorKind.Forbidden,
  [LiveErrorCode.NotJoined]: ErrorKind.Forbidden,
  [LiveErrorCode.NotFound]: ErrorKind.NotFound,
  [LiveErrorCode.Locked]: ErrorKind.Forbidden,
  [LiveErrorCode.Ended]: ErrorKind.Conflict,
  [LiveErrorCode.Lobby]: ErrorKind.Forbidden,
  [LiveErrorCode.Media]: ErrorKind.Unprocessable,
  [LiveErrorCode.RateLimited]: ErrorKind.RateLimited,
  [LiveErrorCode.IdentifiersFound]: ErrorKind.Unprocessable,
};

/** An error a live-session handler answers in its acknowledgement (never thrown to the socket). */
export class LiveError extends DomainError {
  constructor(
    override readonly code: LiveErrorCode,
    message: string,
  ) {
    super(KIND_OF[code], code, message);
  }
}

export const forbidden = (message: string) => new LiveError(LiveErrorCode.Forbidden, message);
export const notFound = (message: string) => new LiveError(LiveErrorCode.NotFound, message);
export const invalid = (message: string) => new LiveError(LiveErrorCode.Invalid, message);

const CODE_OF: Record<ErrorKind, LiveErrorCode> = {
  [ErrorKind.Invalid]: LiveErrorCode.Invalid,
  [ErrorKind.Unauthenticated]: LiveErrorCode.Forbidden,
  [ErrorKind.Forbidden]: LiveErrorCode.Forbidden,
  [ErrorKind.NotFound]: LiveErrorCode.NotFound,
  [ErrorKind.Conflict]: LiveErrorCode.Invalid,
  [ErrorKind.Unprocessable]: LiveErrorCode.Invalid,
  [ErrorKind.RateLimited]: LiveErrorCode.RateLimited,
};
const LIVE_CODES: readonly string[] = Object.values(LiveErrorCode);

/** The acknowledgement code of any domain error (the gate's IDENTIFIERS_FOUND keeps its own). */
export const ackCode = (e: DomainError): LiveErrorCode =>
  LIVE_CODES.includes(e.code) ? (e.code as LiveErrorCode) : CODE_OF[e.kind];

/**
 * Counts one `what` by this person in this session (in Redis with REDIS_URL, so every instance counts
 * together); over `perMinute`, refused with RATE_LIMITED and nothing is broadcast.
 */
export async function withinLimit(
  limits: RateLimitService,
  client: { user: { id: string } },
  sessionId: string,
  what: string,
  perMinute: number,
): Promise<void> {
  const { allowed } = await limits.consume(`live:${what}:${sessionId}:${client.user.id}`, perMinute, 60_000);
  if (!allowed) throw new LiveError(LiveErrorCode.RateLimited, `At most ${perMinute} ${what} a minute`);
}
