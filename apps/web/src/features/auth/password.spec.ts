import { PASSWORD_MIN_LENGTH } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { checkPasswordLength, PASSWORD_HINT } from './password';

describe('password rules before asking the server', () => {
  it('accepts a password of the minimum length or longer', () => {
    expect(() => checkPasswordLength('x'.repeat(PASSWORD_MIN_LENGTH), 'password')).not.toThrow();
    expect(() => checkPasswordLength('correct horse battery staple', 'password')).not.toThrow();
  });

  it('refuses a shorter one as the server would, naming the field', () => {
    let thrown: unknown;
    try {
      checkPasswordLength('x'.repeat(PASSWORD_MIN_LENGTH - 1), 'newPassword');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    const error = thrown as ApiError;
    expect(error.body.statusCode).toBe(400);
    expect(fieldMessages(error, 'newPassword')).toEqual([`Use at least ${PASSWORD_MIN_LENGTH} characters.`]);
    expect(fieldMessages(error, 'password')).toBeUndefined();
  });

  it('tells people the rule in the hint', () => {
    expect(PASSWORD_HINT).toContain(String(PASSWORD_MIN_LENGTH));
  });
});
