import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { EventEmitter } from 'node:events';
import { RedisService } from '../redis/redis.service';

/** The one BullMQ queue of the hub's scheduled jobs. */
export const JOBS_QUEUE = 'echo-hub-jobs';

/** One finished run of a job on this instance (for the metrics). */
export interface JobRun {
  name: string;
  ok: boolean;
  seconds: number;
}

interface ScheduledJob {
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * Scheduled jobs (digests, cleanup, retention) that run once per period across instances: with
 * REDIS_URL, BullMQ repeatable jobs (one job scheduler per job name, however many instances
 * upsert it; one worker takes each run); without, a timer in the process.
 * Services call `every` when their module starts; the jobs start once the app has.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobsService.name);
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly timers: NodeJS.Timeout[] = [];
  private queue?: Queue;
  private worker?: Worker;
  /** Every finished run on this instance. */
  readonly runs = new EventEmitter<{ run: [JobRun] }>();

  constructor(private readonly redis: RedisService) {}

  /** Runs `run` every `everyMs` on one instance (registered before the app has started). */
  every(name: string, everyMs: number, run: () => Promise<unknown>): void {
    if (this.jobs.has(name)) throw new Error(`job ${name} is scheduled twice`);
    this.jobs.set(name, { everyMs, run });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis.client) {
      for (const [name, job] of this.jobs) {
        const timer = setInterval(() => void this.runJob(name), job.everyMs);
        timer.unref();
        this.timers.push(timer);
      }
      return;
    }
    // BullMQ's blocking worker needs a connection of its own that retries for ever.
    const connection = this.redis.connect({ maxRetriesPerRequest: null });
    this.queue = new Queue(JOBS_QUEUE, { connection });
    for (const [name, job] of this.jobs) {
      await this.queue.upsertJobScheduler(
        name,
        { every: job.everyMs },
        { name, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    }
    this.worker = new Worker(JOBS_QUEUE, (j) => this.runJob(j.name), { connection, autorun: true });
    // Connection errors (Redis down) are logged by RedisService once per outage; anything else here.
    const onError = (e: Error) => {
      if (!/ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection is closed/.test(e.message)) {
        this.logger.error(`jobs: ${e.message}`);
      }
    };
    this.queue.on('error', onError);
    this.worker.on('error', onError);
  }

  async onModuleDestroy(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.worker?.close();
    await this.queue?.close();
  }

  /** Runs a job now (its scheduled runs come here), logged when it fails (a failed run waits for the next period). */
  async runJob(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) {
      this.logger.warn(`job ${name} is not known to this instance (an older or newer version?): skipped`);
      return;
    }
    const started = performance.now();
    let ok = true;
    try {
      await job.run();
    } catch (e) {
      ok = false;
      this.logger.error(`job ${name} failed: ${(e as Error).message}`);
    }
    this.runs.emit('run', { name, ok, seconds: (performance.now() - started) / 1000 });
  }
}
