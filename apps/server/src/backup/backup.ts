import { execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import sqlite3 from 'sqlite3';
import { appVersion } from '../app-version';
import type { AppConfig } from '../config/config';
import { createStorage } from '../storage/storage.module';

const run = promisify(execFile);

/** The storage folders the hub writes (uploads, slides, recordings). */
const FOLDERS = ['cases', 'community', 'slides', 'recordings'];

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.webm': 'video/webm',
};

export interface BackupManifest {
  version: string;
  createdAt: string;
  database: 'sqlite' | 'postgres';
  /** Storage keys (`folder/name`), each under files/ in the backup. */
  files: string[];
  /** Whether DATA_DIR's generated auth-secret is included (it is when AUTH_SECRET is not set). */
  authSecret: boolean;
}

/**
 * Backs up a hub, running or not, into the empty directory `target`: the database (SQLite's online backup
 * API, a consistent copy while the hub writes; PostgreSQL's pg_dump in its custom format), every stored file
 * (local disk or the S3 bucket, through the hub's own storage drivers), the generated auth secret, and a
 * manifest. The backup holds personal data and password hashes: keep it as safe as the hub itself.
 */
export async function backup(config: AppConfig, target: string): Promise<BackupManifest> {
  await mkdir(target, { recursive: true });
  if ((await readdir(target)).length > 0) throw new Error(`${target} is not empty: back up into a new directory`);
  if (config.database.type === 'sqlite') await sqliteBackup(config.database.path, join(target, 'database.sqlite'));
  else {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      '--file',
      join(target, 'database.dump'),
      config.database.url,
    ]);
  }
  const storage = createStorage(config);
  const files: string[] = [];
  try {
    for (const folder of FOLDERS) {
      for (const key of await storage.list(`${folder}/`)) {
        const path = join(target, 'files', key);
        await mkdir(dirname(path), { recursive: true });
        await pipeline(await storage.get(key), createWriteStream(path));
        files.push(key);
      }
    }
  } finally {
    storage.close();
  }
  const secret = join(config.dataDir, 'auth-secret');
  const authSecret = !config.auth.secret && existsSync(secret);
  if (authSecret) await copyFile(secret, join(target, 'auth-secret'));
  const manifest: BackupManifest = {
    version: appVersion,
    createdAt: new Date().toISOString(),
    database: config.database.type,
    files,
    authSecret,
  };
  await writeFile(join(target, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * Restores a backup into a new hub whose database is empty (a SQLite file that does not exist yet, or an empty
 * PostgreSQL database) before it starts for the first time: the same kind of database as the backup's, any
 * storage (a backup of local files may go to a bucket and back).
 */
export async function restore(config: AppConfig, source: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(source, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.database !== config.database.type) {
    throw new Error(`the backup is of a ${manifest.database} database; DATABASE_URL names ${config.database.type}`);
  }
  await mkdir(config.dataDir, { recursive: true });
  if (config.database.type === 'sqlite') {
    if (existsSync(config.database.path)) {
      throw new Error(`${config.database.path} exists: restore into a new hub (move the old database away first)`);
    }
    await mkdir(dirname(config.database.path), { recursive: true });
    await copyFile(join(source, 'database.sqlite'), config.database.path);
  } else {
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--dbname',
      config.database.url,
      join(source, 'database.dump'),
    ]);
  }
  const storage = createStorage(config);
  try {
    for (const key of manifest.files) {
      // moveIn takes the file away: hand it a copy, so the backup stays whole.
      const copy = join(config.dataDir, `.restore-${key.replace('/', '-')}`);
      await copyFile(join(source, 'files', key), copy);
      await storage.moveIn(copy, key, { contentType: CONTENT_TYPES[extname(key)] ?? 'application/octet-stream' });
    }
  } finally {
    storage.close();
  }
  if (manifest.authSecret && !config.auth.secret) {
    await copyFile(join(source, 'auth-secret'), join(config.dataDir, 'auth-secret'));
  }
  return manifest;
}

interface SqliteBackup {
  completed: boolean;
  step(pages: number, done: (e: Error | null) => void): void;
  finish(done: (e: Error | null) => void): void;
}

/** SQLite's online backup API: a consistent copy of a database other connections keep writing to. */
async function sqliteBackup(source: string, target: string): Promise<void> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(source, sqlite3.OPEN_READONLY, (e) => (e ? fail(e) : ok(d)));
  });
  try {
    // sqlite3's typings leave out Database#backup (node-sqlite3's online backup API).
    const copy = (db as unknown as { backup(file: string): SqliteBackup }).backup(target);
    await new Promise<void>((ok, fail) => copy.step(-1, (e) => (e ? fail(e) : ok())));
    await new Promise<void>((ok, fail) => copy.finish((e) => (e ? fail(e) : ok())));
    if (!copy.completed) throw new Error('the SQLite backup did not complete');
  } finally {
    await new Promise<void>((ok) => db.close(() => ok()));
  }
}
