import { constants, createReadStream } from 'node:fs';
import { access, copyFile, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { assertKey, type ByteRange, StorageNotFound, StorageService, type StoredObject } from './storage.service';

const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files on local disk, where the hub has always kept them: `<folder>/<name>` under DATA_DIR, except
 * folders given their own directory (recordings: RECORDINGS_DIR).
 */
export class LocalStorage extends StorageService {
  constructor(
    private readonly root: string,
    private readonly folders: Record<string, string> = {},
  ) {
    super();
  }

  get location(): string {
    return this.root;
  }

  path(key: string): string {
    assertKey(key);
    const [folder, name] = key.split('/');
    return join(this.folders[folder] ?? join(this.root, folder), name);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  }

  async moveIn(path: string, key: string): Promise<void> {
    const target = this.path(key);
    if (resolve(path) === target) return;
    await mkdir(dirname(target), { recursive: true });
    await rename(path, target).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EXDEV') throw e;
      await copyFile(path, target);
      await unlink(path);
    });
  }

  async head(key: string): Promise<StoredObject | null> {
    const s = await stat(this.path(key)).catch((e: unknown) => {
      if (missing(e)) return null;
      throw e;
    });
    return s?.isFile() ? { size: s.size, modified: new Date(s.mtimeMs) } : null;
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const stream = createReadStream(this.path(key), range);
    // Open before answering, so a missing file is StorageNotFound rather than a broken stream.
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', (e) => fail(missing(e) ? new StorageNotFound(key) : e));
    });
    return stream;
  }

  async delete(key: string): Promise<void> {
    await unlink(this.path(key)).catch((e: unknown) => {
      if (!missing(e)) throw e;
    });
  }

  async list(prefix: string): Promise<string[]> {
    const [folder, start = ''] = prefix.split('/');
    const dir = this.folders[folder] ?? join(this.root, folder);
    const names = await readdir(dir).catch((e: unknown) => {
      if (missing(e)) return [];
      throw e;
    });
    return names.filter((n) => n.startsWith(start)).map((n) => `${folder}/${n}`);
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.W_OK);
  }
}
