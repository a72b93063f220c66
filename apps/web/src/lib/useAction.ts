import { useState } from 'react';
import { type ApiError, toApiError } from './api';
import { fieldMessages } from './errors';

/** Runs a change (a form submit, a button) and keeps its pending and error state for the UI. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (work: () => Promise<void>): Promise<void> => {
    setPending(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setPending(false);
    }
  };
  return {
    run,
    pending,
    error,
    fieldError: (field: string) => fieldMessages(error, field),
  };
}
