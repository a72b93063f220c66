import { basename } from 'node:path';
import { DataSource } from 'typeorm';

/**
 * TEST_DATABASE=postgres runs the apps on PostgreSQL: on TEST_POSTGRES_URL (a server where the role may
 * CREATE DATABASE), else on the throwaway instance global-setup.ts started.
 */
export const onPostgres = process.env.TEST_DATABASE === 'postgres';

/** On PostgreSQL, each DATA_DIR has a database of its own, named after it; `create` leaves an existing one. */
export async function postgresDatabase(dataDir: string, action: 'create' | 'drop'): Promise<string> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) throw new Error('TEST_DATABASE=postgres needs TEST_POSTGRES_URL (jest sets it up from the config)');
  const name = basename(dataDir);
  const admin = await new DataSource({ type: 'postgres', url: server }).initialize();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
    if (action === 'create' && !exists) await admin.query(`CREATE DATABASE "${name}"`);
    if (action === 'drop') await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(server);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}
