import { homedir } from 'node:os';
import { join } from 'node:path';
import { version } from 'mediasoup/package.json';

/**
 * Where `npm run setup` caches the worker it builds (scripts/worker-path.mjs keeps the same rule): outside the
 * repo, keyed by mediasoup version; "-srtp-openssl": linked against libsrtp2 built with OpenSSL (setup.mjs,
 * ensureSrtp). In config (MEDIASOUP_WORKER_BIN's default), so config imports no media code.
 */
export function cachedWorkerBin(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'echo-hub', `mediasoup-worker-${version}-srtp-openssl`, 'mediasoup-worker');
}
