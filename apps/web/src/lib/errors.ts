import type { ApiError } from './api';

interface ErrorTextOptions {
  /** What to say for a 404, e.g. "This invitation link is not valid." */
  notFound?: string;
}

/** A message for people, not for developers: codes that need a friendlier word get one. */
export function errorText(error: ApiError, options: ErrorTextOptions = {}): string {
  switch (error.body.statusCode) {
    case 401:
      return error.body.message || 'Please sign in again.';
    case 403:
      return 'You do not have permission for this. Ask a facilitator or coordinator of the program.';
    case 404:
      return options.notFound ?? 'Not found: it may have been removed, or the link is wrong.';
    case 429:
      return 'Too many attempts, wait a minute';
    case 500:
      return 'Something went wrong on the hub. Try again in a moment.';
    default:
      return error.body.message;
  }
}

/** The messages the server gave for one field (`email`, `items.0.minutes`), if any. */
export function fieldMessages(error: ApiError | null, field: string): string[] | undefined {
  const messages = error?.body.fields?.filter((f) => f.field === field).flatMap((f) => f.messages);
  return messages?.length ? messages : undefined;
}
