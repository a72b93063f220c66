import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { browserUse, chromiumLaunchOptions } from '../e2e/playwright.config';
import { speechArgs } from './speech';

/** Run by run.mjs inside the hub's network namespace (it sets FIELD_*); the spec starts hub and coturn itself. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.field.ts',
  timeout: 120_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: join(__dirname, '..', '..', 'test-results', 'field.json') }]],
  // The fake microphone's speech (speech.ts), written before any browser starts.
  globalSetup: require.resolve('./speech'),
  use: {
    baseURL: `http://${process.env.FIELD_HUB_IP ?? '127.20.0.1'}:443`,
    ...browserUse,
    launchOptions: { ...chromiumLaunchOptions, args: [...(chromiumLaunchOptions.args ?? []), ...speechArgs] },
  },
});
