/**
 * Page load on a slow clinic link — `npm run bench:pageload` (never part of `npm test`).
 *
 * Chromium's own network emulation (CDP Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s up,
 * 150 ms latency) on a cold cache, for the pages a spoke opens: sign-in, the program page and the live
 * session's device check. Each page is timed from navigation to the moment a person can act on it (its
 * landmark is visible), with the bytes that crossed the link. Two hubs from the same build run side by side:
 * the built web client as shipped (pre-compressed .br/.gz) and a copy without them ("plain", the way it was
 * served before), so the table shows what compression buys. Everything stays on 127.0.0.1.
 * Knobs: BENCH_PAGELOAD_RUNS=3 BENCH_PAGELOAD_KBITS=1600 BENCH_PAGELOAD_LATENCY_MS=150;
 * BENCH_PAGELOAD_TRACE=1 prints each request of each load (start, end, bytes), the waterfall to profile.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The one free-port helper, kept with the scripts (as the test apps use it).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../scripts/free-port';
// The one way tests start the built hub as a process of its own (apps/server/test/hub-process.ts).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startHubProcess } from '../../apps/server/test/hub-process';
import { cleanupAll, installSignalHandlers, onCleanup, stop, track } from './lib/children';
import { repoRoot } from './lib/host-ipc';
import { median, table } from './lib/stats';

const RUNS = Number(process.env.BENCH_PAGELOAD_RUNS ?? 3);
const KBITS = Number(process.env.BENCH_PAGELOAD_KBITS ?? 1600);
const LATENCY_MS = Number(process.env.BENCH_PAGELOAD_LATENCY_MS ?? 150);
const TRACE = process.env.BENCH_PAGELOAD_TRACE === '1';
const AIM_MS = 2000;
const PASSWORD = 'echo-demo-2026';
const progress = (line: string) => console.error(`[pageload ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Hub {
  name: string;
  url: string;
}

/** A hub from apps/server/dist on a fresh seeded data dir, serving the web client from `webDist`. */
async function startHub(name: string, webDist: string): Promise<Hub> {
  const dataDir = mkdtempSync(join(tmpdir(), `echo-pageload-${name}-`));
  onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, WEB_DIST_DIR: webDist };
  // The seed starts the app (mediasoup included) once, on a WebRTC port of its own.
  const seedEnv = {
    ...process.env,
    ...env,
    RTC_LISTEN_IP: '127.0.0.1',
    RTC_PORT: String(await freePort(['tcp', 'udp'])),
  };
  const seed = spawnSync('node', ['apps/server/dist/seed/demo-seed.js'], {
    cwd: repoRoot,
    env: seedEnv,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seeding ${name} failed: ${seed.stderr}`);
  const hub = await startHubProcess(env);
  track(hub.child);
  onCleanup(() => stop(hub.child));
  return { name, url: hub.url };
}

/** A session starting now in the demo program, and a spoke's token (through the API, at full speed). */
async function prepare(hub: Hub): Promise<{ token: string; programId: string; sessionId: string }> {
  const login = async (email: string) => {
    const res = await fetch(`${hub.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const facilitator = await login('facilitator@echo.demo');
  const headers = { Authorization: `Bearer ${facilitator}`, 'Content-Type': 'application/json' };
  const [program] = (await (await fetch(`${hub.url}/api/programs`, { headers })).json()) as { id: string }[];
  const created = await fetch(`${hub.url}/api/programs/${program.id}/sessions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: 'Page-load bench', startsAt: new Date().toISOString(), durationMinutes: 60 }),
  });
  const session = (await created.json()) as { id: string };
  return { token: await login('linkworker.ards@echo.demo'), programId: program.id, sessionId: session.id };
}

interface PageSpec {
  name: string;
  path: (p: { programId: string; sessionId: string }) => string;
  signedIn: boolean;
  /** What a person waits for before they can act. */
  ready: (page: Page) => Promise<void>;
}

const PAGES: PageSpec[] = [
  {
    name: 'sign-in',
    path: () => '/sign-in',
    signedIn: false,
    ready: (page) => page.getByRole('button', { name: 'Sign in' }).waitFor(),
  },
  {
    name: 'program',
    path: (p) => `/programs/${p.programId}`,
    signedIn: true,
    ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor(),
  },
  {
    name: 'live (device check)',
    path: (p) => `/sessions/${p.sessionId}/live`,
    signedIn: true,
    ready: (page) => page.getByRole('button', { name: 'Join session' }).waitFor(),
  },
];

/** One cold load of `spec` on the emulated link: milliseconds to ready and bytes over the wire. */
async function load(browser: Browser, hub: Hub, spec: PageSpec, ctx: Awaited<ReturnType<typeof prepare>>) {
  const context = await browser.newContext({ baseURL: hub.url });
  try {
    if (spec.signedIn) {
      await context.addInitScript({
        content: `localStorage.setItem('echo-hub.accessToken', ${JSON.stringify(ctx.token)})`,
      });
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: (KBITS * 1000) / 8,
      uploadThroughput: (KBITS * 1000) / 16,
    });
    let bytes = 0;
    const requests = new Map<string, { url: string; start: number; end?: number; bytes?: number }>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string }; timestamp: number }) =>
      requests.set(e.requestId, { url: e.request.url, start: e.timestamp }),
    );
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number; timestamp: number }) => {
      bytes += e.encodedDataLength;
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
    });
    const started = performance.now();
    await page.goto(spec.path(ctx), { waitUntil: 'commit' });
    await spec.ready(page);
    const ms = performance.now() - started;
    if (TRACE) {
      const list = [...requests.values()].sort((a, b) => a.start - b.start);
      const t0 = list[0]?.start ?? 0;
      const at = (t: number | undefined) =>
        t === undefined ? '    …' : String(Math.round((t - t0) * 1000)).padStart(5);
      progress(`${spec.name} on ${hub.name}: ${Math.round(ms)} ms`);
      for (const r of list) {
        const path = r.url.replace(hub.url, '');
        console.error(
          `  ${at(r.start)} → ${at(r.end)} ms ${String(Math.round((r.bytes ?? 0) / 1000)).padStart(4)} kB ${path}`,
        );
      }
    }
    return { ms, bytes };
  } finally {
    await context.close();
  }
}

async function main() {
  installSignalHandlers();
  const dist = join(repoRoot, 'apps', 'web', 'dist');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
  if (!files.some((f) => f.endsWith('.br'))) throw new Error('apps/web/dist has no .br files: run npm run build');
  const plainDist = mkdtempSync(join(tmpdir(), 'echo-pageload-plain-'));
  onCleanup(() => rmSync(plainDist, { recursive: true, force: true }));
  cpSync(dist, plainDist, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });

  progress('starting two hubs (pre-compressed and plain web client)');
  const hubs = await Promise.all([startHub('precompressed', dist), startHub('plain', plainDist)]);
  const contexts = await Promise.all(hubs.map(prepare));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--no-first-run'],
  });
  onCleanup(() => browser.close());

  const results: { page: string; hub: string; ms: number[]; bytes: number[] }[] = [];
  for (const spec of PAGES) {
    for (const [i, hub] of hubs.entries()) {
      const r = { page: spec.name, hub: hub.name, ms: [] as number[], bytes: [] as number[] };
      // Runs alternate with the other hub's page by page, so a busy moment does not favour one side.
      for (let run = 0; run < RUNS; run++) {
        const { ms, bytes } = await load(browser, hub, spec, contexts[i]);
        r.ms.push(ms);
        r.bytes.push(bytes);
      }
      progress(`${spec.name} on ${hub.name}: ${Math.round(median(r.ms))} ms, ${Math.round(median(r.bytes) / 1000)} kB`);
      results.push(r);
    }
  }

  const rows = PAGES.map((spec) => {
    const [pre, plain] = hubs.map((h) => results.find((r) => r.page === spec.name && r.hub === h.name)!);
    const preMs = median(pre.ms);
    const plainMs = median(plain.ms);
    return [
      spec.name,
      `${Math.round(median(plain.bytes) / 1000)} kB`,
      `${Math.round(median(pre.bytes) / 1000)} kB`,
      `${Math.round(plainMs)} ms`,
      `${Math.round(preMs)} ms`,
      (preMs / plainMs).toFixed(2),
      preMs <= AIM_MS ? 'yes' : 'no',
    ];
  });
  console.log(
    `\nPage load, cold cache, ${KBITS / 1000} Mbit/s down, ${LATENCY_MS} ms latency (Chromium emulation), median of ${RUNS}`,
  );
  console.log(
    table(
      ['page', 'bytes plain', 'bytes shipped', 'time plain', 'time shipped', 'shipped ÷ plain', `≤ ${AIM_MS} ms`],
      rows,
    ),
  );
  const out = join(repoRoot, 'tests', 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const report = { generatedAt: new Date().toISOString(), link: { kbits: KBITS, latencyMs: LATENCY_MS }, results };
  writeFileSync(join(out, 'pageload-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
}

main()
  .catch((e: Error) => {
    console.error(`[pageload] failed: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
