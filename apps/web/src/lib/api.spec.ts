// @vitest-environment jsdom
import { ErrorCode } from '@echo-hub/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  apiAll,
  apiFailure,
  ApiError,
  apiPage,
  apiUntil,
  getAccessToken,
  onUnauthorized,
  setAccessToken,
  toApiError,
} from './api';

afterEach(() => localStorage.clear());

describe('API errors', () => {
  it('keeps the server’s error body', () => {
    const body = {
      statusCode: 400,
      error: ErrorCode.ValidationFailed,
      message: 'Invalid',
      fields: [{ field: 'email', messages: ['Not an email address.'] }],
    };
    const e = apiFailure('/programs', 400, body, 'token');
    expect(e).toBeInstanceOf(ApiError);
    expect(e.body).toEqual(body);
    expect(e.message).toBe('Invalid');
  });

  it('wraps an answer that is not JSON (a proxy’s error page) with its status', () => {
    const e = apiFailure('/programs', 502, '<html>Bad gateway</html>', null);
    expect(e.body).toEqual({ statusCode: 502, error: ErrorCode.Internal, message: '<html>Bad gateway</html>' });
  });

  it('signs out when the hub refuses the stored token, and tells who listens', () => {
    setAccessToken('stale');
    const listener = vi.fn();
    const off = onUnauthorized(listener);
    apiFailure('/programs', 401, { statusCode: 401, error: ErrorCode.Unauthorized, message: 'Expired' }, 'stale');
    expect(getAccessToken()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    setAccessToken('again');
    apiFailure('/programs', 401, { statusCode: 401, error: ErrorCode.Unauthorized, message: 'Expired' }, 'again');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the token on a 401 from sign-in (wrong password) or from a request made without one', () => {
    setAccessToken('mine');
    const listener = vi.fn();
    const off = onUnauthorized(listener);
    apiFailure('/auth/login', 401, { statusCode: 401, error: ErrorCode.Unauthorized, message: 'Wrong' }, 'mine');
    apiFailure('/programs', 401, { statusCode: 401, error: ErrorCode.Unauthorized, message: 'No' }, null);
    expect(getAccessToken()).toBe('mine');
    expect(listener).not.toHaveBeenCalled();
    off();
  });

  it('turns anything thrown into an ApiError', () => {
    const original = new ApiError({ statusCode: 404, error: ErrorCode.NotFound, message: 'Gone' });
    expect(toApiError(original)).toBe(original);
    expect(toApiError(new TypeError('Failed to fetch')).body).toEqual({
      statusCode: 0,
      error: ErrorCode.Internal,
      message: 'Failed to fetch',
    });
    expect(toApiError('plain').message).toBe('plain');
  });
});

describe('apiPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (items: unknown, next?: string) =>
    new Response(JSON.stringify(items), {
      headers: { 'content-type': 'application/json', ...(next ? { 'X-Next-Cursor': next } : {}) },
    });

  it('reads the next cursor from X-Next-Cursor and sends it back as ?cursor, after other parameters', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(answer([1, 2], 'c/1+'))
      .mockResolvedValueOnce(answer([3]));
    vi.stubGlobal('fetch', fetch);
    const first = await apiPage<number>('/groups/g/threads?limit=2');
    expect(first).toEqual({ items: [1, 2], next: 'c/1+' });
    const second = await apiPage<number>('/groups/g/threads?limit=2', first.next);
    expect(second).toEqual({ items: [3], next: null });
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      '/api/groups/g/threads?limit=2',
      '/api/groups/g/threads?limit=2&cursor=c%2F1%2B',
    ]);
  });

  it('takes the rows out of an answer that wraps them, when told where they are', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(answer({ items: [1, 2], unread: 5 }, 'c')));
    const page = await apiPage<number>('/notifications', null, (body) => (body as { items: number[] }).items);
    expect(page).toEqual({ items: [1, 2], next: 'c' });
  });

  it('apiAll follows the pages to the last and gives every row once, in order', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(answer([1, 2], 'a'))
      .mockResolvedValueOnce(answer([3, 4], 'b'))
      .mockResolvedValueOnce(answer([5]));
    vi.stubGlobal('fetch', fetch);
    expect(await apiAll<number>('/programs/p/members?limit=2')).toEqual([1, 2, 3, 4, 5]);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      '/api/programs/p/members?limit=2',
      '/api/programs/p/members?limit=2&cursor=a',
      '/api/programs/p/members?limit=2&cursor=b',
    ]);
  });

  it('apiUntil follows the pages after a cursor until the rows are enough, and says where it stopped', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(answer([3, 4], 'b'))
      .mockResolvedValueOnce(answer([5, 6], 'c'))
      .mockResolvedValueOnce(answer([7]));
    vi.stubGlobal('fetch', fetch);
    expect(await apiUntil<number>('/threads/t/posts', 'a', (rows) => rows.includes(5))).toEqual({
      items: [3, 4, 5, 6],
      next: 'c',
    });
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      '/api/threads/t/posts?cursor=a',
      '/api/threads/t/posts?cursor=b',
    ]);
    expect(await apiUntil<number>('/threads/t/posts', 'c', () => false)).toEqual({ items: [7], next: null });
    expect(await apiUntil<number>('/threads/t/posts', null, () => false)).toEqual({ items: [], next: null });
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
