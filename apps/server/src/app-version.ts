import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The server package's version (src/ and dist/ both sit beside package.json). */
export const appVersion: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;
