/**
 * The gallery a real teleECHO session is: N participants, each publishing simulcast VP8 (three
 * layers, by SSRC) and Opus with the ssrc-audio-level extension on one PlainTransport (comedia),
 * and each receiving on one PlainTransport (rtcp-mux, SRTP unless `srtp` is false) the last-N videos
 * at the layer its tile needs plus the audio of the people who may speak. Both sides (bare mediasoup
 * and the hub's live-room router) build exactly this; lib/gallery-peer.ts sends and counts.
 *
 * Tiles: participant i sees the `lastN` participants after it (i+1, i+2, … mod N); the first tile is
 * the large speaker view (top layer), the others are gallery tiles (middle layer). Audio: everyone
 * consumes the speaker pool (participants 0 … pool−1, the hub experts), of whom three speak at a
 * time and the others are muted (they send nothing, as a paused browser producer sends nothing).
 */
import type { types as ms } from 'mediasoup';
import { AUDIO_LEVEL_EXT_ID, AUDIO_LEVEL_URI } from '../lib/media-source';
import { receiverCapabilities, receiverTransport } from '../lib/receive-transport';

export const GALLERY_VIDEO_PT = 101;
export const GALLERY_AUDIO_PT = 100;
export const SPEAKER_LAYER = 2;
export const TILE_LAYER = 1;

export interface GalleryArgs {
  /** One receiver port per participant (in the peer processes); N = its length. */
  receiverPorts: number[];
  srtp: boolean;
  lastN: number;
  speakerPool: number;
}

/**
 * How the hub takes the gallery into its MediaRoom: each producer adopted (so its observers hear it), and every
 * participant's microphone consumed by everyone (as the hub's clients do) with each audio consumer adopted, so the
 * hub's policy forwards only the audible. Without it (bare mediasoup) everyone consumes the speaker pool only.
 */
export interface GalleryHooks {
  producer(i: number, producer: ms.Producer): Promise<void>;
  audioConsumer(i: number, consumer: ms.Consumer): Promise<void>;
}

/** Where participant i sends, and with which SSRCs (video: one per layer, low to high). */
export interface GalleryInput {
  port: number;
  video: number[];
  audio: number;
}

export interface GallerySetupResult {
  inputs: GalleryInput[];
  /** The payload type the video consumers send with (the receivers tell video from audio by it). */
  videoPayloadType: number;
  consumers: number;
  setupMs: number;
}

export interface Gallery {
  result: GallerySetupResult;
  audioProducers: ms.Producer[];
  close(): void;
  stats(): Promise<{ inPackets: number; outPackets: number }>;
}

export const videoSsrcs = (i: number) => [0, 1, 2].map((layer) => 30_000_000 + i * 10 + layer);
export const audioSsrc = (i: number) => 40_000_000 + i;

const listenIp = '127.0.0.1';

/**
 * Participant i's camera and microphone as the bench sends them: one PlainTransport (comedia), simulcast VP8 in three
 * layers by SSRC and Opus with the audio level (the gallery's participants, the webinar's presenters).
 */
export async function publishCamera(
  router: ms.Router,
  i: number,
  appData: (i: number, source: 'camera' | 'mic') => Record<string, unknown>,
): Promise<{ transport: ms.PlainTransport; video: ms.Producer; audio: ms.Producer; input: GalleryInput }> {
  const transport = await router.createPlainTransport({ listenIp, rtcpMux: true, comedia: true });
  const video = await transport.produce({
    kind: 'video',
    rtpParameters: {
      codecs: [{ mimeType: 'video/VP8', payloadType: GALLERY_VIDEO_PT, clockRate: 90000 }],
      encodings: videoSsrcs(i).map((ssrc) => ({ ssrc })),
    },
    appData: appData(i, 'camera'),
  });
  const audio = await transport.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: GALLERY_AUDIO_PT, clockRate: 48000, channels: 2 }],
      headerExtensions: [{ uri: AUDIO_LEVEL_URI, id: AUDIO_LEVEL_EXT_ID }],
      encodings: [{ ssrc: audioSsrc(i) }],
    },
    appData: appData(i, 'mic'),
  });
  return {
    transport,
    video,
    audio,
    input: { port: transport.tuple.localPort, video: videoSsrcs(i), audio: audioSsrc(i) },
  };
}

export async function buildGallery(
  router: ms.Router,
  args: GalleryArgs,
  appData: (i: number, source: 'camera' | 'mic') => Record<string, unknown>,
  hooks?: GalleryHooks,
): Promise<Gallery> {
  const t0 = Date.now();
  const n = args.receiverPorts.length;
  const transports: ms.Transport[] = [];
  const videoProducers: ms.Producer[] = [];
  const audioProducers: ms.Producer[] = [];
  const inputs: GalleryInput[] = [];
  const publish = async (i: number) => {
    const sent = await publishCamera(router, i, appData);
    transports.push(sent.transport);
    videoProducers[i] = sent.video;
    audioProducers[i] = sent.audio;
    inputs[i] = sent.input;
    await hooks?.producer(i, sent.video);
    await hooks?.producer(i, sent.audio);
  };
  const indexes = [...Array(n).keys()];
  for (let i = 0; i < n; i += 10) await Promise.all(indexes.slice(i, i + 10).map(publish));

  const rtpCapabilities = receiverCapabilities(router);
  let consumers: ms.Consumer[] = [];
  const receive = async (i: number) => {
    const t = await receiverTransport(router, args.receiverPorts[i], args.srtp);
    transports.push(t);
    const tiles = Math.min(args.lastN, n - 1);
    for (let k = 1; k <= tiles; k++) {
      const consumer = await t.consume({
        producerId: videoProducers[(i + k) % n].id,
        rtpCapabilities,
        preferredLayers: { spatialLayer: k === 1 ? SPEAKER_LAYER : TILE_LAYER, temporalLayer: 0 },
      });
      consumers.push(consumer);
    }
    for (let s = 0; s < (hooks ? n : Math.min(args.speakerPool, n)); s++) {
      if (s === i) continue;
      const audio = await t.consume({ producerId: audioProducers[s].id, rtpCapabilities });
      consumers.push(audio);
      await hooks?.audioConsumer(i, audio);
    }
  };
  for (let i = 0; i < n; i += 10) await Promise.all(indexes.slice(i, i + 10).map(receive));

  return {
    audioProducers,
    result: {
      inputs,
      videoPayloadType: consumers.find((c) => c.kind === 'video')?.rtpParameters.codecs[0].payloadType ?? -1,
      consumers: consumers.length,
      setupMs: Date.now() - t0,
    },
    close() {
      for (const t of transports) t.close();
      consumers = [];
    },
    async stats() {
      let inPackets = 0;
      for (const p of [...videoProducers, ...audioProducers])
        for (const s of await p.getStats()) inPackets += s.packetCount;
      let outPackets = 0;
      for (const c of consumers)
        for (const s of await c.getStats()) if (s.type === 'outbound-rtp') outPackets += s.packetCount;
      return { inPackets, outPackets };
    },
  };
}
