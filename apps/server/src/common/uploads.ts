import { FileInterceptor } from '@nestjs/platform-express';
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

const SLIDE_KINDS = {
  pdf: { mimeType: 'application/pdf', ext: '.pdf' },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: '.pptx' },
  ppt: { mimeType: 'application/vnd.ms-powerpoint', ext: '.ppt' },
  odp: { mimeType: 'application/vnd.oasis.opendocument.presentation', ext: '.odp' },
  key: { mimeType: 'application/vnd.apple.keynote', ext: '.key' },
};
export const SLIDE_FORMATS = 'a PDF, PowerPoint (.pptx, .ppt), OpenDocument (.odp) or Keynote (.key) presentation';

/**
 * The type of a slide deck from its content, like every other upload (an SVG or HTML page renamed .pdf is
 * refused): a PDF; a ZIP holding PowerPoint's `ppt/` parts, OpenDocument's presentation `mimetype` or
 * Keynote's `Index/`; or an OLE compound file (PowerPoint 97-2003).
 */
export function sniffSlides(bytes: Buffer): { mimeType: string; ext: string } | null {
  if (sniffType(bytes.subarray(0, 16))?.mimeType === 'application/pdf') return SLIDE_KINDS.pdf;
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    return SLIDE_KINDS.ppt;
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return null;
  // OpenDocument stores `mimetype` first and uncompressed (local header of 30 bytes, then the name).
  if (bytes.subarray(30, 38).toString('latin1') === 'mimetype') {
    return bytes.subarray(38, 100).toString('latin1').startsWith(SLIDE_KINDS.odp.mimeType) ? SLIDE_KINDS.odp : null;
  }
  if (bytes.includes('[Content_Types].xml') && bytes.includes('ppt/presentation.xml')) return SLIDE_KINDS.pptx;
  if (bytes.includes('Index/Document.iwa') || bytes.includes('index.apxl')) return SLIDE_KINDS.key;
  return null;
}

/** The type stored slides are served as, from the extension their stored name got from their content. */
export const slideMimeType = (storedName: string) =>
  Object.values(SLIDE_KINDS).find((k) => storedName.endsWith(k.ext))?.mimeType ?? 'application/octet-stream';

/**
 * Controls that reorder how text is shown (U+061C, U+200E-F, U+202A-E, U+2066-9): `‮gnp.exe` would show as
 * `exe.png`. Removed from names, never shown.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The uploader's file name, made safe to show and to put in a Content-Disposition header. */
export const safeName = (name: string) =>
  basename(name.replace(/\\/g, '/'))
    .replace(/["<>]/g, '')
    .replace(BIDI_CONTROLS, '')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200) || 'file';

/**
 * Takes one multipart file `file` of at most `fileSize` bytes. Its name is read as UTF-8, as browsers send it
 * (multer's default, latin1, turns `é` into `Ã©`).
 */
export const UploadInterceptor = (fileSize: number) =>
  FileInterceptor('file', { limits: { fileSize, files: 1 }, defParamCharset: 'utf8' });

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
