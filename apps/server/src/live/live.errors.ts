import { LiveErrorCode } from '@echo-hub/protocol';

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
