import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from './api';

export type Resource<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

export type ResourceResult<T> = Resource<T> & {
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => void;
  /** Changes the loaded data locally, e.g. with what a POST answered. */
  update: (change: (data: T) => T) => void;
};

/**
 * Loads something once per `key` (null: not yet) and tracks loading and error states.
 * `load` may change every render; only a new key or `reload()` loads again.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): ResourceResult<T> {
  const [result, setResult] = useState<{ key: string; resource: Resource<T> } | null>(null);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    loadRef.current().then(
      (data) => !cancelled && setResult({ key, resource: { status: 'ready', data } }),
      (e: unknown) => !cancelled && setResult({ key, resource: { status: 'error', error: toApiError(e) } }),
    );
    return () => {
      cancelled = true;
    };
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setResult((r) =>
        r && r.resource.status === 'ready'
          ? { key: r.key, resource: { status: 'ready', data: change(r.resource.data) } }
          : r,
      ),
    [],
  );
  const resource: Resource<T> = result && result.key === key ? result.resource : { status: 'loading' };
  return { ...resource, reload, update };
}
