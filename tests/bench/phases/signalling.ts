/**
 * Signalling through the real gateway: N participants join one session (paced, then all at once),
 * a host action's fan-out to all N, and chat delivery while everyone chats.
 */
import type { RoomPatch } from '@echo-hub/protocol';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { SeedResult } from '../hosts/hub-host';
import type { PeerJoin, PeerJoined } from '../hosts/join-peer';
import { HostProcess } from '../lib/host-ipc';
import { BenchClient } from '../lib/live-client';
import { MachineLoad, ProcGroup } from '../lib/proc';
import { type Distribution, distribution, median, sleep } from '../lib/stats';

export interface SignallingOptions {
  ns: number[];
  /** Arrivals per second for the paced join. */
  joinRate: number;
  lockToggles: number;
  chatSeconds: number;
  /** Each participant sends one message every this many seconds. */
  chatIntervalSeconds: number;
  /**
   * Processes the all-at-once join's clients run in (0: in the bench's own process). Spread out, the load
   * generator's connects do not queue behind each other in one event loop.
   */
  burstPeers: number;
  log: (line: string) => void;
}

/** One way of joining N participants, with what it cost on both ends. */
export type JoinStats = Distribution & {
  failed: number;
  /** Connect started → socket.io connected (websocket + token check), p95 ms; the rest of join-to-ready is session:join. */
  connectP95: number;
  wallMs: number;
  serverCpu: number;
  /** The hub's CPU time per participant joined (ms): what a join costs, whatever else the machine does. */
  hubCpuMsPerJoin: number;
  /** The hub's event-loop delay (ms) while they joined. */
  serverLoopP99: number;
  serverLoopMax: number;
  /** The bench process (all N clients), % of one core. */
  benchCpu: number;
  /** The whole machine, all cores (0-100%): idle capacity means the latency is waiting, not computing. */
  machineBusy: number;
  /** socket.io messages and characters (≈ bytes) all clients received while joining (room:patch fan-out). */
  messages: number;
  megabytes: number;
};

export interface SignallingResult {
  n: number;
  /** Participants arriving at joinRate per second. */
  joinPaced: JoinStats;
  /** All N connecting at the same moment (e.g. everyone reconnecting after a network blip). */
  joinBurst: JoinStats;
  /** host:lock → room:patch at each participant: per delivery, and per toggle until the last of N had it. */
  fanout: Distribution & { allMedianMs: number; missed: number };
  /** chat:send → room:patch carrying it, at every participant. */
  chat: Distribution & {
    messages: number;
    messagesPerSecond: number;
    deliveries: number;
    missed: number;
    failedSends: number;
    ackP95: number;
    serverCpu: number;
  };
  /** The bench's own event-loop delay p99 (ms): how much of the latency may be the clients' side. */
  clientLoopDelayP99: number;
  /** CPU used by everything but the hub and the bench while this N ran (other people's work), % of one core. */
  othersCpu: number;
}

interface Ctx {
  host: HostProcess;
  seed: SeedResult;
  url: string;
}

async function openSession(ctx: Ctx, title: string): Promise<{ sessionId: string; facilitator: BenchClient }> {
  const { sessionId } = await ctx.host.request<{ sessionId: string }>('session:create', {
    programId: ctx.seed.programId,
    title,
  });
  const facilitator = new BenchClient(ctx.url, ctx.seed.host.token, ctx.seed.host.userId);
  await facilitator.join(sessionId);
  await facilitator.ok('host:open');
  return { sessionId, facilitator };
}

async function closeSession(facilitator: BenchClient, clients: BenchClient[]): Promise<void> {
  await facilitator.request('host:end', {}).catch(() => undefined);
  facilitator.close();
  for (const c of clients) c.close();
  await sleep(500);
}

/** Joins clients (all at once, or one every 1000/rate ms) and measures both ends while they do. */
async function joinAll(
  ctx: Ctx,
  sessionId: string,
  n: number,
  rate: number | null,
  peers: HostProcess[] = [],
): Promise<{ clients: BenchClient[]; stats: JoinStats }> {
  const server = new ProcGroup([ctx.host.info.pid]);
  const bench = new ProcGroup([process.pid, ...peers.map((p) => p.info.pid)]);
  const machine = new MachineLoad();
  await ctx.host.request('loop:start');
  server.begin();
  bench.begin();
  machine.begin();
  const t0 = performance.now();
  const arrived = peers.length ? await arriveInPeers(ctx, peers, sessionId, n) : await arrive(ctx, sessionId, n, rate);
  const wallMs = performance.now() - t0;
  const serverCpu = server.end().cpu;
  const benchCpu = bench.end().cpu;
  const machineBusy = machine.end();
  const loop = await ctx.host.request<{ p99: number; max: number }>('loop:stop');
  const { clients, times, connects, failed } = arrived;
  return {
    clients,
    stats: {
      ...distribution(times),
      failed,
      connectP95: distribution(connects).p95,
      wallMs,
      serverCpu,
      hubCpuMsPerJoin: ((serverCpu / 100) * wallMs) / Math.max(1, n - failed),
      serverLoopP99: loop.p99,
      serverLoopMax: loop.max,
      benchCpu,
      machineBusy,
      messages: arrived.messages,
      megabytes: arrived.bytes / 1e6,
    },
  };
}

type Arrived = Omit<PeerJoined, 'connects'> & { clients: BenchClient[]; connects: number[] };

async function arrive(ctx: Ctx, sessionId: string, n: number, rate: number | null): Promise<Arrived> {
  const received = { ...BenchClient.received };
  const clients: BenchClient[] = [];
  const pending: Promise<number | null>[] = [];
  const start = performance.now();
  for (const [i, spoke] of ctx.seed.spokes.slice(0, n).entries()) {
    if (rate) await sleep(Math.max(0, start + (i * 1000) / rate - performance.now()));
    const c = new BenchClient(ctx.url, spoke.token, spoke.userId);
    clients.push(c);
    pending.push(c.join(sessionId).catch(() => null));
  }
  const results = await Promise.all(pending);
  const times = results.filter((t): t is number => t !== null);
  return {
    clients,
    times,
    connects: clients.map((c) => c.connectMs).filter((t): t is number => t !== undefined),
    failed: results.length - times.length,
    messages: BenchClient.received.messages - received.messages,
    bytes: BenchClient.received.bytes - received.bytes,
  };
}

/** All N at once from the peer processes (participant i in peer i % peers); they stay connected until closed. */
async function arriveInPeers(ctx: Ctx, peers: HostProcess[], sessionId: string, n: number): Promise<Arrived> {
  const spokes = ctx.seed.spokes.slice(0, n);
  const parts = await Promise.all(
    peers.map((peer, p) =>
      peer.request<PeerJoined>('peer:join', {
        url: ctx.url,
        sessionId,
        spokes: spokes.filter((_, i) => i % peers.length === p),
      } satisfies PeerJoin),
    ),
  );
  return {
    clients: [],
    times: parts.flatMap((r) => r.times),
    connects: parts.flatMap((r) => r.connects),
    failed: parts.reduce((sum, r) => sum + r.failed, 0),
    messages: parts.reduce((sum, r) => sum + r.messages, 0),
    bytes: parts.reduce((sum, r) => sum + r.bytes, 0),
  };
}

async function fanout(facilitator: BenchClient, clients: BenchClient[], toggles: number) {
  const deliveries: number[] = [];
  const toLast: number[] = [];
  let missed = 0;
  for (let k = 0; k < toggles; k++) {
    const locked = k % 2 === 0;
    const t0 = performance.now();
    const arrived = clients.map(
      (c) =>
        new Promise<number | null>((resolve) => {
          const timer = setTimeout(() => resolve(null), 10_000);
          const listener = (patch: RoomPatch | null) => {
            if (patch?.set?.locked === locked) {
              clearTimeout(timer);
              c.socket.off('room:patch', listener);
              resolve(performance.now() - t0);
            }
          };
          c.onPatch(listener);
        }),
    );
    await facilitator.ok('host:lock', { locked });
    const times = await Promise.all(arrived);
    const got = times.filter((t): t is number => t !== null);
    missed += times.length - got.length;
    deliveries.push(...got);
    if (got.length) toLast.push(Math.max(...got));
    await sleep(250);
  }
  return { ...distribution(deliveries), allMedianMs: median(toLast), missed };
}

const CHAT_LINES = [
  'Our link worker sees this a lot: loneliness after a bereavement, referred by the practice nurse.',
  'Could the community pharmacist pick up the medication review before the next appointment?',
  'We tried a walking group referral; attendance dropped after the third week.',
  'Is there a carers assessment in place? That changed things for a similar case here.',
  'Agree with the hub team: start with what matters to the person, then the service.',
];

async function chatLoad(ctx: Ctx, clients: BenchClient[], opts: SignallingOptions) {
  const sentAt = new Map<string, number>();
  const deliveries: number[] = [];
  const acks: number[] = [];
  const tag = /\[bench (\d+)\]$/;
  for (const c of clients) {
    c.onChat((m) => {
      const key = tag.exec(m.text)?.[1];
      const t0 = key ? sentAt.get(key) : undefined;
      if (t0 !== undefined) deliveries.push(performance.now() - t0);
    });
  }
  const server = new ProcGroup([ctx.host.info.pid]);
  server.begin();
  const start = performance.now();
  let seq = 0;
  let failed = 0;
  const sends: Promise<void>[] = [];
  const perClient = Math.max(1, Math.floor(opts.chatSeconds / opts.chatIntervalSeconds));
  for (const [i, c] of clients.entries()) {
    // Spread the senders evenly over one interval, then every interval after that.
    const offset = (i / clients.length) * opts.chatIntervalSeconds * 1000;
    for (let k = 0; k < perClient; k++) {
      const at = offset + k * opts.chatIntervalSeconds * 1000;
      sends.push(
        sleep(at).then(async () => {
          const key = String(++seq);
          const text = `${CHAT_LINES[seq % CHAT_LINES.length]} [bench ${key}]`;
          const t0 = performance.now();
          sentAt.set(key, t0);
          const ack = await c.request('chat:send', { text }).catch(() => null);
          if (ack?.ok) acks.push(performance.now() - t0);
          else failed++;
        }),
      );
    }
  }
  await Promise.all(sends);
  const sending = (performance.now() - start) / 1000;
  const messages = sentAt.size - failed;
  const expectedDeliveries = messages * clients.length;
  for (let waited = 0; deliveries.length < expectedDeliveries && waited < 10_000; waited += 100) await sleep(100);
  const serverCpu = server.end().cpu;
  return {
    ...distribution(deliveries),
    messages,
    messagesPerSecond: messages / sending,
    deliveries: deliveries.length,
    missed: Math.max(0, expectedDeliveries - deliveries.length),
    failedSends: failed,
    ackP95: distribution(acks).p95,
    serverCpu,
  };
}

export async function signallingPhase(
  host: HostProcess,
  seed: SeedResult,
  opts: SignallingOptions & { cores: number },
) {
  const ctx: Ctx = { host, seed, url: host.info.url ?? '' };
  const results: SignallingResult[] = [];
  const errors: string[] = [];
  for (const n of opts.ns) {
    try {
      results.push(await signallingFor(n, ctx, opts));
    } catch (e) {
      errors.push(`signalling N=${n}: ${(e as Error).message}`);
      opts.log(`  signalling N=${n} FAILED: ${(e as Error).message}`);
    }
  }
  return { results, errors };
}

async function signallingFor(n: number, ctx: Ctx, opts: SignallingOptions & { cores: number }) {
  const { host } = ctx;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const ours = new ProcGroup([host.info.pid, ...host.info.workerPids, process.pid]);
  const machine = new MachineLoad();
  ours.begin();
  machine.begin();

  // 1. Paced arrivals, then the host action fan-out and chat in that full room.
  const a = await openSession(ctx, `Signalling bench N=${n} (paced)`);
  const paced = await joinAll(ctx, a.sessionId, n, opts.joinRate);
  opts.log(
    `  signalling N=${n}: paced join p95 ${paced.stats.p95.toFixed(0)} ms ` +
      `(server ${paced.stats.serverCpu.toFixed(0)}%, bench ${paced.stats.benchCpu.toFixed(0)}%, ` +
      `${paced.stats.megabytes.toFixed(1)} MB of patches)`,
  );
  await sleep(500);
  const fan = await fanout(a.facilitator, paced.clients, opts.lockToggles);
  opts.log(`  signalling N=${n}: fan-out p95 ${fan.p95.toFixed(1)} ms`);
  const chat = await chatLoad(ctx, paced.clients, opts);
  opts.log(`  signalling N=${n}: chat p95 ${chat.p95.toFixed(1)} ms (${chat.messages} messages)`);
  await closeSession(a.facilitator, paced.clients);

  // 2. Everyone at once.
  const peers: HostProcess[] = [];
  for (let p = 0; p < opts.burstPeers; p++) peers.push(await HostProcess.start(`join-peer-${p}`, 'join-peer.ts'));
  const b = await openSession(ctx, `Signalling bench N=${n} (burst)`);
  // BENCH_PROFILE_DIR: a CPU profile of the hub while they join (open it in Chrome DevTools or speedscope).
  const profileDir = process.env.BENCH_PROFILE_DIR;
  if (profileDir) await host.request('profile:start');
  const burst = await joinAll(ctx, b.sessionId, n, null, peers).finally(async () => {
    if (profileDir) await host.request('profile:stop', { file: join(profileDir, `hub-burst-${n}.cpuprofile`) });
  });
  opts.log(
    `  signalling N=${n}: burst join p95 ${burst.stats.p95.toFixed(0)} ms ` +
      `(connect p95 ${burst.stats.connectP95.toFixed(0)} ms; server ${burst.stats.serverCpu.toFixed(0)}%, ` +
      `${burst.stats.hubCpuMsPerJoin.toFixed(1)} ms of hub CPU per join, ${burst.stats.messages} messages, ` +
      `hub loop p99 ${burst.stats.serverLoopP99.toFixed(0)} ms, ` +
      `bench ${burst.stats.benchCpu.toFixed(0)}% in ${Math.max(1, peers.length)} process(es), ` +
      `machine ${burst.stats.machineBusy.toFixed(0)}% busy, ` +
      `${burst.stats.megabytes.toFixed(1)} MB of patches)`,
  );
  await closeSession(b.facilitator, burst.clients);
  await Promise.all(peers.map((p) => p.close()));

  loop.disable();
  const othersCpu = Math.max(0, machine.end() * opts.cores - ours.end().cpu);
  return {
    n,
    joinPaced: paced.stats,
    joinBurst: burst.stats,
    fanout: fan,
    chat,
    clientLoopDelayP99: loop.percentile(99) / 1e6,
    othersCpu,
  } satisfies SignallingResult;
}
