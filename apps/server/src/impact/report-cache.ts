import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntitySubscriberInterface,
  EntityTarget,
  InsertEvent,
  ObjectLiteral,
  QueryRunner,
  RemoveEvent,
  SoftRemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
} from 'typeorm';
import { RedisService } from '../redis/redis.service';

/** The version every instance reads (REDIS_URL): bumped after each committed write to a watched table. */
const VERSION_KEY = 'echo-hub:impact:version';
/** Reports kept at most (per program and filters); a new version drops them all. */
const MAX_ENTRIES = 100;

type Event = { metadata: { target: unknown }; queryRunner: QueryRunner };

/**
 * Computed impact reports kept until a table they read is written. A TypeORM subscriber sees every
 * insert, update and delete of the watched entities (through repositories and query builders alike,
 * on any feature's code path) and bumps one version once the write is committed: in Redis when the
 * hub scales out, so another instance's write invalidates this one's reports, else in the process.
 * A request reads the version (one Redis GET) and reuses the report computed for that version, the
 * same program and the same filters. The version is global, not per program: a write of one program
 * recomputes the others' reports too, which keeps the writers free of a lookup (an attendance row
 * knows its session, not its program).
 */
@Injectable()
export class ImpactReportCache implements EntitySubscriberInterface {
  private readonly logger = new Logger(ImpactReportCache.name);
  private readonly watched = new Set<unknown>();
  /** Bumped with each local write too: if Redis misses a bump, this process still drops its reports. */
  private local = 0;
  private version = '';
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly redis: RedisService,
  ) {
    db.subscribers.push(this);
  }

  /** Writes to these entities change the report (each feature that feeds it names its own tables). */
  watch(...targets: EntityTarget<ObjectLiteral>[]): void {
    for (const t of targets) this.watched.add(t);
  }

  /**
   * The value kept for `key` at the current version, else `compute()`'s (kept when it says so: a
   * report that depends on the clock is not). Concurrent misses share one computation.
   */
  async get<T>(key: string, compute: () => Promise<{ value: T; keep: boolean }>): Promise<T> {
    const version = await this.currentVersion();
    if (version === null) return (await compute()).value;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const kept = this.entries.get(key) as Promise<T> | undefined;
    if (kept) return kept;
    const computing = compute().then(
      ({ value, keep }) => {
        if (!keep && this.entries.get(key) === computing) this.entries.delete(key);
        return value;
      },
      (e: unknown) => {
        if (this.entries.get(key) === computing) this.entries.delete(key);
        throw e;
      },
    );
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, computing);
    return computing;
  }

  /** The version now, or null when Redis does not answer (then nothing is reused). */
  private async currentVersion(): Promise<string | null> {
    if (!this.redis.client) return String(this.local);
    try {
      return `${(await this.redis.client.get(VERSION_KEY)) ?? 0}:${this.local}`;
    } catch {
      return null;
    }
  }

  private async bump(): Promise<void> {
    this.local++;
    this.entries.clear();
    if (!this.redis.client) return;
    try {
      await this.redis.client.incr(VERSION_KEY);
    } catch (e) {
      this.logger.error(`impact reports of other instances may be stale: ${e instanceof Error ? e.message : e}`);
    }
  }

  // ---- the subscriber: a write marks its transaction, its commit bumps ------------------------

  private async written(event: Event): Promise<void> {
    if (!this.watched.has(event.metadata.target)) return;
    const runner = event.queryRunner;
    if (runner?.isTransactionActive) runner.data = { ...runner.data, impactWritten: true };
    else await this.bump();
  }

  afterInsert(event: InsertEvent<unknown>): Promise<void> {
    return this.written(event);
  }

  afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    return this.written(event as Event);
  }

  afterRemove(event: RemoveEvent<unknown>): Promise<void> {
    return this.written(event);
  }

  afterSoftRemove(event: SoftRemoveEvent<unknown>): Promise<void> {
    return this.written(event);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    // A savepoint's release commits nothing yet: the outermost commit bumps.
    if (runner.isTransactionActive || !runner.data?.impactWritten) return;
    runner.data = { ...runner.data, impactWritten: false };
    await this.bump();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive && event.queryRunner.data?.impactWritten)
      event.queryRunner.data = { ...event.queryRunner.data, impactWritten: false };
  }
}
