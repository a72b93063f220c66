import type { FileGateFields } from '@echo-hub/protocol';
import { apiFailure, getAccessToken, unreachable } from './api';

/** How much of an upload's body has been sent, in bytes (`total` is 0 while the browser does not know it). */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * `api()` for a file upload that reports its progress: the same bearer token, JSON answer and ApiErrors
 * (the same "Cannot reach the hub" and 401 handling), but sent with XMLHttpRequest, whose
 * `upload.onprogress` tells how many bytes have gone — fetch cannot.
 * When `signal` fires the upload is aborted and the promise rejects with a DOMException "AbortError"
 * (as fetch does), so a caller that aborted can check `signal.aborted` and ignore it.
 */
export function upload<T>(
  path: string,
  body: FormData,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  const token = getAccessToken();
  return new Promise<T>((resolve, reject) => {
    const aborted = () => new DOMException('The upload was aborted.', 'AbortError');
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbortSignal = () => xhr.abort();
    signal?.addEventListener('abort', onAbortSignal, { once: true });
    xhr.onloadend = () => signal?.removeEventListener('abort', onAbortSignal);
    xhr.open('POST', `/api${path}`);
    // No Content-Type: the browser sets multipart/form-data with its boundary.
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (onProgress) {
      xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    }
    xhr.onerror = () => reject(unreachable());
    xhr.onabort = () => reject(signal?.aborted ? aborted() : unreachable());
    xhr.onload = () => {
      let answer: unknown;
      try {
        answer = xhr.getResponseHeader('content-type')?.includes('json')
          ? JSON.parse(xhr.responseText)
          : xhr.responseText;
      } catch (e) {
        reject(e);
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(answer as T);
      else reject(apiFailure(path, xhr.status, answer, token));
    };
    xhr.send(body);
  });
}

/**
 * The multipart form of an upload whose text the hub reads: the file, and the uploader's answer to what it
 * found (findings that identify nobody, areas to cover), sent as JSON fields.
 */
export function gatedForm(file: File, { confirmedSpans = [], redactions = [] }: FileGateFields = {}): FormData {
  const form = new FormData();
  if (confirmedSpans.length) form.append('confirmedSpans', JSON.stringify(confirmedSpans));
  if (redactions.length) form.append('redactions', JSON.stringify(redactions));
  form.append('file', file);
  return form;
}

/**
 * Page `page` of a PDF the uploader is attaching, rendered by the hub as PNG in the pixels its findings'
 * boxes are in (POST /deid/pdf-page; nothing is stored). Errors as ApiErrors, like `upload()`.
 */
export async function pdfPagePreview(file: File, page: number, signal?: AbortSignal): Promise<Blob> {
  const token = getAccessToken();
  const path = `/deid/pdf-page?page=${page}`;
  const form = new FormData();
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: 'POST',
      body: form,
      signal,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw unreachable();
  }
  if (!res.ok) {
    const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
    throw apiFailure(path, res.status, body, token);
  }
  return res.blob();
}
