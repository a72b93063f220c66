import type { ApiErrorBody } from '@echo-hub/protocol';

/** An error answer from the API, with its code and, for bad input, the fields. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

/** The one API client: JSON in and out, errors as ApiError. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`/api${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
  const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = typeof body === 'object' && body !== null ? (body as ApiErrorBody) : null;
    throw new ApiError(err ?? { statusCode: res.status, error: 'INTERNAL_ERROR', message: String(body) });
  }
  return body as T;
}
