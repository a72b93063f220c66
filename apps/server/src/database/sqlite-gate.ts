import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * One transaction at a time on SQLite.
 *
 * node-sqlite3 is one connection, and TypeORM hands every caller the same query runner on it, so
 * two requests' transactions interleave: the second BEGIN fails ("cannot start a transaction within
 * a transaction") and its ROLLBACK undoes the first request's writes. Seen as 500s when people
 * register or schedule at the same moment.
 *
 * The gate gives each caller its own runner on the shared connection. A runner that starts a
 * transaction waits until no other transaction is open and no statement outside one is running,
 * then holds the connection until it commits or rolls back; statements from other callers wait
 * meanwhile. Work done inside a `transaction(...)` callback (including through other services'
 * repositories) is recognised by its async context and joins that transaction, as it did before;
 * work the callback left running after it settled does not, and waits like any other.
 */
export function gateSqliteTransactions(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { createQueryRunner(mode?: string): QueryRunner };
  const Runner = driver.createQueryRunner().constructor as new (d: unknown) => QueryRunner;
  const gate = new Gate();
  const inTransaction = new AsyncLocalStorage<{ runner: QueryRunner; open: boolean }>();

  driver.createQueryRunner = () => {
    const scope = inTransaction.getStore();
    return scope?.open && scope.runner === gate.holder ? scope.runner : gated(new Runner(driver), gate);
  };

  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (
    level: unknown,
    run: (m: EntityManager) => Promise<unknown>,
  ) => Promise<unknown>;
  manager.transaction = ((levelOrRun: unknown, maybeRun?: (m: EntityManager) => Promise<unknown>) => {
    const run = typeof levelOrRun === 'function' ? (levelOrRun as typeof maybeRun) : maybeRun;
    const level = typeof levelOrRun === 'function' ? undefined : levelOrRun;
    if (!run) return transaction(level, run as never);
    return transaction(level, async (m) => {
      const scope = { runner: m.queryRunner as QueryRunner, open: true };
      try {
        return await inTransaction.run(scope, () => run(m));
      } finally {
        scope.open = false;
      }
    });
  }) as EntityManager['transaction'];
}

/** Writer-first lock: one transaction holder, or any number of statements outside transactions. */
class Gate {
  holder: QueryRunner | null = null;
  private outside = 0;
  private waitingHolders = 0;
  private waiters: (() => void)[] = [];

  async acquire(runner: QueryRunner): Promise<void> {
    this.waitingHolders++;
    while (this.holder || this.outside > 0) await this.changed();
    this.waitingHolders--;
    this.holder = runner;
  }

  release(runner: QueryRunner): void {
    if (this.holder !== runner) return;
    this.holder = null;
    this.notify();
  }

  async enterOutside(): Promise<void> {
    while (this.holder || this.waitingHolders > 0) await this.changed();
    this.outside++;
  }

  leaveOutside(): void {
    this.outside--;
    if (this.outside === 0) this.notify();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}

function gated(runner: QueryRunner, gate: Gate): QueryRunner {
  const query = runner.query.bind(runner);
  const start = runner.startTransaction.bind(runner);
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);
  const state = runner as unknown as { transactionDepth: number; isTransactionActive: boolean };

  runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
    if (gate.holder === runner) return query(...args);
    await gate.enterOutside();
    try {
      return await query(...args);
    } finally {
      gate.leaveOutside();
    }
  }) as QueryRunner['query'];

  runner.startTransaction = async (level) => {
    if (runner.isTransactionActive) return start(level); // nested: a savepoint on the held connection
    await gate.acquire(runner);
    state.transactionDepth = 0; // a fresh BEGIN, whatever an earlier misuse of this runner left behind
    try {
      await start(level);
    } catch (e) {
      gate.release(runner);
      throw e;
    }
  };

  runner.commitTransaction = async () => {
    await commit();
    if (!runner.isTransactionActive) gate.release(runner);
  };

  runner.rollbackTransaction = async () => {
    const outermost = state.transactionDepth <= 1;
    try {
      await rollback();
    } finally {
      if (outermost) {
        // Even when ROLLBACK itself failed (SQLite already ended the transaction), free the connection.
        state.transactionDepth = 0;
        state.isTransactionActive = false;
        gate.release(runner);
      }
    }
  };
  return runner;
}
