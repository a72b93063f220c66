/**
 * Save options for single-row writes. TypeORM wraps `save()` in a transaction, which on SQLite holds
 * the one shared connection (see database/sqlite-gate.ts) for the statement's duration; one row
 * needs no transaction, so these writes run beside other statements instead.
 */
export const NO_TX = { transaction: false } as const;
