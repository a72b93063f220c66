/**
 * Save options for single-row writes. TypeORM wraps `save()` in a transaction, and on SQLite every
 * request shares one connection, so two concurrent saves nest as savepoints and one's rollback can
 * undo the other's insert (seen with two replies retried at once). One row needs no transaction.
 */
export const NO_TX = { transaction: false } as const;
