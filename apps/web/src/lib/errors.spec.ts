import { ErrorCode } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { errorText, fieldMessages } from './errors';

const error = (statusCode: number, message = 'The hub said no.', fields?: ApiError['body']['fields']) =>
  new ApiError({ statusCode, error: ErrorCode.BadRequest, message, fields });

describe('error messages for people', () => {
  it('gives a friendlier word for the codes that need one', () => {
    expect(errorText(error(403))).toMatch(/permission/);
    expect(errorText(error(404))).toMatch(/Not found/);
    expect(errorText(error(404), { notFound: 'This invitation link is not valid.' })).toBe(
      'This invitation link is not valid.',
    );
    expect(errorText(error(429))).toMatch(/Too many attempts/);
    expect(errorText(error(500, 'TypeError: x is undefined'))).not.toMatch(/TypeError/);
    expect(errorText(error(401, ''))).toBe('Please sign in again.');
    expect(errorText(error(401, 'Your session expired.'))).toBe('Your session expired.');
  });

  it('passes the server’s own message through for the rest', () => {
    expect(errorText(error(400, 'The start must be in the future.'))).toBe('The start must be in the future.');
    expect(errorText(error(409, 'That email is already a member.'))).toBe('That email is already a member.');
  });

  it('collects every message given for one field, nothing for the others', () => {
    const e = error(400, 'Invalid', [
      { field: 'items.0.minutes', messages: ['Must be a whole number.'] },
      { field: 'email', messages: ['Not an email address.'] },
      { field: 'items.0.minutes', messages: ['At most 120.'] },
    ]);
    expect(fieldMessages(e, 'items.0.minutes')).toEqual(['Must be a whole number.', 'At most 120.']);
    expect(fieldMessages(e, 'email')).toEqual(['Not an email address.']);
    expect(fieldMessages(e, 'title')).toBeUndefined();
    expect(fieldMessages(null, 'email')).toBeUndefined();
    expect(fieldMessages(error(400), 'email')).toBeUndefined();
  });
});
