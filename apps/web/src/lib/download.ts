import { apiFailure, getAccessToken, unreachable } from './api';

/**
 * A protected file (a CSV, a PDF) fetched with the bearer token — a plain link cannot send it —
 * with the name the server gave it. Errors are ApiErrors, as from `api()`.
 */
export async function fetchFile(path: string): Promise<{ blob: Blob; name: string | null; headers: Headers }> {
  const token = getAccessToken();
  const res = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(
    () => null,
  );
  if (!res) throw unreachable();
  if (!res.ok) {
    const json = res.headers.get('content-type')?.includes('json');
    throw apiFailure(path, res.status, json ? await res.json() : `The download failed (${res.status})`, token);
  }
  const name = fileNameOf(res.headers.get('content-disposition') ?? '');
  return { blob: await res.blob(), name, headers: res.headers };
}

/**
 * The file name in a Content-Disposition header: `filename*=UTF-8''…` (RFC 5987, what the server sends)
 * first, else a plain `filename=` parameter (quoted or not); null if neither is there.
 */
export function fileNameOf(header: string): string | null {
  const extended = /(?:^|;)\s*filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // malformed percent-encoding: fall back to the plain parameter
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(header);
  return plain?.[1] ?? plain?.[2] ?? null;
}

/** A protected file's bytes (for an <img> or a link opened in a tab: neither can send the token). */
export const fetchBlob = async (path: string): Promise<Blob> => (await fetchFile(path)).blob;

/** Hands a blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
