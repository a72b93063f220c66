import { started } from './global-setup';

/** Stops the PostgreSQL global-setup.ts started, if any. */
export default function globalTeardown(): void {
  started.temporaryPostgres?.stop();
}
