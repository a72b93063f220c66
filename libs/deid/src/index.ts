/**
 * De-identification scanner shared by the case form (live highlighting) and the server's gate.
 * Pure TypeScript with no dependencies, so it runs unchanged in the browser and in Node.
 */
export { IdentifierKind } from './types';
export type { Finding } from './types';
export { scan, scanFields, scanFileName, type ScanOptions } from './scan';
export { mod11Valid } from './checksums';
