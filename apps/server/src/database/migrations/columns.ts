import type { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/*
 * Column helpers for the migrations, which use TypeORM's schema API (not raw SQL) so that each runs on
 * SQLite and PostgreSQL. Migrations are history: changing a helper must not change what any of them
 * creates, which is also why they do not share ../columns.ts with the entities.
 */

/** A varchar; `extra` adds nullability, a default or uniqueness. */
export const str = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});

/** The UUID primary key. */
export const id = (): TableColumnOptions => str('id', 36, { isPrimary: true });

/** A UUID of another row. */
export const ref = (name: string, isNullable = false): TableColumnOptions => str(name, 36, { isNullable });

/** An ISO 8601 time, stored as text. */
export const time = (name: string, isNullable = false): TableColumnOptions => str(name, 30, { isNullable });

export const createdAt = (): TableColumnOptions => time('created_at');

export const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'integer',
  ...extra,
});

export const text = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'text',
  ...extra,
});

/** Boolean, default false: written 0 on SQLite and false on PostgreSQL, as TypeORM does for the entities. */
export const bool = (name: string, q: QueryRunner): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: q.connection.options.type === 'postgres' ? 'false' : '0',
});

/** A foreign key from `column` to `table`.id. */
export const fk = (
  column: string,
  table: string,
  onDelete: 'CASCADE' | 'SET NULL' = 'CASCADE',
): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});
