import { Injectable, type OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { JobsService } from '../jobs/jobs.service';
import { RoomRegistry } from '../live/room-registry';
import { WorkerPool } from '../media';

/**
 * The hub's Prometheus metrics (prom-client), in a registry of this app's own (tests run several apps in one
 * process): HTTP requests, socket events, live rooms and their media, mediasoup worker CPU, job runs, and
 * Node's default process metrics. Gauges are read from the live parts when scraped.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();

  readonly http = new Histogram({
    name: 'echo_http_request_duration_seconds',
    help: 'HTTP requests by route (its pattern, e.g. /api/programs/:id), method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly socketEvents = new Histogram({
    name: 'echo_socket_event_duration_seconds',
    help: 'Socket events until acknowledged, by event and outcome (ok, error, or noack for events without one)',
    labelNames: ['event', 'outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly socketConnections = new Gauge({
    name: 'echo_socket_connections',
    help: 'Sockets connected to this instance',
    registers: [this.registry],
  });

  readonly jobRuns = new Counter({
    name: 'echo_job_runs_total',
    help: 'Runs of scheduled jobs on this instance, by job and outcome (ok, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly pool: WorkerPool,
    private readonly jobs: JobsService,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const live = this.rooms;
    const media = () => live.list().map((r) => r.media?.stats() ?? { peers: 0, producers: 0, consumers: 0 });
    new Gauge({
      name: 'echo_live_rooms',
      help: 'Live sessions open on this instance',
      registers: [this.registry],
      collect() {
        this.set(live.list().length);
      },
    });
    new Gauge({
      name: 'echo_live_participants',
      help: 'Sockets in live sessions on this instance',
      registers: [this.registry],
      collect() {
        this.set(live.list().reduce((n, r) => n + r.sockets.size, 0));
      },
    });
    new Gauge({
      name: 'echo_mediasoup_producers',
      help: 'mediasoup producers (cameras, microphones, screens) on this instance',
      registers: [this.registry],
      collect() {
        this.set(media().reduce((n, s) => n + s.producers, 0));
      },
    });
    new Gauge({
      name: 'echo_mediasoup_consumers',
      help: 'mediasoup consumers (what participants receive) on this instance',
      registers: [this.registry],
      collect() {
        this.set(media().reduce((n, s) => n + s.consumers, 0));
      },
    });
    const workers = this.pool;
    new Counter({
      name: 'echo_mediasoup_worker_cpu_seconds_total',
      help: 'CPU time of each mediasoup worker process (user + system), from worker.getResourceUsage()',
      labelNames: ['worker'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { index, usage } of await workers.resourceUsage()) {
          this.inc({ worker: String(index) }, (usage.ru_utime + usage.ru_stime) / 1000);
        }
      },
    });
  }

  onModuleInit(): void {
    this.jobs.runs.on('run', (run) => this.jobRuns.inc({ job: run.name, outcome: run.ok ? 'ok' : 'failed' }));
  }

  /** The text exposition format Prometheus scrapes. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
