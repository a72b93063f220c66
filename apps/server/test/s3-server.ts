import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../scripts/free-port';

/** The bucket every test app keeps its files in, each under a prefix of its own. */
export const TEST_BUCKET = 'echo-hub-test';

export interface TestS3 {
  endpoint: string;
  stop(): Promise<void>;
}

/** A real S3-compatible server (s3rver) on a free port, its objects in a temporary directory. */
export async function startS3Server(): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'echo-hub-s3-'));
  const port = await freePort();
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    configureBuckets: [{ name: TEST_BUCKET, configs: [] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The environment of an app keeping its files in the test bucket under `prefix` (s3rver's fixed keys). */
export const s3Env = (endpoint: string, prefix: string): Record<string, string> => ({
  STORAGE_URL: `s3://${TEST_BUCKET}/${prefix}`,
  S3_ENDPOINT: endpoint,
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
});
