/**
 * The webinar (hosts/webinar-topology.ts) on the real hub: a session in the webinar layout, 1–3 presenters sending
 * simulcast VP8 and Opus, and N receive-only viewers spread by the room's RouterSpread over the routers of every
 * worker. The viewers (and the presenters' senders) live in PEERS processes (hosts/gallery-peer.ts), so the load
 * generator is not the bottleneck. Reported: loss over every viewer, each worker's CPU, the hub process's CPU and
 * the machine's load average.
 */
import { loadavg } from 'node:os';
import type { PeerCounts, PeerStart } from '../hosts/gallery-peer';
import type { SeedResult } from '../hosts/hub-host';
import type { WebinarSetupResult } from '../hosts/webinar-topology';
import { HostProcess } from '../lib/host-ipc';
import { BenchClient } from '../lib/live-client';
import { measureWindow, ProcGroup } from '../lib/proc';
import { sleep } from '../lib/stats';

export const WEBINAR_MAX_LOSS_PCT = 1;

export interface WebinarOptions {
  viewers: number;
  presenters: number;
  peers: number;
  warmupSeconds: number;
  seconds: number;
  srtp: boolean;
  cores: number;
  log: (line: string) => void;
}

export interface WebinarResult {
  viewers: number;
  presenters: number;
  consumers: number;
  /** Viewers placed on each worker (by pid). */
  viewersPerWorker: Record<string, number>;
  inputPps: number;
  /** Packets/s the viewers received, and that the workers' consumers sent (the difference is lost after the worker). */
  forwardedPps: number;
  workerSentPps: number;
  /** Loss over every viewer's streams, %. */
  loss: number;
  /** Viewers that got no video in the window. */
  starved: number;
  /** CPU % of each worker (by pid) and of the hub's main process. */
  workerCpu: Record<string, number>;
  hubCpu: number;
  peersCpu: number;
  peersMaxLagMs: number;
  otherCpu: number;
  loadAverage: number;
  setupMs: number;
  srtp: boolean;
  error?: string;
}

/** One run at `opts.viewers`; `webinar.viewers` and `webinar.loss` in latest.json come from it. */
export async function webinarPhase(
  hub: { host: HostProcess; seed: SeedResult },
  opts: WebinarOptions,
): Promise<WebinarResult> {
  const { host, seed } = hub;
  const peers: HostProcess[] = [];
  let presenter: BenchClient | undefined;
  try {
    for (let p = 0; p < opts.peers; p++) peers.push(await HostProcess.start(`webinar-peer-${p}`, 'gallery-peer.ts'));
    const slices = peers.map((_, p) => [...Array(opts.viewers).keys()].filter((i) => i % opts.peers === p));
    const ports = await Promise.all(
      peers.map((peer, p) => peer.request<number[]>('peer:open', { count: slices[p].length }, 120_000)),
    );
    const receiverPorts = [...Array(opts.viewers).keys()].map((i) => ports[i % opts.peers][Math.floor(i / opts.peers)]);

    const { sessionId } = await host.request<{ sessionId: string }>('session:create', {
      programId: seed.programId,
      title: `Webinar bench, ${opts.viewers} viewers`,
    });
    presenter = new BenchClient(host.info.url ?? '', seed.host.token, seed.host.userId);
    await presenter.join(sessionId);
    await presenter.ok('host:open');
    await presenter.ok('host:webinar', { on: true });
    const presenterIds = [seed.host.userId, ...seed.spokes.slice(0, opts.presenters - 1).map((s) => s.userId)];
    opts.log(`  webinar: setting up ${opts.viewers} viewers of ${presenterIds.length} presenter(s)…`);
    const setup = await host.request<WebinarSetupResult>(
      'webinar:setup',
      { sessionId, receiverPorts, presenterIds, srtp: opts.srtp },
      1_200_000,
    );
    // The first peer process sends for the presenters (all of them speak); every peer counts its viewers.
    await peers[0].request('peer:start', {
      participants: setup.inputs.map((input, index) => ({ index, input })),
      speakerPool: setup.inputs.length,
      speakers: setup.inputs.length,
      rotateSeconds: 3600,
    } satisfies PeerStart);
    await sleep(opts.warmupSeconds * 1000);

    const counts = () =>
      Promise.all(peers.map((peer) => peer.request<PeerCounts>('peer:counts', { videoPt: setup.videoPayloadType })));
    const workerPids = host.info.workerPids;
    const in0 = await host.request<{ inPackets: number; outPackets: number }>('webinar:stats');
    const c0 = (await counts()).flatMap((c) => c.perReceiver);
    const win = await measureWindow<string>(
      {
        ...Object.fromEntries(workerPids.map((pid) => [`worker ${pid}`, new ProcGroup([pid])])),
        server: new ProcGroup([host.info.pid]),
        peers: new ProcGroup(peers.map((p) => p.info.pid)),
        bench: new ProcGroup([process.pid]),
      },
      opts.seconds,
    );
    const { seconds, busy } = win;
    const { server: s, peers: pc, bench: b } = win.cpu;
    const w = workerPids.map((pid) => win.cpu[`worker ${pid}`].cpu);
    const after = await counts();
    const c1 = after.flatMap((c) => c.perReceiver);
    const in1 = await host.request<{ inPackets: number; outPackets: number }>('webinar:stats');
    let received = 0;
    let expected = 0;
    let starved = 0;
    c1.forEach((c, k) => {
      received += c.packets - c0[k].packets;
      expected += c.expected - c0[k].expected;
      if (c.videoPackets === c0[k].videoPackets) starved++;
    });
    const workerCpu = Object.fromEntries(workerPids.map((pid, i) => [String(pid), w[i]]));
    const sum = w.reduce((a, x) => a + x, 0);
    return {
      viewers: opts.viewers,
      presenters: presenterIds.length,
      consumers: setup.consumers,
      viewersPerWorker: setup.viewersPerWorker,
      inputPps: (in1.inPackets - in0.inPackets) / seconds,
      forwardedPps: received / seconds,
      workerSentPps: (in1.outPackets - in0.outPackets) / seconds,
      loss: expected > 0 ? (Math.max(0, expected - received) / expected) * 100 : 0,
      starved,
      workerCpu,
      hubCpu: s.cpu,
      peersCpu: pc.cpu,
      peersMaxLagMs: Math.max(...after.map((c) => c.maxLagMs)),
      otherCpu: Math.max(0, busy * opts.cores - sum - s.cpu - pc.cpu - b.cpu),
      loadAverage: loadavg()[0],
      setupMs: setup.setupMs,
      srtp: opts.srtp,
    };
  } finally {
    await host.request('webinar:teardown').catch(() => undefined);
    if (presenter) await presenter.request('host:end', {}).catch(() => undefined);
    presenter?.close();
    await Promise.all(peers.map((p) => p.request('peer:stop').catch(() => undefined)));
    await Promise.all(peers.map((p) => p.close()));
  }
}
