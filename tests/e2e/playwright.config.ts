import { defineConfig, type LaunchOptions } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A hub of its own for the e2e run: built server and web client, a fresh SQLite file. */
export const E2E_PORT = 3100;
/** The hub's media ports: RTC_PORT and the next (one per mediasoup worker, MEDIASOUP_WORKERS below). */
export const E2E_RTC_PORTS = [40000, 40001];
/**
 * The server's DATA_DIR. Only the main process starts the webServer: the worker processes, which load this
 * config too, create no directory. Deleted when the run ends.
 */
const dataDir = process.env.TEST_WORKER_INDEX ? '' : mkdtempSync(join(tmpdir(), 'echo-hub-e2e-'));
if (dataDir) process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));

/** Debian's Chromium with fake camera and microphone; firefox.e2e.ts launches it next to Firefox. */
export const chromiumLaunchOptions: LaunchOptions = {
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
};

/**
 * Debian's Firefox ESR through Playwright's WebDriver BiDi support (channel moz-firefox), by way of
 * firefox-bidi-shim.mjs (it bridges a command Playwright sends that this Firefox does not know yet).
 */
export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
export const firefoxMissing = existsSync(FIREFOX_BIN)
  ? null
  : `${FIREFOX_BIN} not found: \`node scripts/setup.mjs --test\` (as root) or \`apt-get install firefox-esr\` installs it`;
if (firefoxMissing && !process.env.TEST_WORKER_INDEX) console.log(`[e2e] Firefox tests skipped: ${firefoxMissing}`);
// Playwright needs an executable: a one-line launcher for the shim, at a fixed path per user and content
// (so every process and run shares it, and checkouts side by side do not overwrite each other's).
const launcherScript = `#!/bin/sh\nexec '${process.execPath}' '${join(__dirname, 'firefox-bidi-shim.mjs')}' "$@"\n`;
const firefoxLauncher = join(
  tmpdir(),
  `echo-hub-e2e-firefox-launcher-${process.getuid?.() ?? 0}-${createHash('sha256').update(launcherScript).digest('hex').slice(0, 8)}.sh`,
);
if (!existsSync(firefoxLauncher)) {
  // Written aside, then renamed: a process launching Firefox meanwhile never runs a half-written file.
  writeFileSync(`${firefoxLauncher}.${process.pid}`, launcherScript, { mode: 0o755 });
  renameSync(`${firefoxLauncher}.${process.pid}`, firefoxLauncher);
}
const firefoxUserPrefs = {
  // Fake camera (a moving test pattern) and microphone (a tone); no permission prompt.
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // Without a camera/microphone permission Firefox gathers ICE candidates on the default route's
  // address only, and the e2e network namespace has no route: allow both for every site.
  'permissions.default.camera': 1,
  'permissions.default.microphone': 1,
  // Gather candidates on 127.0.0.1 too (the only address in the namespace).
  'media.peerconnection.ice.loopback': true,
  // Remote audio and video play without a click.
  'media.autoplay.default': 0,
  'media.autoplay.block-webaudio': false,
};

/** Browser settings every Playwright layer (e2e, field) uses. */
export const browserUse = {
  browserName: 'chromium',
  // A spoke clinic in Northern Ireland: times are shown in the viewer's zone.
  timezoneId: 'Europe/London',
  locale: 'en-GB',
  headless: true,
  launchOptions: chromiumLaunchOptions,
  screenshot: 'only-on-failure',
  trace: 'off',
} as const;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: join(__dirname, '..', '..', 'test-results', 'e2e.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    ...browserUse,
  },
  projects: [
    // Every spec but the Firefox one, in Chromium.
    { name: 'chromium', testIgnore: '**/firefox.e2e.ts' },
    // A live session between Firefox and Chromium (the spec launches the Chromium itself).
    {
      name: 'firefox',
      testMatch: '**/firefox.e2e.ts',
      use: {
        browserName: 'firefox',
        channel: 'moz-firefox',
        launchOptions: { executablePath: firefoxLauncher, env: { ...process.env, FIREFOX_BIN }, firefoxUserPrefs },
      },
    },
  ],
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
      RTC_PORT: String(E2E_RTC_PORTS[0]),
      MEDIASOUP_WORKERS: String(E2E_RTC_PORTS.length),
      LOG_LEVEL: 'warn',
      // Every page and request signs in from 127.0.0.1, the demo accounts many times a minute: the per-address and
      // per-account limits are for real clients (the integration specs test both).
      LOGIN_ADDRESS_RATE_LIMIT: '10000',
      LOGIN_RATE_LIMIT: '1000',
      // Automatic captions with the offline engine setup installs (captions.e2e.ts).
      CAPTIONS_ENGINE: 'pocketsphinx',
    },
  },
});
