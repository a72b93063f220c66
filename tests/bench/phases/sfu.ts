/**
 * SFU forwarding: one presenter (ffmpeg VP8 + Opus) and N spokes (PlainTransports → receiver sockets),
 * on the real hub (a live room with N joined socket.io participants, its router and active-speaker
 * observer) and on bare mediasoup, alternating sides run by run; medians per side.
 */
import type { SeedResult } from '../hosts/hub-host';
import type { SfuSetupResult } from '../hosts/sfu-topology';
import type { HostProcess } from '../lib/host-ipc';
import { BenchClient } from '../lib/live-client';
import { startSender } from '../lib/media-source';
import { mb, measureWindow, ProcGroup } from '../lib/proc';
import { type RtpReceiver, RtpReceiver as Receiver, sumCounts } from '../lib/rtp-receiver';
import { median, sleep } from '../lib/stats';

export type Side = 'hub' | 'bare';

export interface SfuRun {
  side: Side;
  n: number;
  rep: number;
  /** Packets/s and Mbit/s that reached the N receivers (all forwarded streams together). */
  forwardedPps: number;
  forwardedMbps: number;
  /** Packets/s the SFU took in from the presenter. */
  inputPps: number;
  expected: number;
  received: number;
  lossPct: number;
  gaps: number;
  /** Receivers that got no video in the window. */
  starved: number;
  workerCpu: number;
  serverCpu: number;
  /** The same two from utime+stime ticks alone (10 ms resolution). */
  workerCpuTicks: number;
  serverCpuTicks: number;
  workerRssMb: number;
  serverRssMb: number;
  /** The bench itself (RTP receivers, socket.io clients) and ffmpeg, % of one core. */
  benchCpu: number;
  ffmpegCpu: number;
  /** Everything else on the machine during the window (other people's work), % of one core. */
  otherCpu: number;
  setupMs: number;
  joinMs?: number;
  /** Hub only: the room's active-speaker observer named the presenter (it read the audio levels). */
  activeSpeaker?: boolean;
}

export interface SfuOptions {
  ns: number[];
  /** Runs per side for each N (more for the N the ratio is judged at). */
  reps: (n: number) => number;
  warmupSeconds: number;
  seconds: number;
  clip: string;
  /** Encrypt spokes' media with SRTP, as WebRTC does. */
  srtp: boolean;
  cores: number;
  log: (line: string) => void;
}

interface HubContext {
  host: HostProcess;
  seed: SeedResult;
}

async function runOnce(
  side: Side,
  n: number,
  rep: number,
  host: HostProcess,
  hub: HubContext | null,
  opts: SfuOptions,
): Promise<SfuRun> {
  const receivers: RtpReceiver[] = [];
  const clients: BenchClient[] = [];
  let sender: Awaited<ReturnType<typeof startSender>> | undefined;
  let sessionId: string | undefined;
  let presenter: BenchClient | undefined;
  try {
    for (let i = 0; i < n; i++) receivers.push(await Receiver.open());
    let joinMs: number | undefined;
    let setupArgs: Record<string, unknown> = { receiverPorts: receivers.map((r) => r.port), srtp: opts.srtp };
    if (hub) {
      // A live session with the facilitator presenting and N spokes joined through the gateway.
      const url = hub.host.info.url ?? '';
      ({ sessionId } = await host.request<{ sessionId: string }>('session:create', {
        programId: hub.seed.programId,
        title: `SFU bench N=${n} #${rep}`,
      }));
      presenter = new BenchClient(url, hub.seed.host.token, hub.seed.host.userId);
      await presenter.join(sessionId);
      await presenter.ok('host:open');
      await presenter.ok('host:presenter', { userId: hub.seed.host.userId });
      const t0 = Date.now();
      for (const spoke of hub.seed.spokes.slice(0, n)) clients.push(new BenchClient(url, spoke.token, spoke.userId));
      await Promise.all(clients.map((c) => c.join(sessionId as string)));
      joinMs = Date.now() - t0;
      setupArgs = { ...setupArgs, sessionId, presenterUserId: hub.seed.host.userId };
    }
    const setup = await host.request<SfuSetupResult>('sfu:setup', setupArgs);
    sender = await startSender(opts.clip, setup.video, setup.audio);
    await sleep(opts.warmupSeconds * 1000);

    const in0 = await host.request<{ inPackets: number }>('sfu:stats');
    const perReceiver0 = receivers.map((r) => r.counts());
    const c0 = sumCounts(receivers);
    const win = await measureWindow(
      {
        workers: new ProcGroup(host.info.workerPids),
        server: new ProcGroup([host.info.pid]),
        bench: new ProcGroup([process.pid]),
        ffmpeg: new ProcGroup(sender.ffmpeg.pid ? [sender.ffmpeg.pid] : []),
      },
      opts.seconds,
    );
    const { seconds, busy } = win;
    const { workers: w, server: s, bench: b, ffmpeg: f } = win.cpu;
    const c1 = sumCounts(receivers);
    const in1 = await host.request<{ inPackets: number }>('sfu:stats');
    const room = hub ? await host.request<{ activeSpeakerId: string | null }>('room', { sessionId }) : null;

    const videoPt = setup.consumerPayloadTypes.video;
    const starved = receivers.filter((r, i) => {
      const before = perReceiver0[i].byPayloadType.get(videoPt)?.packets ?? 0;
      return (r.counts().byPayloadType.get(videoPt)?.packets ?? 0) - before === 0;
    }).length;
    const received = c1.packets - c0.packets;
    const expected = c1.expected - c0.expected;
    return {
      side,
      n,
      rep,
      forwardedPps: received / seconds,
      forwardedMbps: ((c1.bytes - c0.bytes) * 8) / seconds / 1e6,
      inputPps: (in1.inPackets - in0.inPackets) / seconds,
      expected,
      received,
      lossPct: expected > 0 ? (Math.max(0, expected - received) / expected) * 100 : 0,
      gaps: c1.gaps - c0.gaps,
      starved,
      workerCpu: w.cpu,
      serverCpu: s.cpu,
      workerCpuTicks: w.cpuTicks,
      serverCpuTicks: s.cpuTicks,
      workerRssMb: mb(w.rssBytes),
      serverRssMb: mb(s.rssBytes),
      benchCpu: b.cpu,
      ffmpegCpu: f.cpu,
      otherCpu: Math.max(0, busy * opts.cores - w.cpu - s.cpu - b.cpu - f.cpu),
      setupMs: setup.setupMs,
      joinMs,
      activeSpeaker: room ? room.activeSpeakerId === hub?.seed.host.userId : undefined,
    };
  } finally {
    await sender?.stop();
    await host.request('sfu:teardown').catch(() => undefined);
    if (presenter && sessionId) await presenter.request('host:end', {}).catch(() => undefined);
    presenter?.close();
    for (const c of clients) c.close();
    await Promise.all(receivers.map((r) => r.close()));
  }
}

export interface SfuSummary {
  n: number;
  runs: { hub: number; bare: number };
  hub: Medians;
  bare: Medians;
  /** hub ÷ bare, of the medians. */
  workerCpuRatio: number;
  totalCpuRatio: number;
  /** hub − bare loss, percentage points. */
  lossDiffPct: number;
}

type Medians = Omit<SfuRun, 'side' | 'n' | 'rep' | 'joinMs' | 'activeSpeaker'> & { joinMs?: number };

function medians(runs: SfuRun[]): Medians {
  const m = (f: (r: SfuRun) => number) => median(runs.map(f));
  const joins = runs.map((r) => r.joinMs).filter((x): x is number => x !== undefined);
  return {
    forwardedPps: m((r) => r.forwardedPps),
    forwardedMbps: m((r) => r.forwardedMbps),
    inputPps: m((r) => r.inputPps),
    expected: m((r) => r.expected),
    received: m((r) => r.received),
    lossPct: m((r) => r.lossPct),
    gaps: m((r) => r.gaps),
    starved: m((r) => r.starved),
    workerCpu: m((r) => r.workerCpu),
    serverCpu: m((r) => r.serverCpu),
    workerCpuTicks: m((r) => r.workerCpuTicks),
    serverCpuTicks: m((r) => r.serverCpuTicks),
    workerRssMb: m((r) => r.workerRssMb),
    serverRssMb: m((r) => r.serverRssMb),
    benchCpu: m((r) => r.benchCpu),
    ffmpegCpu: m((r) => r.ffmpegCpu),
    otherCpu: m((r) => r.otherCpu),
    setupMs: m((r) => r.setupMs),
    joinMs: joins.length ? median(joins) : undefined,
  };
}

/** Runs every N, alternating sides (bare, hub, then hub, bare, …) so drift in the machine's load hits both alike. */
export async function sfuPhase(
  bare: HostProcess,
  hub: HubContext,
  opts: SfuOptions,
): Promise<{ runs: SfuRun[]; summary: SfuSummary[]; errors: string[] }> {
  const runs: SfuRun[] = [];
  const errors: string[] = [];
  const summary: SfuSummary[] = [];
  for (const n of opts.ns) {
    const reps = opts.reps(n);
    for (let rep = 0; rep < reps; rep++) {
      const order: Side[] = rep % 2 === 0 ? ['bare', 'hub'] : ['hub', 'bare'];
      for (const side of order) {
        let run: SfuRun;
        try {
          run = await runOnce(side, n, rep, side === 'hub' ? hub.host : bare, side === 'hub' ? hub : null, opts);
        } catch (e) {
          // One failed run (e.g. joins timing out on an overloaded machine) must not lose the others.
          errors.push(`SFU N=${n} ${side} #${rep + 1}: ${(e as Error).message}`);
          opts.log(`  sfu N=${n} ${side} #${rep + 1} FAILED: ${(e as Error).message}`);
          continue;
        }
        runs.push(run);
        opts.log(
          `  sfu N=${String(n).padStart(3)} ${side.padEnd(4)} #${rep + 1}: ${run.forwardedPps.toFixed(0)} pkt/s, ` +
            `${run.forwardedMbps.toFixed(1)} Mbit/s, loss ${run.lossPct.toFixed(3)}%, worker ${run.workerCpu.toFixed(1)}%, ` +
            `server ${run.serverCpu.toFixed(1)}%, others on the machine ${run.otherCpu.toFixed(0)}%` +
            (run.activeSpeaker === false ? ' (the active-speaker observer did not name the presenter)' : ''),
        );
      }
    }
    const side = (s: Side) => runs.filter((r) => r.n === n && r.side === s);
    if (!side('hub').length || !side('bare').length) continue;
    const h = medians(side('hub'));
    const b = medians(side('bare'));
    summary.push({
      n,
      runs: { hub: side('hub').length, bare: side('bare').length },
      hub: h,
      bare: b,
      workerCpuRatio: h.workerCpu / b.workerCpu,
      totalCpuRatio: (h.workerCpu + h.serverCpu) / (b.workerCpu + b.serverCpu),
      lossDiffPct: h.lossPct - b.lossPct,
    });
  }
  return { runs, summary, errors };
}
