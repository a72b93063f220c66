import { PASSWORD_MIN_LENGTH } from '@echo-hub/protocol';
import { ApiError } from '../../lib/api';

export const PASSWORD_HINT =
  `At least ${PASSWORD_MIN_LENGTH} characters. Common passwords and ones that are easy to guess are refused: ` +
  'a few unrelated words make a strong one.';

/** Checks the length before asking the server, reported like a server validation error on `field`. */
export function checkPasswordLength(password: string, field: string): void {
  if (password.length >= PASSWORD_MIN_LENGTH) return;
  throw new ApiError({
    statusCode: 400,
    error: 'VALIDATION_FAILED',
    message: 'The password is too short.',
    fields: [{ field, messages: [`Use at least ${PASSWORD_MIN_LENGTH} characters.`] }],
  });
}
