import { started } from './global-setup';

/** Stops the PostgreSQL and the s3rver global-setup.ts started, if any. */
export default async function globalTeardown(): Promise<void> {
  started.temporaryPostgres?.stop();
  await started.s3?.stop();
}
