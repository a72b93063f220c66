import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** What `recordsOf(Queries)` makes: the queries on the database, and the same queries inside one transaction. */
export type Records<Q> = Q & {
  /** Runs `work` in one transaction, its queries going through it. */
  transaction<T>(work: (tx: Q) => Promise<T>): Promise<T>;
};

/**
 * The injectable side of a feature's queries (`<feature>.records.ts`): `class CaseRecords extends
 * recordsOf(CaseQueries) {}` runs CaseQueries on the database, and `records.transaction(tx => …)` runs the
 * same named queries in one transaction.
 */
export function recordsOf<Q>(Queries: new (em: EntityManager) => Q): new (db: DataSource) => Records<Q> {
  @Injectable()
  class FeatureRecords extends (Queries as new (em: EntityManager) => object) {
    constructor(@InjectDataSource() private readonly db: DataSource) {
      super(db.manager);
    }

    transaction<T>(work: (tx: Q) => Promise<T>): Promise<T> {
      return this.db.manager.transaction((tx) => work(new Queries(tx)));
    }
  }
  return FeatureRecords as unknown as new (db: DataSource) => Records<Q>;
}
