import { LiveErrorCode } from '@echo-hub/protocol';
import { UnprocessableEntityException } from '@nestjs/common';

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
