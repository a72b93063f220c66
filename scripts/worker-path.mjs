// Where the mediasoup worker binary is cached: outside the repo, keyed by version,
// so a fresh clone reuses a worker built earlier on the same machine.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function mediasoupVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'apps', 'server', 'package.json'), 'utf8'));
  return pkg.dependencies.mediasoup;
}

export function cacheRoot() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'echo-hub');
}

// "-srtp-openssl": linked against libsrtp2 built with OpenSSL (setup.mjs, ensureSrtp).
// apps/server/src/config/worker-bin.ts keeps the same rule.
export function workerBinPath() {
  return join(cacheRoot(), `mediasoup-worker-${mediasoupVersion()}-srtp-openssl`, 'mediasoup-worker');
}
