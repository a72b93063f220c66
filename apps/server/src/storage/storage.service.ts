import { Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';

/** Bytes `start` to `end` of an object, both included (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  /** The whole object's size in bytes. */
  size: number;
  modified: Date;
}

/**
 * Where uploads, slides and recordings are kept, by key (`cases/<name>`, `community/<name>`,
 * `slides/<name>`, `recordings/<name>`): local disk by default, an S3-compatible bucket when
 * STORAGE_URL is `s3://…`, so that every hub instance sees every file.
 */
export abstract class StorageService {
  /** Where files go, for the start-up log: a directory or `s3://bucket/prefix`. */
  abstract readonly location: string;

  abstract put(key: string, body: Buffer, options: { contentType: string }): Promise<void>;

  /** Takes over a finished local file (a recording ffmpeg wrote): afterwards it is at `key`, not at `path`. */
  abstract moveIn(path: string, key: string, options: { contentType: string }): Promise<void>;

  /** Size and date of the object, or null when there is none. */
  abstract head(key: string): Promise<StoredObject | null>;

  /** The object's bytes, or those of `range` only; rejects with StorageNotFound when there is none. */
  abstract get(key: string, range?: ByteRange): Promise<Readable>;

  /** Deletes the object; nothing happens when there is none. */
  abstract delete(key: string): Promise<void>;

  /** Deletes the object of a row already gone: a failure is logged (the object is left over), not thrown. */
  async discard(key: string): Promise<void> {
    await this.delete(key).catch((e: Error) => new Logger('Storage').warn(`could not delete ${key}: ${e.message}`));
  }

  /** The keys that start with `prefix`. */
  abstract list(prefix: string): Promise<string[]>;

  /** Rejects when the storage cannot be written to (for /api/health). */
  abstract check(): Promise<void>;

  /** Releases connections at shutdown. */
  close(): void {}
}

export class StorageNotFound extends Error {
  constructor(key: string) {
    super(`no stored object ${key}`);
  }
}

/** Keys are made by the server from fixed folders and random names; anything else is a bug. */
export function assertKey(key: string): void {
  if (!/^[a-z]+\/[\w.-]+$/i.test(key) || key.includes('..')) throw new Error(`invalid storage key ${key}`);
}
