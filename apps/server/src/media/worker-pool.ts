import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { APP_CONFIG, AppConfig } from '../config/config';
import { mediaCodecs } from './media-codecs';
import { mediasoup, ms } from './mediasoup';

export interface WorkerReplaced {
  dead: ms.Worker;
  fresh: ms.Worker;
}

/**
 * The mediasoup workers: one per core by default. Routers go to the worker hosting
 * the fewest; a worker that dies is logged and replaced, and `replaced` tells the
 * rooms it hosted to rebuild on the fresh one.
 */
@Injectable()
export class WorkerPool implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerPool.name);
  private readonly workers: ms.Worker[] = [];
  private readonly routers = new Map<ms.Worker, number>();
  private readonly hosts = new WeakMap<ms.Router, ms.Worker>();
  private closing = false;
  readonly events = new EventEmitter<{ replaced: [WorkerReplaced] }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    for (let i = 0; i < this.config.mediasoup.workers; i++) this.workers.push(await this.spawn(i));
    this.logger.log(`${this.workers.length} mediasoup worker(s) running: pids ${this.pids().join(', ')}`);
  }

  get size(): number {
    return this.workers.filter((w) => !w.closed && !w.died).length;
  }

  pids(): number[] {
    return this.workers.map((w) => w.pid);
  }

  /** CPU and memory use of each running worker (getrusage of its process), for the metrics. */
  async resourceUsage(): Promise<{ index: number; usage: ms.WorkerResourceUsage }[]> {
    const alive = this.workers.map((w, index) => ({ w, index })).filter(({ w }) => !w.closed && !w.died);
    return Promise.all(alive.map(async ({ w, index }) => ({ index, usage: await w.getResourceUsage() })));
  }

  /** The live worker hosting the fewest routers. */
  leastLoaded(): ms.Worker {
    const alive = this.workers.filter((w) => !w.closed && !w.died);
    if (alive.length === 0) throw new Error('no mediasoup worker is running');
    return alive.reduce((best, w) => ((this.routers.get(w) ?? 0) < (this.routers.get(best) ?? 0) ? w : best));
  }

  async createRouter(appData: Record<string, unknown> = {}): Promise<ms.Router> {
    return this.leastLoaded().createRouter({ mediaCodecs, appData });
  }

  /** A router on each live worker other than `router`'s, for a session spread over every core (RouterSpread). */
  async createRoutersBeside(router: ms.Router): Promise<ms.Router[]> {
    const others = this.workers.filter((w) => !w.closed && !w.died && w !== this.workerOf(router));
    return Promise.all(others.map((w) => w.createRouter({ mediaCodecs, appData: { ...router.appData } })));
  }

  workerOf(router: ms.Router): ms.Worker | undefined {
    return this.hosts.get(router);
  }

  /** Options for a WebRtcTransport on `router`'s worker: its WebRtcServer, so all media uses one port per worker. */
  webRtcTransportOptions(router: ms.Router): ms.WebRtcTransportOptions {
    const webRtcServer = this.workerOf(router)?.appData.webRtcServer as ms.WebRtcServer | undefined;
    if (!webRtcServer) throw new Error('the router has no live worker');
    return {
      webRtcServer,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    const pids = this.pids();
    for (const w of this.workers) w.close();
    // close() only asks; wait (bounded) until the processes are gone.
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let waited = 0; pids.some(alive) && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    this.logger.log(`mediasoup workers closed (${pids.filter(alive).length} still running)`);
  }

  private async spawn(index: number): Promise<ms.Worker> {
    const { logLevel, minPort, maxPort, listenIp, announcedIp, port, tcpPort } = this.config.mediasoup;
    const worker = await mediasoup.createWorker({ logLevel, rtcMinPort: minPort, rtcMaxPort: maxPort });
    const listen = { ip: listenIp, announcedIp, port: port + index };
    worker.appData.webRtcServer = await worker.createWebRtcServer({
      listenInfos: [
        { protocol: 'udp', ...listen },
        // ICE over TCP on e.g. 443 for networks that pass nothing else; a port can have one worker only.
        // Before RTC_PORT's TCP, so it has the higher priority: ICE checks candidates of one foundation
        // best first, and behind a firewall that silently drops RTC_PORT that one would wait.
        ...(tcpPort && index === 0 ? [{ protocol: 'tcp' as const, ...listen, port: tcpPort }] : []),
        { protocol: 'tcp', ...listen },
      ],
    });
    this.routers.set(worker, 0);
    worker.observer.on('newrouter', (router: ms.Router) => {
      this.routers.set(worker, (this.routers.get(worker) ?? 0) + 1);
      this.hosts.set(router, worker);
      router.observer.once('close', () => this.routers.set(worker, (this.routers.get(worker) ?? 1) - 1));
    });
    worker.once('died', (error: Error) => void this.replace(worker, error));
    return worker;
  }

  private async replace(dead: ms.Worker, error: Error): Promise<void> {
    if (this.closing) return;
    this.logger.error(`mediasoup worker ${dead.pid} died (${error.message}); starting a replacement`);
    this.routers.delete(dead);
    for (let attempt = 1; ; attempt++) {
      try {
        const index = this.workers.indexOf(dead);
        const fresh = await this.spawn(index);
        // The app began shutting down while the replacement started: it would outlive the app (and its process).
        if (this.closing) return fresh.close();
        this.workers[index] = fresh;
        this.logger.log(`mediasoup worker ${fresh.pid} replaces ${dead.pid}`);
        this.events.emit('replaced', { dead, fresh });
        return;
      } catch (e) {
        this.logger.error(`replacement worker failed to start (attempt ${attempt}): ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
        if (this.closing) return;
      }
    }
  }
}
