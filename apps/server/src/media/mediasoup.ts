// Import mediasoup only through this file: it sets MEDIASOUP_WORKER_BIN first.
import './worker-bin';
import * as mediasoup from 'mediasoup';

export { mediasoup };
export type { types as ms } from 'mediasoup';
