#!/usr/bin/env node
// The whole test command after setup: format, lint, typecheck, vitest (the web client's unit tests), jest (unit and
// integration; the integration specs again on PostgreSQL when it is installed or
// TEST_POSTGRES_URL is set), Playwright e2e, field tests in network namespaces. Runs every layer, then prints one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const env = { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };

const vitestJson = join(results, 'vitest.json');
const jestJson = join(results, 'jest.json');
const jestPostgresJson = join(results, 'jest-postgres.json');
const jestS3Json = join(results, 'jest-s3.json');
const e2eJson = join(results, 'e2e.json');
const fieldJson = join(results, 'field.json');
// Counted only when this run wrote them: a step that crashes first must not count the last run's results.
for (const file of [vitestJson, jestJson, jestPostgresJson, jestS3Json, e2eJson, fieldJson])
  rmSync(file, { force: true });

/** The integration specs that store files, run again with their files in s3rver (started by jest's global setup). */
const storageSpecs = [
  'cases',
  'community',
  'programs-sessions',
  'recordings',
  'authorization',
  'upload-metadata',
  'backup',
  'person-data',
].map((name) => `apps/server/test/${name}.integration-spec.ts`);

/** Why there is no PostgreSQL for the integration specs (the reason scripts/postgres.ts prints), or null. */
function postgresMissing() {
  if (process.env.TEST_POSTGRES_URL) return null;
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/postgres.ts'], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) return null;
  return String(r.stdout || r.stderr || r.error?.message)
    .trim()
    .split('\n')[0];
}

const steps = [
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--output-style=stream']],
  [
    'unit (vitest, web client)',
    'npx',
    ['vitest', 'run', '--root', 'apps/web', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  ],
  ['unit + integration (jest)', 'npx', ['jest', '--forceExit', '--json', `--outputFile=${jestJson}`]],
  [
    'integration (jest, PostgreSQL)',
    'npx',
    // (the deploy-* specs use no database of the hub's: once is enough)
    [
      'jest',
      '--forceExit',
      '--json',
      `--outputFile=${jestPostgresJson}`,
      'apps/server/test/',
      '--testPathIgnorePatterns=/test/deploy-',
    ],
    { TEST_DATABASE: 'postgres' },
    postgresMissing,
  ],
  [
    'integration (jest, files in S3)',
    'npx',
    ['jest', '--forceExit', '--json', `--outputFile=${jestS3Json}`, ...storageSpecs],
    { TEST_STORAGE: 's3' },
  ],
  ['e2e (Playwright, Chromium and Firefox)', 'node', ['tests/e2e/run.mjs']],
  ['field (network namespaces: firewalled clinic, relay retry, slow and lossy links)', 'node', ['tests/field/run.mjs']],
];

const failed = [];
for (const [name, cmd, args, stepEnv = {}, missing = () => null] of steps) {
  const skipped = missing();
  console.log(`\n=== ${name}${skipped ? `: skipped, ${skipped}` : ''} ===`);
  if (skipped) continue;
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...stepEnv } });
  if (r.status !== 0) failed.push(name);
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
// (vitest's JSON reporter writes jest's shape)
const jests = [readJson(vitestJson), readJson(jestJson), readJson(jestPostgresJson), readJson(jestS3Json)];
const playwrights = [readJson(e2eJson), readJson(fieldJson)];
const sum = (key) => jests.reduce((n, j) => n + (j?.[key] ?? 0), 0);
const pw = (key) => playwrights.reduce((n, p) => n + (p?.stats?.[key] ?? 0), 0);
const passed = sum('numPassedTests') + pw('expected');
const failedTests = sum('numFailedTests') + pw('unexpected') + pw('flaky');
console.log(`\nsteps failed: ${failed.length ? failed.join(', ') : 'none'}`);
console.log(`${passed} passed, ${failedTests} failed`);
process.exit(failed.length ? 1 : 0);
