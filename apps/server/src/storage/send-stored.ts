import { NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import rangeParser from 'range-parser';
import type { ByteRange, StorageService } from './storage.service';

/** A Content-Disposition header carrying any file name (RFC 6266 `filename*`). */
export const disposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Answers a GET (or HEAD) with a stored object, as express's sendFile does for a file on disk: one
 * byte range gives 206 with Content-Range (read from storage as that range only: an S3 GetObject
 * with Range), an unsatisfiable one 416, no usable Range the whole object. A missing object is a
 * 404 with `notFound` as its message.
 */
export async function sendStored(
  res: Response,
  storage: StorageService,
  key: string,
  headers: Record<string, string>,
  notFound: string,
): Promise<void> {
  const object = await storage.head(key);
  if (!object) throw new NotFoundException({ error: 'NOT_FOUND', message: notFound });
  const { size } = object;
  const header = res.req.headers.range;
  const ranges = header ? rangeParser(size, header, { combine: true }) : undefined;
  res.set(headers);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Last-Modified', object.modified.toUTCString());
  if (ranges === -1) {
    res.status(416).setHeader('Content-Range', `bytes */${size}`).end();
    return;
  }
  // Several ranges (or a malformed header) are answered with the whole object, as express does.
  let range: ByteRange | undefined;
  if (Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1) {
    range = { start: ranges[0].start, end: ranges[0].end };
    res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  }
  res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : size));
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  const body = await storage.get(key, range);
  // Once the headers are out, a failure can only cut the response short.
  await pipeline(body, res).catch(() => res.destroy());
}
