import { cachedWorkerBin } from '../config/worker-bin';

// mediasoup reads MEDIASOUP_WORKER_BIN once, when it is first required.
process.env.MEDIASOUP_WORKER_BIN ||= cachedWorkerBin();
