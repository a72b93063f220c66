/**
 * The hub as built (`apps/server/dist`, made by `npm run setup`/`nx build`). The bench drives the
 * compiled server rather than `apps/server/src`: tsx (esbuild) cannot emit the decorator metadata
 * Nest's dependency injection needs. Modules are loaded by path at run time, so the bench project
 * keeps to its Nx boundary (it imports only the shared libs at compile time); the shapes it uses
 * are declared here, structurally.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './host-ipc';

/** BENCH_SERVER_DIST (a copy of a build inside apps/server, e.g. `dist-before`) compares two builds in turns. */
export const serverDist = join(repoRoot, 'apps', 'server', process.env.BENCH_SERVER_DIST ?? 'dist');

/** require() from the server's own directory, so its dependencies (typeorm, mediasoup) are the very same modules. */
export const serverRequire = createRequire(join(serverDist, 'main.js'));

export function requireServer<T>(relative: string): T {
  const file = join(serverDist, relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the server first (npm run setup)`);
  return serverRequire(file) as T;
}
