// One throwaway-PostgreSQL helper for the bench and the integration tests, kept with the scripts.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTemporaryPostgres, type TemporaryPostgres } from '../../../scripts/postgres';
import { startS3Server, type TestS3 } from './s3-server';

/** Shared with global-teardown.ts, which runs in the same process. */
export const started = globalThis as { temporaryPostgres?: TemporaryPostgres; s3?: TestS3 };

/**
 * With TEST_DATABASE=postgres and no TEST_POSTGRES_URL: one throwaway PostgreSQL for the whole jest run,
 * its URL passed to the test files in TEST_POSTGRES_URL; global-teardown.ts stops and deletes it.
 */
export default async function globalSetup(): Promise<void> {
  await startS3();
  if (process.env.TEST_DATABASE !== 'postgres' || process.env.TEST_POSTGRES_URL) return;
  const pg = await startTemporaryPostgres({
    prefix: 'echo-hub-test-pg-',
    user: 'test',
    database: 'test',
    // Throwaway data: no need to wait for the disk.
    serverOptions: '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
  });
  started.temporaryPostgres = pg;
  process.once('exit', pg.stop); // should jest exit without running global-teardown.ts
  // Ctrl-C or a kill: stop it too (no 'exit' event then); then, unless another handler has the signal,
  // re-raise it so jest still exits as it would have.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      pg.stop();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
  process.env.TEST_POSTGRES_URL = pg.url;
}

/**
 * With TEST_STORAGE=s3: one s3rver for the whole jest run, its address passed to the test files in
 * TEST_S3_ENDPOINT (test-app.ts then gives every app STORAGE_URL in its bucket); global-teardown.ts stops it.
 */
async function startS3(): Promise<void> {
  if (process.env.TEST_STORAGE !== 's3' || process.env.TEST_S3_ENDPOINT) return;
  started.s3 = await startS3Server();
  process.env.TEST_S3_ENDPOINT = started.s3.endpoint;
}
