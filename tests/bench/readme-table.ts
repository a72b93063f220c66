/**
 * Renders the README's performance table from tests/bench/results/latest.json (the bench runs it after writing
 * the file). `--check`: exits 1 when the README's table is not what latest.json gives (results.spec.ts does the
 * same in the unit tests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Latest, withTable } from './lib/results';

export const readmePath = join(__dirname, '..', '..', 'README.md');
export const latestPath = join(__dirname, 'results', 'latest.json');

export function readLatest(): Latest {
  try {
    return JSON.parse(readFileSync(latestPath, 'utf8')) as Latest;
  } catch {
    return {};
  }
}

if (require.main === module) {
  const readme = readFileSync(readmePath, 'utf8');
  const next = withTable(readme, readLatest());
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error(
        'README.md: the performance table is not what latest.json gives; run npx tsx tests/bench/readme-table.ts',
      );
      process.exit(1);
    }
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
    console.log('README.md: performance table updated from latest.json');
  }
}
