import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A hub of its own for the e2e run: built server and web client, a fresh SQLite file. */
export const E2E_PORT = 3100;
const dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-e2e-'));

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: join(__dirname, '..', '..', 'test-results', 'e2e.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    // A spoke clinic in Northern Ireland: times are shown in the viewer's zone.
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--allow-loopback-in-peer-connection',
        '--auto-select-desktop-capture-source=Entire screen',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    // The demo program (npm run seed:demo) gives the specs known accounts: admin@echo.demo etc.
    command: 'node ../../apps/server/dist/seed/demo-seed.js && node ../../apps/server/dist/main.js',
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      RTC_LISTEN_IP: '127.0.0.1',
      MEDIASOUP_WORKERS: '2',
      LOG_LEVEL: 'warn',
    },
  },
});
