export * from './auth';
export * from './cases';
export * from './errors';
export * from './health';
export * from './impact';
export * from './live';
export * from './programs';
export * from './sessions';
