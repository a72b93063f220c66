import type { ms } from './mediasoup';
import type { WorkerPool } from './worker-pool';

/** From this many peers on, a session's receiving transports spread over every worker. */
export const SPREAD_FROM_PEERS = 40;

/**
 * One session across every core. Producers stay on the session's home router (with its
 * active-speaker observer); once the session is large, receiving transports go to whichever of the
 * session's routers (one per live worker, made when first needed) has the fewest, and a producer is
 * piped (`pipeToRouter`) into a router the first time a transport there consumes it. A small session
 * stays on its home router: piping costs a forwarding step it does not need.
 */
export class RouterSpread {
  private others: Promise<ms.Router[]> | null = null;
  private readonly transports = new Map<ms.Router, number>();
  private readonly routerOfTransport = new Map<string, ms.Router>();
  private readonly piped = new Map<string, Promise<unknown>>();

  constructor(
    private readonly pool: WorkerPool,
    readonly home: ms.Router,
    private readonly onWorkerClose: () => void,
    private readonly spreadFrom = SPREAD_FROM_PEERS,
  ) {
    home.observer.once('close', () => void this.close());
  }

  /** The router for a new receiving transport of a session that has `peers` peers. */
  async routerFor(peers: number): Promise<ms.Router> {
    if (peers < this.spreadFrom || this.pool.size < 2) return this.home;
    const all = [this.home, ...(await this.routers())].filter((r) => !r.closed);
    return all.reduce((best, r) => ((this.transports.get(r) ?? 0) < (this.transports.get(best) ?? 0) ? r : best));
  }

  /** Counts `transport` on `router` until it closes. */
  track(router: ms.Router, transport: ms.Transport): void {
    this.transports.set(router, (this.transports.get(router) ?? 0) + 1);
    this.routerOfTransport.set(transport.id, router);
    transport.observer.once('close', () => {
      this.transports.set(router, (this.transports.get(router) ?? 1) - 1);
      this.routerOfTransport.delete(transport.id);
    });
  }

  routerOf(transportId: string): ms.Router {
    return this.routerOfTransport.get(transportId) ?? this.home;
  }

  /** Makes `producer` (on the home router) consumable on `router`: piped there once, then reused. */
  async reach(producer: ms.Producer, router: ms.Router): Promise<void> {
    if (router === this.home) return;
    const key = `${router.id}:${producer.id}`;
    let pipe = this.piped.get(key);
    if (!pipe) {
      pipe = this.home.pipeToRouter({ producerId: producer.id, router });
      this.piped.set(key, pipe);
      producer.observer.once('close', () => this.piped.delete(key));
      pipe.catch(() => this.piped.delete(key));
    }
    await pipe;
  }

  /** Closes the routers on the other workers (the home router is its room's to close). */
  async close(): Promise<void> {
    const others = this.others;
    this.others = null;
    for (const r of others ? await others.catch(() => []) : []) r.close();
  }

  private routers(): Promise<ms.Router[]> {
    this.others ??= this.pool.createRoutersBeside(this.home).then((routers) => {
      for (const r of routers) r.once('workerclose', this.onWorkerClose);
      return routers;
    });
    return this.others;
  }
}
