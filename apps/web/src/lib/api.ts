import { type ApiErrorBody, ErrorCode, type FieldFinding } from '@echo-hub/protocol';

/** An error answer from the API, with its code and, for bad input, the fields. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

const TOKEN_KEY = 'echo-hub.accessToken';
const unauthorizedListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setAccessToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** Called when the server rejects the stored token (it has been cleared by then). Returns an unsubscribe function. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Any thrown value as an ApiError, so callers deal with one kind of error. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({
    statusCode: 0,
    error: ErrorCode.Internal,
    message: e instanceof Error ? e.message : String(e),
  });
}

/** `init` for a JSON request: `api('/x', request('POST', body))`. */
export function request(method: string, body?: unknown): RequestInit {
  return { method, body: body === undefined ? undefined : JSON.stringify(body) };
}

/** The error for a request that never got an answer (offline, DNS, the hub down). */
export const unreachable = (): ApiError =>
  new ApiError({
    statusCode: 0,
    error: ErrorCode.ServiceUnavailable,
    message: 'Cannot reach the hub. Check your connection and try again.',
  });

/**
 * The ApiError for a non-2xx answer (its parsed `body`). A 401 from a request made with `token` clears the
 * stored token and tells the `onUnauthorized` listeners — unless it came from /auth/*, where it means wrong
 * credentials.
 */
export function apiFailure(path: string, status: number, body: unknown, token: string | null): ApiError {
  if (status === 401 && token && !path.startsWith('/auth/')) {
    setAccessToken(null);
    unauthorizedListeners.forEach((listener) => listener());
  }
  const err = typeof body === 'object' && body !== null ? (body as ApiErrorBody) : null;
  return new ApiError(err ?? { statusCode: status, error: ErrorCode.Internal, message: String(body) });
}

async function call(path: string, init: RequestInit): Promise<{ body: unknown; res: Response }> {
  const token = getAccessToken();
  const headers = new Headers(init.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { ...init, headers });
  } catch {
    throw unreachable();
  }
  const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw apiFailure(path, res.status, body, token);
  return { body, res };
}

/**
 * The one API client: JSON in and out, the bearer token sent along, errors as ApiError.
 * For a file upload that shows its progress, see `upload()` in ./upload.
 */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await call(path, init)).body as T;
}

/** One page of a list that grows, and the cursor of the next page (null on the last), from X-Next-Cursor. */
export interface ApiPage<T> {
  items: T[];
  next: string | null;
}

/**
 * A page of a paginated list (server: common/page.ts); pass the previous page's `next` as `cursor`. `list`: where
 * the rows are when the answer wraps them (e.g. notifications' `{ items, unread }`).
 */
export async function apiPage<T>(
  path: string,
  cursor?: string | null,
  list: (body: unknown) => T[] = (body) => body as T[],
): Promise<ApiPage<T>> {
  const url = cursor ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : path;
  const { body, res } = await call(url, {});
  return { items: list(body), next: res.headers.get('X-Next-Cursor') };
}

/** Every row of a paginated list, page after page: for a picker or a date range that needs them all. */
export async function apiAll<T>(path: string): Promise<T[]> {
  return (await apiUntil<T>(path, undefined, () => false)).items;
}

/**
 * The pages of `path` after `cursor` (undefined: from the first page; null or empty: the list has ended), one after another
 * until the rows so far are `enough` or the list ends: e.g. down to a row a link points at. The rows fetched, and
 * the cursor after them (null at the end).
 */
export async function apiUntil<T>(
  path: string,
  cursor: string | null | undefined,
  enough: (rows: T[]) => boolean,
): Promise<ApiPage<T>> {
  const rows: T[] = [];
  let next = cursor;
  while ((next === undefined || next) && !enough(rows)) {
    const page: ApiPage<T> = await apiPage<T>(path, next);
    rows.push(...page.items);
    next = page.next;
  }
  return { items: rows, next: next ?? null };
}

/** The findings of a 422 IDENTIFIERS_FOUND answer (empty for any other error). */
export function identifierFindings(error: ApiError | null): FieldFinding[] {
  if (!error || error.body.error !== ('IDENTIFIERS_FOUND' as string)) return [];
  const findings = (error.body as unknown as { findings?: FieldFinding[] }).findings;
  return Array.isArray(findings) ? findings : [];
}
