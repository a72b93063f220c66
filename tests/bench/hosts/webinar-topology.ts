/**
 * The webinar on the hub's own MediaRoom: 1–3 presenters on the session's home router, each publishing simulcast VP8
 * (three layers, by SSRC) and Opus with the audio level on a PlainTransport, taken in with `MediaRoom.adopt` (so the
 * room's observers hear them); and N receive-only viewers, each a PlainTransport (rtcp-mux, SRTP unless `srtp` is
 * false) placed by the room's RouterSpread (the router of whichever worker has the fewest receiving transports, the
 * presenters' producers piped there once with pipeToRouter), consuming every presenter's video at the middle layer
 * (a stage tile) and audio. hosts/gallery-peer.ts sends for the presenters and counts what each viewer receives.
 */
import type { types as ms } from 'mediasoup';
import { receiverCapabilities, receiverTransport } from '../lib/receive-transport';
import { type GalleryInput, publishCamera, TILE_LAYER } from './gallery-topology';

/** The parts of the server's MediaRoom (apps/server/src/media) the webinar uses. */
export interface WebinarMediaRoom {
  router: ms.Router;
  adopt(userId: string, producer: ms.Producer): Promise<void>;
  spread: {
    routerFor(peers: number): Promise<ms.Router>;
    track(router: ms.Router, transport: ms.Transport): void;
    reach(producer: ms.Producer, router: ms.Router): Promise<void>;
  };
}

export interface WebinarArgs {
  /** One receiver port per viewer (in the peer processes); N = its length. */
  receiverPorts: number[];
  presenterIds: string[];
  srtp: boolean;
}

export interface WebinarSetupResult {
  inputs: GalleryInput[];
  videoPayloadType: number;
  consumers: number;
  /** Viewers per worker (by worker pid). */
  viewersPerWorker: Record<string, number>;
  setupMs: number;
}

export interface Webinar {
  result: WebinarSetupResult;
  close(): void;
  /** Packets the presenters sent in, and the viewers' consumers sent out (the worker's own count). */
  stats(): Promise<{ inPackets: number; outPackets: number }>;
}

export async function buildWebinar(
  room: WebinarMediaRoom,
  args: WebinarArgs,
  workerPidOf: (router: ms.Router) => number | undefined,
): Promise<Webinar> {
  const t0 = Date.now();
  const transports: ms.Transport[] = [];
  const producers: ms.Producer[] = [];
  const inputs: GalleryInput[] = [];
  for (const [i, userId] of args.presenterIds.entries()) {
    const sent = await publishCamera(room.router, i, (_, source) => ({ source }));
    transports.push(sent.transport);
    for (const p of [sent.video, sent.audio]) {
      await room.adopt(userId, p);
      producers.push(p);
    }
    inputs[i] = sent.input;
  }

  const rtpCapabilities = receiverCapabilities(room.router);
  const n = args.receiverPorts.length;
  const viewersPerWorker: Record<string, number> = {};
  const consumers: ms.Consumer[] = [];
  let videoPayloadType = -1;
  const view = async (v: number) => {
    const router = await room.spread.routerFor(n);
    const t = await receiverTransport(router, args.receiverPorts[v], args.srtp);
    room.spread.track(router, t);
    transports.push(t);
    const pid = String(workerPidOf(router) ?? 'unknown');
    viewersPerWorker[pid] = (viewersPerWorker[pid] ?? 0) + 1;
    for (const producer of producers) {
      await room.spread.reach(producer, router);
      const consumer = await t.consume({
        producerId: producer.id,
        rtpCapabilities,
        ...(producer.kind === 'video' ? { preferredLayers: { spatialLayer: TILE_LAYER, temporalLayer: 2 } } : {}),
      });
      if (consumer.kind === 'video') videoPayloadType = consumer.rtpParameters.codecs[0].payloadType;
      consumers.push(consumer);
    }
  };
  // One at a time: RouterSpread places each by the counts so far (and pipes a producer once per router).
  for (let v = 0; v < n; v++) await view(v);

  return {
    result: { inputs, videoPayloadType, consumers: consumers.length, viewersPerWorker, setupMs: Date.now() - t0 },
    close() {
      for (const t of transports) t.close();
    },
    async stats() {
      let inPackets = 0;
      for (const p of producers) for (const s of await p.getStats()) inPackets += s.packetCount;
      const outs = await Promise.all(consumers.map((c) => c.getStats()));
      const outPackets = outs.flat().reduce((sum, s) => sum + (s.type === 'outbound-rtp' ? s.packetCount : 0), 0);
      return { inPackets, outPackets };
    },
  };
}
