/**
 * The SFU topology both sides build on their router: the presenter's VP8 and Opus come in over two
 * PlainTransports (comedia: the SFU learns ffmpeg's address from its first packet); each spoke is one
 * PlainTransport (rtcp-mux) connected to a receiver socket in the parent, consuming both. Spokes'
 * transports encrypt with SRTP (AES_CM_128_HMAC_SHA1_80), as every WebRTC transport does, unless
 * `srtp` is false; RTP headers stay readable, so the receivers count them all the same.
 */
import type { types as ms } from 'mediasoup';
import { AUDIO_LEVEL_EXT_ID, AUDIO_LEVEL_URI, type RtpInput } from '../lib/media-source';
import { receiverCapabilities, receiverTransport } from '../lib/receive-transport';

export const VIDEO_SSRC = 22_220_001;
export const AUDIO_SSRC = 11_110_001;
const VIDEO_PT = 101;
const AUDIO_PT = 100;

export interface SfuSetupArgs {
  receiverPorts: number[];
  srtp: boolean;
}

export interface SfuSetupResult {
  video: RtpInput;
  audio: RtpInput;
  consumerPayloadTypes: { audio: number; video: number };
  consumers: number;
  setupMs: number;
}

export interface Topology {
  result: SfuSetupResult;
  audioProducer: ms.Producer;
  videoProducer: ms.Producer;
  close(): void;
  stats(): Promise<{ inPackets: number; inBytes: number; outPackets: number; outBytes: number }>;
}

const listenIp = '127.0.0.1';

export async function buildTopology(
  router: ms.Router,
  args: SfuSetupArgs,
  appData: { video: Record<string, unknown>; audio: Record<string, unknown> },
): Promise<Topology> {
  const t0 = Date.now();
  const transports: ms.Transport[] = [];
  const input = async () => {
    const t = await router.createPlainTransport({ listenIp, rtcpMux: false, comedia: true });
    transports.push(t);
    return t;
  };
  const videoIn = await input();
  const audioIn = await input();
  const videoProducer = await videoIn.produce({
    kind: 'video',
    rtpParameters: {
      codecs: [{ mimeType: 'video/VP8', payloadType: VIDEO_PT, clockRate: 90000 }],
      encodings: [{ ssrc: VIDEO_SSRC }],
    },
    appData: appData.video,
  });
  const audioProducer = await audioIn.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: AUDIO_PT, clockRate: 48000, channels: 2 }],
      headerExtensions: [{ uri: AUDIO_LEVEL_URI, id: AUDIO_LEVEL_EXT_ID }],
      encodings: [{ ssrc: AUDIO_SSRC }],
    },
    appData: appData.audio,
  });

  const rtpCapabilities = receiverCapabilities(router);
  const consumers: ms.Consumer[] = [];
  const spoke = async (port: number) => {
    const t = await receiverTransport(router, port, args.srtp);
    transports.push(t);
    for (const producer of [videoProducer, audioProducer]) {
      consumers.push(await t.consume({ producerId: producer.id, rtpCapabilities, paused: false }));
    }
  };
  for (let i = 0; i < args.receiverPorts.length; i += 10) {
    await Promise.all(args.receiverPorts.slice(i, i + 10).map(spoke));
  }
  const pt = (kind: 'audio' | 'video') => consumers.find((c) => c.kind === kind)?.rtpParameters.codecs[0].payloadType;

  return {
    audioProducer,
    videoProducer,
    result: {
      video: {
        port: videoIn.tuple.localPort,
        rtcpPort: videoIn.rtcpTuple?.localPort ?? 0,
        payloadType: VIDEO_PT,
        ssrc: VIDEO_SSRC,
      },
      audio: {
        port: audioIn.tuple.localPort,
        rtcpPort: audioIn.rtcpTuple?.localPort ?? 0,
        payloadType: AUDIO_PT,
        ssrc: AUDIO_SSRC,
      },
      consumerPayloadTypes: { audio: pt('audio') ?? -1, video: pt('video') ?? -1 },
      consumers: consumers.length,
      setupMs: Date.now() - t0,
    },
    close() {
      for (const t of transports) t.close();
    },
    async stats() {
      let inPackets = 0;
      let inBytes = 0;
      for (const p of [videoProducer, audioProducer]) {
        for (const s of await p.getStats()) {
          inPackets += s.packetCount;
          inBytes += s.byteCount;
        }
      }
      let outPackets = 0;
      let outBytes = 0;
      for (const c of consumers) {
        for (const s of await c.getStats()) {
          if (s.type === 'outbound-rtp') {
            outPackets += s.packetCount;
            outBytes += s.byteCount;
          }
        }
      }
      return { inPackets, inBytes, outPackets, outBytes };
    },
  };
}
