// @vitest-environment jsdom
import { ErrorCode } from '@echo-hub/protocol';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { useAction } from './useAction';
import { useResource } from './useResource';

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useResource', () => {
  it('loads once per key, and again on reload, keeping the data on screen meanwhile', async () => {
    let calls = 0;
    const { result, rerender } = renderHook(({ load }) => useResource('programs', load), {
      initialProps: { load: () => Promise.resolve(`v${++calls}`) },
    });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', data: 'v1' }));
    // A new function each render does not load again.
    rerender({ load: () => Promise.resolve(`v${++calls}`) });
    rerender({ load: () => Promise.resolve(`v${++calls}`) });
    expect(calls).toBe(1);

    act(() => result.current.reload());
    expect(result.current).toMatchObject({ status: 'ready', data: 'v1' });
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', data: 'v2' }));
    expect(calls).toBe(2);
  });

  it('waits while the key is null, and shows loading for a new key rather than the old key’s data', async () => {
    const loads: Record<string, ReturnType<typeof deferred<string>>> = { a: deferred(), b: deferred() };
    const { result, rerender } = renderHook(({ id }) => useResource(id, () => loads[id ?? ''].promise), {
      initialProps: { id: null as string | null },
    });
    expect(result.current.status).toBe('loading');
    rerender({ id: 'a' });
    await act(async () => loads.a.resolve('A'));
    expect(result.current).toMatchObject({ status: 'ready', data: 'A' });
    rerender({ id: 'b' });
    expect(result.current.status).toBe('loading');
    await act(async () => loads.b.resolve('B'));
    expect(result.current).toMatchObject({ status: 'ready', data: 'B' });
  });

  it('ignores an answer for a key it has moved away from', async () => {
    const loads: Record<string, ReturnType<typeof deferred<string>>> = { a: deferred(), b: deferred() };
    const { result, rerender } = renderHook(({ id }) => useResource(id, () => loads[id].promise), {
      initialProps: { id: 'a' },
    });
    rerender({ id: 'b' });
    await act(async () => loads.b.resolve('B'));
    await act(async () => loads.a.resolve('A (late)'));
    expect(result.current).toMatchObject({ status: 'ready', data: 'B' });
  });

  it('reports failures as ApiError and lets the page change loaded data locally', async () => {
    const failing = renderHook(() => useResource('x', () => Promise.reject(new TypeError('Failed to fetch'))));
    await waitFor(() => expect(failing.result.current.status).toBe('error'));
    const state = failing.result.current;
    expect(state.status === 'error' && state.error).toBeInstanceOf(ApiError);

    const { result } = renderHook(() => useResource('list', () => Promise.resolve([1, 2])));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.update((list) => [...list, 3]));
    expect(result.current).toMatchObject({ status: 'ready', data: [1, 2, 3] });
  });
});

describe('useAction', () => {
  it('is pending while the work runs, and keeps the error with its field messages', async () => {
    const { result } = renderHook(() => useAction());
    const work = deferred<void>();
    let running!: Promise<void>;
    act(() => {
      running = result.current.run(() => work.promise);
    });
    expect(result.current.pending).toBe(true);
    await act(async () => {
      work.reject(
        new ApiError({
          statusCode: 400,
          error: ErrorCode.ValidationFailed,
          message: 'Invalid',
          fields: [{ field: 'email', messages: ['Not an email address.'] }],
        }),
      );
      await running;
    });
    expect(result.current.pending).toBe(false);
    expect(result.current.error?.message).toBe('Invalid');
    expect(result.current.fieldError('email')).toEqual(['Not an email address.']);

    await act(() => result.current.run(() => Promise.resolve()));
    expect(result.current.error).toBeNull();
    expect(result.current.fieldError('email')).toBeUndefined();
  });
});
