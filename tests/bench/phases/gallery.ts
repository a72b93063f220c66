/**
 * The gallery (hosts/gallery-topology.ts) at growing N, bare mediasoup and the hub in the same run,
 * alternating which side goes first. The participants are spread over PEERS processes
 * (hosts/gallery-peer.ts) that send and count. On the hub the N participants are joined through the
 * gateway first, so the room, its observer and its state are the real ones.
 *
 * Reported: the largest N whose loss is ≤ 1% on the hub, the loss there, the worker and hub-process
 * CPU, the worker's µs per forwarded packet, and hub ÷ bare worker CPU at that N.
 */
import { loadavg } from 'node:os';
import type { GallerySetupResult } from '../hosts/gallery-topology';
import type { PeerCounts, PeerStart } from '../hosts/gallery-peer';
import type { SeedResult } from '../hosts/hub-host';
import { HostProcess } from '../lib/host-ipc';
import { BenchClient } from '../lib/live-client';
import { measureWindow, ProcGroup } from '../lib/proc';
import { sleep } from '../lib/stats';
import type { Side } from './sfu';

export const GALLERY_LAST_N = 9;
export const GALLERY_SPEAKER_POOL = 6;
export const GALLERY_SPEAKERS = 3;
export const GALLERY_MAX_LOSS_PCT = 1;

export interface GalleryOptions {
  ns: number[];
  /**
   * Search mode: `ns` are steps up, and the phase stops at the first N where the hub loses more than
   * GALLERY_MAX_LOSS_PCT (or starves someone): the largest N at ≤ 1% loss is the step before.
   */
  search?: boolean;
  peers: number;
  warmupSeconds: number;
  seconds: number;
  srtp: boolean;
  cores: number;
  log: (line: string) => void;
}

export interface GalleryRun {
  side: Side;
  n: number;
  consumers: number;
  /** Packets/s the SFU took in and forwarded (receivers' count). */
  inputPps: number;
  forwardedPps: number;
  lossPct: number;
  /** Participants that got no video in the window. */
  starved: number;
  workerCpu: number;
  serverCpu: number;
  /** Worker CPU per forwarded packet, µs. */
  workerUsPerPacket: number;
  peersCpu: number;
  /** The peers' send loop: worst lag behind its 10 ms tick (ms). */
  peersMaxLagMs: number;
  otherCpu: number;
  loadAverage: number;
  setupMs: number;
  /**
   * Hub only: its audio consumers (everyone consumes everyone's microphone, N×(N−1), all forwarded before the
   * audio policy) and how many the policy forwards at the end of the window (the audible: speakers, held ones).
   */
  audioConsumers?: number;
  audioForwarded?: number;
}

export interface GallerySummary {
  runs: GalleryRun[];
  /** Largest N with hub loss ≤ 1% (0 when none). */
  maxParticipants: number;
  lossAtMax: number | null;
  /** Hub ÷ bare worker CPU at maxParticipants. */
  hubOverBareCpu: number | null;
  workerUsPerPacketAtMax: number | null;
  errors: string[];
}

interface HubContext {
  host: HostProcess;
  seed: SeedResult;
}

async function runOnce(
  side: Side,
  n: number,
  host: HostProcess,
  hub: HubContext | null,
  opts: GalleryOptions,
): Promise<GalleryRun> {
  const peers: HostProcess[] = [];
  const clients: BenchClient[] = [];
  let presenter: BenchClient | undefined;
  let hubSession: { sessionId?: string } = {};
  try {
    for (let p = 0; p < opts.peers; p++) peers.push(await HostProcess.start(`gallery-peer-${p}`, 'gallery-peer.ts'));
    // Participant i lives in peer i % peers.
    const slices = peers.map((_, p) => [...Array(n).keys()].filter((i) => i % opts.peers === p));
    const ports = await Promise.all(
      peers.map((peer, p) => peer.request<number[]>('peer:open', { count: slices[p].length })),
    );
    const receiverPorts = [...Array(n).keys()].map((i) => ports[i % opts.peers][Math.floor(i / opts.peers)]);
    let setupArgs: Record<string, unknown> = {
      receiverPorts,
      srtp: opts.srtp,
      lastN: GALLERY_LAST_N,
      speakerPool: GALLERY_SPEAKER_POOL,
    };
    if (hub) {
      const url = hub.host.info.url ?? '';
      const { sessionId } = await host.request<{ sessionId: string }>('session:create', {
        programId: hub.seed.programId,
        title: `Gallery bench N=${n}`,
      });
      presenter = new BenchClient(url, hub.seed.host.token, hub.seed.host.userId);
      await presenter.join(sessionId);
      await presenter.ok('host:open');
      const people = hub.seed.spokes.slice(0, n);
      for (const spoke of people) clients.push(new BenchClient(url, spoke.token, spoke.userId));
      for (let i = 0; i < clients.length; i += 25)
        await Promise.all(clients.slice(i, i + 25).map((c) => c.join(sessionId)));
      setupArgs = { ...setupArgs, sessionId, userIds: people.map((s) => s.userId) };
      hubSession = { sessionId };
    }
    const setup = await host.request<GallerySetupResult>('gallery:setup', setupArgs, 600_000);
    await Promise.all(
      peers.map((peer, p) =>
        peer.request('peer:start', {
          participants: slices[p].map((index) => ({ index, input: setup.inputs[index] })),
          speakerPool: GALLERY_SPEAKER_POOL,
          speakers: GALLERY_SPEAKERS,
          rotateSeconds: 4,
        } satisfies PeerStart),
      ),
    );
    await sleep(opts.warmupSeconds * 1000);

    const counts = () =>
      Promise.all(peers.map((peer) => peer.request<PeerCounts>('peer:counts', { videoPt: setup.videoPayloadType })));
    const in0 = await host.request<{ inPackets: number }>(`gallery:stats`, hubSession);
    const c0 = (await counts()).flatMap((c) => c.perReceiver);
    const win = await measureWindow(
      {
        workers: new ProcGroup(host.info.workerPids),
        server: new ProcGroup([host.info.pid]),
        peers: new ProcGroup(peers.map((p) => p.info.pid)),
        bench: new ProcGroup([process.pid]),
      },
      opts.seconds,
    );
    const { seconds, busy } = win;
    const { workers: w, server: s, peers: pc, bench: b } = win.cpu;
    const after = await counts();
    const c1 = after.flatMap((c) => c.perReceiver);
    const in1 = await host.request<{ inPackets: number; audioConsumers?: number; audioForwarded?: number }>(
      `gallery:stats`,
      hubSession,
    );
    let received = 0;
    let expected = 0;
    let starved = 0;
    c1.forEach((c, k) => {
      received += c.packets - c0[k].packets;
      expected += c.expected - c0[k].expected;
      if (c.videoPackets === c0[k].videoPackets) starved++;
    });
    const forwardedPps = received / seconds;
    return {
      side,
      n,
      consumers: setup.consumers,
      inputPps: (in1.inPackets - in0.inPackets) / seconds,
      forwardedPps,
      lossPct: expected > 0 ? (Math.max(0, expected - received) / expected) * 100 : 0,
      starved,
      workerCpu: w.cpu,
      serverCpu: s.cpu,
      workerUsPerPacket: forwardedPps > 0 ? (w.cpu / 100 / forwardedPps) * 1e6 : NaN,
      peersCpu: pc.cpu,
      peersMaxLagMs: Math.max(...after.map((c) => c.maxLagMs)),
      otherCpu: Math.max(0, busy * opts.cores - w.cpu - s.cpu - pc.cpu - b.cpu),
      loadAverage: loadavg()[0],
      setupMs: setup.setupMs,
      audioConsumers: in1.audioConsumers,
      audioForwarded: in1.audioForwarded,
    };
  } finally {
    await host.request('gallery:teardown').catch(() => undefined);
    if (presenter) await presenter.request('host:end', {}).catch(() => undefined);
    presenter?.close();
    for (const c of clients) c.close();
    await Promise.all(peers.map((p) => p.request('peer:stop').catch(() => undefined)));
    await Promise.all(peers.map((p) => p.close()));
  }
}

/**
 * Every N on both sides (alternating who goes first); stops growing N once both sides lose over 5%, or, searching,
 * once the hub loses over 1%.
 */
export async function galleryPhase(bare: HostProcess, hub: HubContext, opts: GalleryOptions): Promise<GallerySummary> {
  const runs: GalleryRun[] = [];
  const errors: string[] = [];
  for (const [k, n] of opts.ns.entries()) {
    const order: Side[] = k % 2 === 0 ? ['bare', 'hub'] : ['hub', 'bare'];
    for (const side of order) {
      try {
        const run = await runOnce(side, n, side === 'hub' ? hub.host : bare, side === 'hub' ? hub : null, opts);
        runs.push(run);
        opts.log(
          `  gallery N=${String(n).padStart(3)} ${side.padEnd(4)}: in ${run.inputPps.toFixed(0)} pkt/s, ` +
            `forwarded ${run.forwardedPps.toFixed(0)} pkt/s, loss ${run.lossPct.toFixed(3)}%, starved ${run.starved}, ` +
            `worker ${run.workerCpu.toFixed(1)}% (${run.workerUsPerPacket.toFixed(2)} µs/pkt), server ${run.serverCpu.toFixed(1)}%, ` +
            `peers ${run.peersCpu.toFixed(0)}% (lag ≤ ${run.peersMaxLagMs.toFixed(0)} ms), others ${run.otherCpu.toFixed(0)}%, ` +
            `load ${run.loadAverage.toFixed(2)}` +
            (run.audioConsumers === undefined
              ? ''
              : `; audio consumers ${run.audioConsumers}, forwarded ${run.audioForwarded} (before the policy: all)`),
        );
      } catch (e) {
        errors.push(`gallery N=${n} ${side}: ${(e as Error).message}`);
        opts.log(`  gallery N=${n} ${side} FAILED: ${(e as Error).message}`);
      }
    }
    const atN = runs.filter((r) => r.n === n);
    if (atN.length === 2 && atN.every((r) => r.lossPct > 5)) break;
    const hubAtN = atN.find((r) => r.side === 'hub');
    if (opts.search && (!hubAtN || hubAtN.lossPct > GALLERY_MAX_LOSS_PCT || hubAtN.starved > 0)) {
      opts.log(`  gallery: the hub lost over ${GALLERY_MAX_LOSS_PCT}% at N=${n}: search stops`);
      break;
    }
  }
  const ok = runs.filter((r) => r.side === 'hub' && r.lossPct <= GALLERY_MAX_LOSS_PCT && r.starved === 0);
  const max = ok.length ? Math.max(...ok.map((r) => r.n)) : 0;
  const hubAt = runs.find((r) => r.side === 'hub' && r.n === max);
  const bareAt = runs.find((r) => r.side === 'bare' && r.n === max);
  return {
    runs,
    maxParticipants: max,
    lossAtMax: hubAt?.lossPct ?? null,
    hubOverBareCpu: hubAt && bareAt ? hubAt.workerCpu / bareAt.workerCpu : null,
    workerUsPerPacketAtMax: hubAt?.workerUsPerPacket ?? null,
    errors,
  };
}
