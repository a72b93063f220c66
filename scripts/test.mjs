#!/usr/bin/env node
// The whole test command after setup: format, lint, typecheck, jest (unit and
// integration), Playwright e2e. Runs every layer, then prints one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const env = { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };

const steps = [
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--output-style=stream']],
  ['unit + integration (jest)', 'npx', ['jest', '--forceExit', '--json', `--outputFile=${join(results, 'jest.json')}`]],
  ['e2e (Playwright, Chromium)', 'node', ['tests/e2e/run.mjs']],
];

const failed = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) failed.push(name);
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const jest = readJson(join(results, 'jest.json'));
const e2e = readJson(join(results, 'e2e.json'));
const passed = (jest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failedTests = (jest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
console.log(`\nsteps failed: ${failed.length ? failed.join(', ') : 'none'}`);
console.log(`${passed} passed, ${failedTests} failed`);
process.exit(failed.length ? 1 : 0);
