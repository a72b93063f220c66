import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { disposition, sendStored } from '../storage/send-stored';
import type { StorageService } from '../storage/storage.service';

/** The type of a file from its first bytes (never from the name or the type the browser claims). */
export function sniffType(head: Buffer): { mimeType: string; ext: string } | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: 'image/png', ext: '.png' };
  if (starts([0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', ext: '.jpg' };
  if (head.subarray(0, 6).toString('latin1') === 'GIF87a' || head.subarray(0, 6).toString('latin1') === 'GIF89a') {
    return { mimeType: 'image/gif', ext: '.gif' };
  }
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return { mimeType: 'image/webp', ext: '.webp' };
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { mimeType: 'application/pdf', ext: '.pdf' };
  return null;
}

/** The uploader's file name, made safe to show and to put in a Content-Disposition header. */
export const safeName = (name: string) =>
  basename(name.replace(/\\/g, '/'))
    .replace(/["<>]/g, '')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200) || 'file';

/** Stores an upload in `folder` with a fresh random name (never the uploader's); answers that name. */
export async function storeUpload(
  storage: StorageService,
  folder: string,
  bytes: Buffer,
  type: { mimeType: string; ext: string },
): Promise<string> {
  const storedName = `${randomUUID()}${type.ext}`;
  await storage.put(`${folder}/${storedName}`, bytes, { contentType: type.mimeType });
  return storedName;
}

/**
 * Sends a stored upload: images inline, PDFs as downloads, never sniffed or run by the browser.
 * A file gone from storage answers 404 `notFound`.
 */
export function sendUpload(
  res: Response,
  storage: StorageService,
  file: { key: string; name: string; mimeType: string },
  notFound: string,
): Promise<void> {
  return sendStored(
    res,
    storage,
    file.key,
    {
      'Content-Type': file.mimeType,
      'Content-Disposition': disposition(file.mimeType.startsWith('image/') ? 'inline' : 'attachment', file.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=3600',
    },
    notFound,
  );
}
