import type { HealthResponse } from '@echo-hub/protocol';
import { useEffect, useState } from 'react';
import { api } from '../../../lib/api';

export type HealthState =
  | { state: 'loading' }
  | { state: 'ok'; health: HealthResponse; checkedAt: Date }
  | { state: 'unreachable'; message: string; checkedAt: Date };

/** Polls /api/health so the page shows the hub coming up or going down. */
export function useHealth(intervalMs = 10_000): HealthState {
  const [health, setHealth] = useState<HealthState>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const check = () =>
      api<HealthResponse>('/health').then(
        (h) => !cancelled && setHealth({ state: 'ok', health: h, checkedAt: new Date() }),
        (e: Error) => !cancelled && setHealth({ state: 'unreachable', message: e.message, checkedAt: new Date() }),
      );
    void check();
    const timer = setInterval(check, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [intervalMs]);
  return health;
}
