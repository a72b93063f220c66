// The media module's public surface: other features import media only from here.
export { MediaModule } from './media.module';
export { MediaRoom } from './media-room';
export { MediaError } from './media.errors';
export { WorkerPool, type WorkerReplaced } from './worker-pool';
export type { ms } from './mediasoup';
export { turnCredentials } from './turn-credentials';
