/**
 * What kind of refusal a domain error is. Domain code (services, pure functions such as the de-identification
 * gate) says only this and a stable code; the edge picks the answer: the HTTP filter a status
 * (http-exception.filter.ts), the live gateway an acknowledgement code.
 */
export const ErrorKind = {
  Invalid: 'invalid',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  NotFound: 'not-found',
  Conflict: 'conflict',
  Unprocessable: 'unprocessable',
  RateLimited: 'rate-limited',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

/** Codes more than one feature answers with; a feature's own codes are in its *.errors.ts. */
export const DomainCode = {
  NotFound: 'NOT_FOUND',
  ValidationFailed: 'VALIDATION_FAILED',
  IdentifiersFound: 'IDENTIFIERS_FOUND',
} as const;

/** A refusal with a stable code (`error` in the answer) and any details the client needs (`findings`, `fields`). */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError(ErrorKind.NotFound, DomainCode.NotFound, `${what} not found`);

/** Bad input the DTOs cannot see, said in a sentence. */
export const invalid = (message: string) => new DomainError(ErrorKind.Invalid, DomainCode.ValidationFailed, message);

/** Bad input the DTOs cannot see (it depends on stored data): 400 naming the field. */
export const invalidField = (field: string, message: string) =>
  new DomainError(ErrorKind.Invalid, DomainCode.ValidationFailed, `${field}: ${message}`, {
    fields: [{ field, messages: [message] }],
  });
