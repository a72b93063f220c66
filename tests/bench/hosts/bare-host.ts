/**
 * Baseline: the same SFU topology on bare mediasoup — one worker, a router with the hub's codecs,
 * no Nest, no gateway, no database. Started by run.ts; answers over IPC (lib/host-ipc.ts).
 */
import type * as Mediasoup from 'mediasoup';
import type { types as ms } from 'mediasoup';
import { serveHost } from '../lib/host-ipc';
import { requireServer, serverRequire } from '../lib/server-dist';
import { buildGallery, type Gallery, type GalleryArgs } from './gallery-topology';
import { buildTopology, type SfuSetupArgs, type Topology } from './sfu-topology';

async function main(): Promise<void> {
  // The server's mediasoup module: it points MEDIASOUP_WORKER_BIN at the worker setup built.
  const { mediasoup } = requireServer<{ mediasoup: typeof Mediasoup }>('media/mediasoup.js');
  const { mediaCodecs } = requireServer<{ mediaCodecs: ms.RtpCodecCapability[] }>('media/media-codecs.js');
  const worker = await mediasoup.createWorker({
    logLevel: 'warn',
    rtcMinPort: Number(process.env.BENCH_RTC_MIN_PORT ?? 48100),
    rtcMaxPort: Number(process.env.BENCH_RTC_MAX_PORT ?? 48999),
  });
  let router: ms.Router | undefined;
  let topology: Topology | undefined;
  let gallery: Gallery | undefined;

  serveHost(
    {
      pid: process.pid,
      workerPids: [worker.pid],
      mediasoupVersion: (serverRequire('mediasoup/package.json') as { version: string }).version,
    },
    {
      'sfu:setup': async (args: SfuSetupArgs) => {
        router = await worker.createRouter({ mediaCodecs });
        topology = await buildTopology(router, args, { video: {}, audio: {} });
        return topology.result;
      },
      'sfu:stats': () => topology?.stats(),
      'sfu:teardown': () => {
        topology?.close();
        router?.close();
        topology = undefined;
        router = undefined;
      },
      'gallery:setup': async (args: GalleryArgs) => {
        router = await worker.createRouter({ mediaCodecs });
        gallery = await buildGallery(router, args, () => ({}));
        return gallery.result;
      },
      'gallery:stats': () => gallery?.stats(),
      'gallery:teardown': () => {
        gallery?.close();
        router?.close();
        gallery = undefined;
        router = undefined;
      },
    },
    async () => {
      worker.close();
    },
  );
}

main().catch((e: Error) => {
  console.error(`bare host failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
