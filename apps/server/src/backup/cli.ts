import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { backup, restore } from './backup';

/**
 * `npm run backup -- <dir>` / `npm run restore -- <dir>`, with the hub's configuration (environment, .env):
 * see README, "Backup and restore".
 */
async function main(): Promise<void> {
  const [command, dir] = process.argv.slice(2);
  if (!['backup', 'restore'].includes(command) || !dir) {
    console.error('usage: node apps/server/dist/backup/cli.js backup|restore <directory>');
    process.exit(2);
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const manifest = command === 'backup' ? await backup(config, resolve(dir)) : await restore(config, resolve(dir));
  const what = `${manifest.database} database and ${manifest.files.length} file(s)`;
  console.log(command === 'backup' ? `backed up the ${what} into ${dir}` : `restored the ${what} from ${dir}`);
}

main().catch((e: Error) => {
  console.error(e instanceof ConfigError ? e.message : `${process.argv[2]} failed: ${e.message}`);
  process.exit(1);
});
