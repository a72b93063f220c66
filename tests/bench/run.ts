/**
 * ECHO Hub benchmarks — `npm run bench` (never part of `npm test`).
 *
 * What one machine carries and what the hub costs on top of mediasoup, side by side in one run:
 *   1. SFU forwarding, hub vs bare mediasoup, N = 10, 25, 50, 100 spokes (runs alternate sides; medians);
 *   2. signalling through the real gateway, N = 50, 100, 200 (join, host-action fan-out, chat under load);
 *   3. REST under concurrent load (autocannon) on SQLite and, when available, PostgreSQL;
 *   4. the de-identification bench (tests/bench/deid);
 *   5. the gallery (phases/gallery.ts): N participants with simulcast cameras, last-N 9, three speakers,
 *      bare mediasoup and the hub at growing N (BENCH_GALLERY_N=25,50,100,150  BENCH_GALLERY_SECONDS=10
 *      BENCH_GALLERY_PEERS=2 sender/receiver processes; BENCH_GALLERY_SEARCH=50:25:300 steps N up until the hub
 *      loses over 1%: the largest N at ≤ 1% loss, and hub ÷ bare there).
 * Prints tables on stdout (progress on stderr) and writes tests/bench/results/bench-<timestamp>.json and
 * latest.json. All traffic stays on 127.0.0.1; every process it starts is stopped at the end, on error and
 * on Ctrl-C. Knobs (environment): BENCH_PHASES=sfu,gallery,signalling,rest,deid  BENCH_SFU_N=10,25,50,100
 * BENCH_SFU_SECONDS=12  BENCH_SFU_REPS=2  BENCH_SRTP=0  BENCH_SIGNAL_N=50,100,200
 * BENCH_SIGNAL_PEERS=0 (processes for the all-at-once join's clients; 0: in the bench process)  BENCH_REST_SECONDS=8  BENCH_PG=off
 * DATABASE_URL_BENCH_PG=postgres://…  BENCH_TIMEOUT_MINUTES=20. For digging into a figure: BENCH_PROFILE_DIR=/tmp/prof (a CPU
 * profile of the hub during each all-at-once join) and BENCH_SERVER_DIST=dist-before (a copy of an earlier build in
 * apps/server, to run it in turns with the current one).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { SeedResult } from './hosts/hub-host';
import { cleanupAll, installSignalHandlers, onCleanup } from './lib/children';
import { HostProcess, repoRoot } from './lib/host-ipc';
import { encodeClip, ffmpegVersion } from './lib/media-source';
import { postgresForBench } from './lib/postgres';
import { machineInfo } from './lib/proc';
import { mergeLatest, withTable } from './lib/results';
import { fmt, table } from './lib/stats';
import { galleryPhase, type GallerySummary } from './phases/gallery';
import { restPhase, type RestResult } from './phases/rest';
import { sfuPhase, type SfuRun, type SfuSummary } from './phases/sfu';
import { signallingPhase, type SignallingResult } from './phases/signalling';
import { webinarPhase, type WebinarResult } from './phases/webinar';
import { latestPath, readLatest, readmePath } from './readme-table';

const env = process.env;
const list = (v: string | undefined, d: number[]) =>
  v
    ? v
        .split(',')
        .map(Number)
        .filter((n) => n > 0)
    : d;
const num = (v: string | undefined, d: number) => (v && Number(v) > 0 ? Number(v) : d);

const phases = new Set((env.BENCH_PHASES ?? 'sfu,gallery,signalling,rest,deid').split(','));
const SFU_N = list(env.BENCH_SFU_N, [10, 25, 50, 100]);
const SFU_SECONDS = num(env.BENCH_SFU_SECONDS, 12);
const SFU_WARMUP = num(env.BENCH_SFU_WARMUP, 3);
const SFU_REPS = num(env.BENCH_SFU_REPS, 2);
const SFU_SRTP = env.BENCH_SRTP !== '0';
/** The hub/bare ratio is judged at N = 50: one more run per side there. */
const RATIO_N = 50;
const SIGNAL_N = list(env.BENCH_SIGNAL_N, [50, 100, 200]);
/** Processes the all-at-once join's clients run in (0: in the bench process itself, as before). */
const SIGNAL_PEERS = Number(env.BENCH_SIGNAL_PEERS ?? 0);
const REST_SECONDS = num(env.BENCH_REST_SECONDS, 8);
const REST_CONNECTIONS = num(env.BENCH_REST_CONNECTIONS, 16);
const REST_MEMBERS = 200;
const TIMEOUT_MINUTES = num(env.BENCH_TIMEOUT_MINUTES, 30);
/** BENCH_GALLERY_SEARCH=from:step:max: N steps up from `from` until the hub loses over 1% (largest N at ≤ 1%). */
const GALLERY_SEARCH = /^(\d+):(\d+):(\d+)$/
  .exec(env.BENCH_GALLERY_SEARCH ?? '')
  ?.slice(1)
  .map(Number);
const GALLERY_N = GALLERY_SEARCH
  ? Array.from(
      { length: Math.floor((GALLERY_SEARCH[2] - GALLERY_SEARCH[0]) / GALLERY_SEARCH[1]) + 1 },
      (_, i) => GALLERY_SEARCH[0] + i * GALLERY_SEARCH[1],
    )
  : list(env.BENCH_GALLERY_N, [25, 50, 100, 150]);
const GALLERY_SECONDS = num(env.BENCH_GALLERY_SECONDS, 10);
const GALLERY_PEERS = num(env.BENCH_GALLERY_PEERS, 2);

const AIM_SFU_RATIO = 1.1;
const AIM_JOIN_P95_MS = 500;
const AIM_JOIN_N = 100;

const hosts: HostProcess[] = [];
/** The load average as each phase ended, kept with its figures in latest.json. */
const phaseLoad: Record<string, number[]> = {};
const started = (host: HostProcess) => {
  hosts.push(host);
  return host;
};

const progress = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Report {
  generatedAt: string;
  durationSeconds?: number;
  machine: ReturnType<typeof machineInfo> & {
    memoryGb: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd?: number[];
  };
  versions: { node: string; mediasoup?: string; ffmpeg: string | null; hub: string };
  method: Record<string, unknown>;
  sfu?: { runs: SfuRun[]; summary: SfuSummary[]; errors: string[] };
  gallery?: GallerySummary;
  webinar?: WebinarResult;
  signalling?: SignallingResult[];
  rest?: { results: RestResult[]; postgres: string };
  deid?: { recall: number; precision: number; passed: boolean } | { error: string };
  aims: { name: string; value: number | null; aim: string; met: boolean | null }[];
  /** What each host process printed (the hub's own error log, e.g. failed queries), counted. */
  hostLogs: Record<string, { lines: number; errorLines: number; first: string[] }>;
  errors: string[];
}

function hubVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'apps', 'server', 'package.json'), 'utf8')) as { version: string })
    .version;
}

async function main(report: Report): Promise<void> {
  const m = report.machine;
  console.log(`ECHO Hub benchmarks — ${report.generatedAt}`);
  console.log(
    `machine: ${m.cores} cores, ${m.cpuModel}, ${m.memoryGb.toFixed(0)} GB; node ${report.versions.node}; ` +
      `ffmpeg ${report.versions.ffmpeg ?? 'missing'}; load average at start ${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(
    'CPU figures are % of one core (200% = both cores). The machine is shared: hub and bare runs alternate and\n' +
      'figures are medians, but expect noise; "others" is CPU used by processes outside the bench during a window.\n',
  );

  const needHub = ['sfu', 'gallery', 'webinar', 'signalling', 'rest'].some((p) => phases.has(p));
  let hub: HostProcess | undefined;
  let seed: SeedResult | undefined;
  // REST reads a program with 200 participants whichever phases run, so its figures stay comparable.
  const spokes = Math.max(
    phases.has('sfu') ? Math.max(...SFU_N) : 0,
    phases.has('gallery') ? Math.max(...GALLERY_N) : 0,
    phases.has('signalling') ? Math.max(...SIGNAL_N) : 0,
    phases.has('rest') ? REST_MEMBERS : 0,
    3, // the webinar's presenters
  );
  if (needHub) {
    progress('starting the hub (apps/server/dist, temporary SQLite, 127.0.0.1)…');
    hub = started(await HostProcess.start('hub', 'hub-host.ts'));
    report.versions.mediasoup = hub.info.mediasoupVersion;
    progress(
      `hub up at ${hub.info.url} (pid ${hub.info.pid}, workers ${hub.info.workerPids.join(', ')}); seeding ${spokes} accounts…`,
    );
    seed = await hub.request<SeedResult>('seed', { spokes }, 600_000);
    progress(`seeded in ${(seed.seedMs / 1000).toFixed(1)} s`);
  }

  if (phases.has('sfu') && hub && seed) {
    const workDir = mkdtempSync(join(tmpdir(), 'echo-hub-bench-media-'));
    onCleanup(() => rmSync(workDir, { recursive: true, force: true }));
    progress('encoding the test clip (testsrc VP8 500 kbit/s + sine Opus)…');
    const clip = encodeClip(workDir);
    const bare = started(await HostProcess.start('bare', 'bare-host.ts'));
    progress(`bare mediasoup up (pid ${bare.info.pid}, worker ${bare.info.workerPids.join(', ')})`);
    report.sfu = await sfuPhase(
      bare,
      { host: hub, seed },
      {
        ns: SFU_N,
        reps: (n) => (n === RATIO_N ? SFU_REPS + 1 : SFU_REPS),
        warmupSeconds: SFU_WARMUP,
        seconds: SFU_SECONDS,
        clip,
        srtp: SFU_SRTP,
        cores: report.machine.cores,
        log: progress,
      },
    );
    report.errors.push(...report.sfu.errors);
    await bare.close();
  }

  if (phases.has('gallery') && hub && seed) {
    const bare = started(await HostProcess.start('bare-gallery', 'bare-host.ts'));
    progress(`gallery: bare mediasoup up (worker ${bare.info.workerPids.join(', ')}); N = ${GALLERY_N.join(', ')}`);
    report.gallery = await galleryPhase(
      bare,
      { host: hub, seed },
      {
        ns: GALLERY_N,
        search: Boolean(GALLERY_SEARCH),
        peers: GALLERY_PEERS,
        warmupSeconds: SFU_WARMUP + 2,
        seconds: GALLERY_SECONDS,
        srtp: SFU_SRTP,
        cores: report.machine.cores,
        log: progress,
      },
    );
    report.errors.push(...report.gallery.errors);
    phaseLoad.gallery = loadavg();
    await bare.close();
  }

  // The webinar (phases/webinar.ts): BENCH_WEBINAR_VIEWERS=1000 receive-only viewers across the workers,
  // BENCH_WEBINAR_PRESENTERS=1..3, BENCH_WEBINAR_PEERS=4 receiver processes, BENCH_WEBINAR_SECONDS=10.
  if (phases.has('webinar') && hub && seed) {
    const viewers = num(env.BENCH_WEBINAR_VIEWERS, 1000);
    progress(`webinar: ${viewers} viewers…`);
    report.webinar = await webinarPhase(
      { host: hub, seed },
      {
        viewers,
        presenters: Math.min(3, num(env.BENCH_WEBINAR_PRESENTERS, 1)),
        peers: num(env.BENCH_WEBINAR_PEERS, 4),
        warmupSeconds: SFU_WARMUP + 2,
        seconds: num(env.BENCH_WEBINAR_SECONDS, 10),
        srtp: SFU_SRTP,
        cores: report.machine.cores,
        log: progress,
      },
    ).catch((e: Error) => {
      report.errors.push(`webinar: ${e.message}`);
      return undefined;
    });
    phaseLoad.webinar = loadavg();
    const w = report.webinar;
    if (w) {
      progress(
        `  webinar ${w.viewers} viewers (${JSON.stringify(w.viewersPerWorker)}): loss ${w.loss.toFixed(3)}%, ` +
          `received ${w.forwardedPps.toFixed(0)} pkt/s of ${w.workerSentPps.toFixed(0)} sent by the workers, workers ${JSON.stringify(w.workerCpu)} %, hub ${w.hubCpu.toFixed(1)}%, ` +
          `peers ${w.peersCpu.toFixed(0)}% (lag ≤ ${w.peersMaxLagMs.toFixed(0)} ms), others ${w.otherCpu.toFixed(0)}%, load ${w.loadAverage.toFixed(2)}`,
      );
    }
  }

  if (phases.has('signalling') && hub && seed) {
    progress('signalling…');
    const signalling = await signallingPhase(hub, seed, {
      ns: SIGNAL_N,
      joinRate: 25,
      lockToggles: 10,
      chatSeconds: 10,
      chatIntervalSeconds: 5,
      burstPeers: SIGNAL_PEERS,
      cores: report.machine.cores,
      log: progress,
    });
    report.signalling = signalling.results;
    phaseLoad.signalling = loadavg();
    report.errors.push(...signalling.errors);
  }

  if (phases.has('rest') && hub && seed) {
    progress('REST on SQLite…');
    const results = await restPhase('SQLite', hub, seed, {
      cores: report.machine.cores,
      connections: REST_CONNECTIONS,
      seconds: REST_SECONDS,
      log: progress,
    });
    await hub.close();
    hub = undefined;
    const pg = await postgresForBench();
    let postgres: string;
    if ('url' in pg) {
      progress(`REST on PostgreSQL: ${pg.source}; starting a second hub on it…`);
      const pgHub = started(
        await HostProcess.start('hub-pg', 'hub-host.ts', {
          BENCH_DATABASE_URL: pg.url,
          MEDIASOUP_WORKERS: '1',
          BENCH_RTC_PORT: '46000',
          BENCH_RTC_MIN_PORT: '46100',
          BENCH_RTC_MAX_PORT: '46199',
        }),
      );
      const pgSeed = await pgHub.request<SeedResult>('seed', { spokes }, 600_000);
      results.push(
        ...(await restPhase('PostgreSQL', pgHub, pgSeed, {
          cores: report.machine.cores,
          connections: REST_CONNECTIONS,
          seconds: REST_SECONDS,
          log: progress,
        })),
      );
      await pgHub.close();
      postgres = pg.source;
    } else {
      postgres = `not available (skipped): ${pg.skipped}`;
      progress(`PostgreSQL: ${postgres}`);
    }
    report.rest = { results, postgres };
    phaseLoad.rest = loadavg();
  }
  await hub?.close();

  if (phases.has('deid')) {
    progress('de-identification bench (tests/bench/deid)…');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'deid', 'deid.bench.ts')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    try {
      const json = JSON.parse(readFileSync(join(__dirname, 'results', 'deid.json'), 'utf8')) as {
        total: { recall: number; precision: number };
      };
      report.deid = { recall: json.total.recall, precision: json.total.precision, passed: r.status === 0 };
    } catch (e) {
      report.deid = { error: (e as Error).message };
    }
  }
}

function aims(report: Report): Report['aims'] {
  const out: Report['aims'] = [];
  const at = report.sfu?.summary.find((s) => s.n === RATIO_N);
  if (at) {
    out.push({
      name: `SFU worker CPU hub/bare at N=${RATIO_N}`,
      value: at.workerCpuRatio,
      aim: `≤ ${AIM_SFU_RATIO.toFixed(2)}`,
      met: at.workerCpuRatio <= AIM_SFU_RATIO,
    });
    out.push({
      name: `SFU additional loss hub−bare at N=${RATIO_N} (percentage points)`,
      value: at.lossDiffPct,
      aim: '≤ 0 (no additional loss)',
      met: at.lossDiffPct <= 0 || at.hub.lossPct === 0,
    });
  }
  const join = report.signalling?.find((s) => s.n === AIM_JOIN_N);
  if (join) {
    out.push({
      name: `join-to-ready p95, ${AIM_JOIN_N} participants arriving at 25/s`,
      value: join.joinPaced.p95,
      aim: `< ${AIM_JOIN_P95_MS} ms`,
      met: join.joinPaced.p95 < AIM_JOIN_P95_MS && join.joinPaced.failed === 0,
    });
    out.push({
      name: `join-to-ready p95, ${AIM_JOIN_N} participants all at once`,
      value: join.joinBurst.p95,
      aim: `< ${AIM_JOIN_P95_MS} ms`,
      met: join.joinBurst.p95 < AIM_JOIN_P95_MS && join.joinBurst.failed === 0,
    });
  }
  return out;
}

/** Worker CPU per forwarded packet, µs. */
const usPerPacket = (m: { workerCpu: number; forwardedPps: number }) => (m.workerCpu / 100 / m.forwardedPps) * 1e6;

function print(report: Report): void {
  const lines: string[] = [];
  if (report.sfu) {
    const { summary } = report.sfu;
    lines.push(
      `SFU forwarding — 1 presenter (VP8 640x360@30 500 kbit/s + Opus, ffmpeg) → N spokes on PlainTransports; ` +
        `${SFU_SECONDS} s windows after ${SFU_WARMUP} s warm-up; medians per side`,
      table(
        [
          'N',
          'side',
          'runs',
          'fwd pkt/s',
          'fwd Mbit/s',
          'loss %',
          'starved',
          'worker CPU %',
          'server CPU %',
          'worker RSS MB',
          'server RSS MB',
          'others CPU %',
          'load avg',
        ],
        summary.flatMap((s) =>
          (['bare', 'hub'] as const).map((side) => {
            const m = s[side];
            return [
              String(s.n),
              side,
              String(s.runs[side]),
              fmt(m.forwardedPps, 0),
              fmt(m.forwardedMbps, 1),
              fmt(m.lossPct, 3),
              fmt(m.starved, 0),
              fmt(m.workerCpu, 1),
              fmt(m.serverCpu, 1),
              fmt(m.workerRssMb, 0),
              fmt(m.serverRssMb, 0),
              fmt(m.otherCpu, 0),
            ];
          }),
        ),
      ),
      '',
      'Hub overhead (hub ÷ bare of the medians; loss difference in percentage points)',
      table(
        [
          'N',
          'worker CPU ratio',
          'worker+server CPU ratio',
          'loss hub−bare',
          'hub join of N (ms)',
          'worker µs/pkt bare/hub',
        ],
        summary.map((s) => [
          String(s.n),
          `${fmt(s.workerCpuRatio, 2)}x`,
          `${fmt(s.totalCpuRatio, 2)}x`,
          `${s.lossDiffPct >= 0 ? '+' : ''}${fmt(s.lossDiffPct, 3)}`,
          fmt(s.hub.joinMs, 0),
          `${fmt(usPerPacket(s.bare), 2)}/${fmt(usPerPacket(s.hub), 2)}`,
        ]),
      ),
      'While media flows, the server processes are all but idle (a few % of a core at most): their ratio is noise.',
      '"hub join of N": connect + session:join of the N spokes, all at once, before the media starts.',
      '',
    );
  }
  if (report.gallery) {
    const g = report.gallery;
    lines.push(
      `Gallery — N participants, simulcast VP8 ${'100/300/900'} kbit/s + Opus (3 of a pool of 6 speaking), ` +
        `each receiving last-N 9 (1 at the top layer, 8 at the middle) + the pool's audio; ${GALLERY_SECONDS} s windows`,
      table(
        [
          'N',
          'side',
          'consumers',
          'in pkt/s',
          'fwd pkt/s',
          'loss %',
          'starved',
          'worker CPU %',
          'µs/pkt',
          'server CPU %',
          'peers CPU %',
          'others CPU %',
          'load',
        ],
        g.runs.map((r) => [
          String(r.n),
          r.side,
          String(r.consumers),
          fmt(r.inputPps, 0),
          fmt(r.forwardedPps, 0),
          fmt(r.lossPct, 3),
          String(r.starved),
          fmt(r.workerCpu, 1),
          fmt(r.workerUsPerPacket, 2),
          fmt(r.serverCpu, 1),
          fmt(r.peersCpu, 0),
          fmt(r.otherCpu, 0),
          fmt(r.loadAverage, 2),
        ]),
      ),
      `Largest N with hub loss ≤ 1%: ${g.maxParticipants} (loss ${fmt(g.lossAtMax ?? NaN, 3)}%, ` +
        `hub ÷ bare worker CPU ${fmt(g.hubOverBareCpu ?? NaN, 2)}, ${fmt(g.workerUsPerPacketAtMax ?? NaN, 2)} µs/pkt)`,
      '',
    );
  }
  if (report.signalling) {
    const d = (x: { p50: number; p95: number; p99: number }) => `${fmt(x.p50, 0)}/${fmt(x.p95, 0)}/${fmt(x.p99, 0)}`;
    lines.push(
      'Signalling through the gateway — latencies p50/p95/p99 in ms',
      table(
        [
          'N',
          'join 25/s',
          'join all at once',
          'fan-out (each)',
          'fan-out (all N)',
          'chat delivery',
          'chat msg/s',
          'missed',
          'server CPU % (burst/chat)',
          'bench loop p99',
          'others CPU %',
          'load avg',
        ],
        report.signalling.map((s) => [
          String(s.n),
          d(s.joinPaced) + (s.joinPaced.failed ? ` (${s.joinPaced.failed} failed)` : ''),
          d(s.joinBurst) + (s.joinBurst.failed ? ` (${s.joinBurst.failed} failed)` : ''),
          d(s.fanout),
          fmt(s.fanout.allMedianMs, 0),
          d(s.chat),
          fmt(s.chat.messagesPerSecond, 1),
          String(s.chat.missed + s.fanout.missed),
          `${fmt(s.joinBurst.serverCpu, 0)}/${fmt(s.chat.serverCpu, 0)}`,
          fmt(s.clientLoopDelayP99, 0),
          fmt(s.othersCpu, 0),
        ]),
      ),
      '"fan-out (all N)": median over 10 host:lock toggles of the time until the last participant had the patch.',
      '"bench loop p99": event-loop delay of the bench process that runs all N clients (part of every latency).',
      '',
    );
  }
  if (report.rest) {
    lines.push(
      `REST — autocannon, ${REST_CONNECTIONS} connections, ${REST_SECONDS} s per route; PostgreSQL: ${report.rest.postgres}`,
      table(
        [
          'database',
          'route',
          'req/s',
          'req/s per hub core',
          'p50 ms',
          'p99 ms',
          'queries/req',
          'requests',
          'non-2xx',
          'server CPU %',
          'others CPU %',
          'load avg',
        ],
        report.rest.results.map((r) => [
          r.database,
          (r.hot ? '* ' : '  ') + r.route,
          fmt(r.requestsPerSecond, 0),
          fmt(r.requestsPerSecond / Math.max(r.serverCpu / 100, 0.01), 0),
          fmt(r.p50Ms, 1),
          fmt(r.p99Ms, 1),
          r.queriesPerRequest === null ? '–' : String(r.queriesPerRequest),
          String(r.requests),
          String(r.non2xx + r.errors),
          fmt(r.serverCpu, 0),
          fmt(r.othersCpu, 0),
          fmt(r.loadAverage, 2),
        ]),
      ),
      '* a hot page. "req/s per hub core": req/s ÷ the hub\'s CPU (what one core of its own would serve);',
      '"queries/req": SQL statements one request sends alone (an N+1 grows with the data).',
      ...report.rest.results
        .filter((r) => r.non2xx > 0)
        .map(
          (r) =>
            `(!) ${r.database} ${r.route}: ${r.non2xx} of ${r.requests} answers were not 2xx ` +
            `(${Object.entries(r.statuses)
              .map(([status, count]) => `${count}× ${status}`)
              .join(', ')}); req/s counts them too.`,
        ),
      '',
    );
  }
  if (report.deid) {
    lines.push(
      'error' in report.deid
        ? `De-identification bench: ${report.deid.error}`
        : `De-identification bench (tests/bench/deid): recall ${(report.deid.recall * 100).toFixed(1)}%, ` +
            `precision ${(report.deid.precision * 100).toFixed(1)}% — ${report.deid.passed ? 'PASS' : 'FAIL'}`,
      '',
    );
  }
  // Say so when other people's work took a large share of the machine while a phase ran.
  const busy: [string, number[]][] = [
    ['SFU', report.sfu?.runs.map((r) => r.otherCpu) ?? []],
    ['signalling', report.signalling?.map((s) => s.othersCpu) ?? []],
    ['REST on SQLite', report.rest?.results.filter((r) => r.database === 'SQLite').map((r) => r.othersCpu) ?? []],
  ];
  for (const [phase, others] of busy) {
    const worst = others.length ? Math.max(...others) : 0;
    if (worst > 50) {
      lines.push(
        `(!) During ${phase}, processes outside the bench used up to ${worst.toFixed(0)}% of a core ` +
          `(of ${report.machine.cores * 100}%): latencies and throughput there understate what the hub does on a quiet machine.`,
      );
    }
  }
  if (report.aims.length) {
    lines.push(
      'Aims',
      table(
        ['aim', 'value', 'target', 'result'],
        report.aims.map((a) => [a.name, fmt(a.value, 3), a.aim, a.met === null ? '–' : a.met ? 'met' : 'MISSED']),
      ),
      '',
    );
  }
  for (const [name, log] of Object.entries(report.hostLogs)) {
    if (log.lines)
      lines.push(
        `${name} printed ${log.lines} log lines, ${log.errorLines} mentioning an error (first ones in the JSON).`,
      );
  }
  for (const e of report.errors) lines.push(`ERROR: ${e}`);
  console.log(lines.join('\n'));
}

/** The headline figures of the phases that ran, over the last ones, in latest.json; then the README's table. */
function writeLatest(report: Report): void {
  const others = (cpu: number) =>
    cpu > 50 ? `other processes used ${cpu.toFixed(0)}% of a core (of ${report.machine.cores * 100}%) meanwhile` : '';
  const fresh: Parameters<typeof mergeLatest>[1] = {};
  const commandOf = () =>
    [
      ...Object.entries(env)
        .filter(([k]) => k.startsWith('BENCH_') && k !== 'BENCH_PROFILE_DIR')
        .map(([k, v]) => `${k}=${v}`),
      'npx tsx tests/bench/run.ts',
    ].join(' ');
  const at = (phase: string) => ({
    command: commandOf(),
    measuredAt: report.generatedAt,
    loadAverage: phaseLoad[phase] ?? loadavg(),
  });
  let latest = readLatest();
  if (report.gallery) {
    const g = report.gallery;
    // Why it stopped there: the first N above it where the hub lost more.
    const next = g.runs.find((r) => r.side === 'hub' && r.n > g.maxParticipants);
    const why = next
      ? [
          `the hub lost ${next.lossPct.toFixed(1)}% at N=${next.n}`,
          next.peersMaxLagMs > 200
            ? `the load generator's send loop lagged up to ${next.peersMaxLagMs.toFixed(0)} ms`
            : '',
          others(next.otherCpu),
        ]
      : [];
    fresh['gallery.maxParticipants'] = { value: g.maxParticipants, note: why.filter(Boolean).join('; ') };
    fresh['gallery.lossAtMax'] = { value: g.lossAtMax };
    fresh['gallery.hubOverBareCpu'] = { value: g.hubOverBareCpu };
    latest = mergeLatest(latest, fresh, at('gallery'));
  }
  if (report.webinar && !report.webinar.error) {
    const w = report.webinar;
    const why = [
      `${Object.keys(w.viewersPerWorker).length} workers`,
      w.peersMaxLagMs > 200 ? `the load generator lagged up to ${w.peersMaxLagMs.toFixed(0)} ms` : '',
      others(w.otherCpu),
    ]
      .filter(Boolean)
      .join('; ');
    latest = mergeLatest(
      latest,
      { 'webinar.viewers': { value: w.viewers, note: why }, 'webinar.loss': { value: w.loss } },
      at('webinar'),
    );
  }
  const storm = report.signalling?.find((s) => s.n === 200);
  if (storm) {
    const why = [
      others(storm.othersCpu),
      `${storm.joinBurst.hubCpuMsPerJoin.toFixed(1)} ms of hub CPU per join`,
      storm.joinBurst.failed ? `${storm.joinBurst.failed} joins failed` : '',
    ]
      .filter(Boolean)
      .join('; ');
    latest = mergeLatest(
      latest,
      { 'signalling.storm200.p95Ms': { value: storm.joinBurst.p95, note: why } },
      at('signalling'),
    );
  }
  const hot = report.rest?.results.filter((r) => r.database === 'PostgreSQL' && r.hot) ?? [];
  if (hot.length) {
    const slowest = hot.reduce((a, b) => (b.requestsPerSecond < a.requestsPerSecond ? b : a));
    const worst = hot.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
    const busy = others(Math.max(...hot.map((r) => r.othersCpu)));
    latest = mergeLatest(
      latest,
      {
        'rest.postgres.hotGetReqPerS': {
          value: slowest.requestsPerSecond,
          note: [`${slowest.route}`, busy].filter(Boolean).join('; '),
        },
        'rest.postgres.hotGetP99Ms': { value: worst.p99Ms, note: [`${worst.route}`, busy].filter(Boolean).join('; ') },
      },
      at('rest'),
    );
  }
  // As Prettier writes JSON: short arrays of numbers on one line.
  const json = JSON.stringify(latest, null, 2).replace(
    /\[\s+([\d.,\s-]+?)\s+\]/g,
    (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`,
  );
  writeFileSync(latestPath, `${json}\n`);
  writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8'), latest));
}

async function run(): Promise<number> {
  installSignalHandlers();
  const startedAt = Date.now();
  const report: Report = {
    generatedAt: new Date().toISOString(),
    machine: { ...machineInfo(), memoryGb: totalmem() / 1024 ** 3, loadAverageAtStart: loadavg() },
    versions: { node: process.version, ffmpeg: ffmpegVersion(), hub: hubVersion() },
    method: {
      sfu: {
        n: SFU_N,
        seconds: SFU_SECONDS,
        warmupSeconds: SFU_WARMUP,
        runsPerSide: SFU_REPS,
        runsPerSideAtRatioN: SFU_REPS + 1,
        order: 'alternating: bare,hub then hub,bare',
        media: 'testsrc 640x360@30 libvpx 500k realtime + sine libopus, encoded once, streamed with ffmpeg -re -c copy',
        spokes: SFU_SRTP ? 'PlainTransport with SRTP (AES_CM_128_HMAC_SHA1_80)' : 'PlainTransport, plain RTP',
        cpu: 'schedstat run time (ns) of all threads; utime+stime ticks from /proc/<pid>/stat kept as *Ticks',
      },
      signalling: {
        n: SIGNAL_N,
        burstPeers: SIGNAL_PEERS,
        joinRatePerSecond: 25,
        lockToggles: 10,
        chatSeconds: 10,
        chatIntervalSeconds: 5,
      },
      rest: { connections: REST_CONNECTIONS, seconds: REST_SECONDS },
    },
    aims: [],
    hostLogs: {},
    errors: [],
  };
  const watchdog = setTimeout(() => {
    console.error(`The bench ran over ${TIMEOUT_MINUTES} minutes: stopping.`);
    void cleanupAll().finally(() => process.exit(2));
  }, TIMEOUT_MINUTES * 60_000);
  watchdog.unref();
  try {
    await main(report);
  } catch (e) {
    report.errors.push((e as Error).stack ?? String(e));
  } finally {
    await cleanupAll();
  }
  for (const h of hosts) report.hostLogs[h.name] = h.log;
  report.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
  report.machine.loadAverageAtEnd = loadavg();
  report.aims = aims(report);
  print(report);

  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${report.generatedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeLatest(report);
  console.log(`Wrote ${file}, and latest.json and the README's table (${report.durationSeconds} s in all).`);
  return report.errors.length ? 1 : 0;
}

run().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e);
    void cleanupAll().finally(() => process.exit(1));
  },
);
