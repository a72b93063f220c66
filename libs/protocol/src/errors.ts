/** Every error answer has this shape (see API.md). */
export interface ApiErrorBody {
  statusCode: number;
  error: ErrorCode;
  message: string;
  /** For validation errors: one entry per offending field. */
  fields?: FieldError[];
  /** For 429: seconds until the limit lets the caller try again (also sent as Retry-After). */
  retryAfterSeconds?: number;
}

export interface FieldError {
  field: string;
  messages: string[];
}

export const ErrorCode = {
  BadRequest: 'BAD_REQUEST',
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  Internal: 'INTERNAL_ERROR',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
