import { LiveErrorCode } from '@echo-hub/protocol';
import { UnprocessableEntityException } from '@nestjs/common';
import type { RateLimitService } from '../common/rate-limit.service';

/** An error a live-session handler answers in its acknowledgement (never thrown to the socket). */
export class LiveError extends Error {
  constructor(
    readonly code: LiveErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const forbidden = (message: string) => new LiveError(LiveErrorCode.Forbidden, message);
export const notFound = (message: string) => new LiveError(LiveErrorCode.NotFound, message);
export const invalid = (message: string) => new LiveError(LiveErrorCode.Invalid, message);

/** Runs a write through the de-identification gate; its refusal (422) becomes the live error an ack carries. */
export async function throughGate<T>(write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof UnprocessableEntityException) {
      throw new LiveError(LiveErrorCode.IdentifiersFound, (e.getResponse() as { message: string }).message);
    }
    throw e;
  }
}

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
