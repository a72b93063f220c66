/**
 * The bench's receivers on an SFU router (bare mediasoup or the hub's), shared by the SFU, gallery and webinar
 * topologies: what they can take, and the receive-only PlainTransport that sends to one of them.
 */
import type { types as ms } from 'mediasoup';
import { randomBytes } from 'node:crypto';

const cryptoSuite = 'AES_CM_128_HMAC_SHA1_80' as const;

/** What a bench receiver can take: the router's Opus and VP8 (no RTX: the receivers never NACK), no extensions. */
export function receiverCapabilities(router: ms.Router): ms.RtpCapabilities {
  return {
    codecs: (router.rtpCapabilities.codecs ?? []).filter(
      (c) => c.mimeType === 'audio/opus' || c.mimeType === 'video/VP8',
    ),
    headerExtensions: [],
  };
}

/** A PlainTransport on `router` sending to 127.0.0.1:`port` (rtcp-mux, and SRTP unless `srtp` is false). */
export async function receiverTransport(router: ms.Router, port: number, srtp: boolean): Promise<ms.PlainTransport> {
  const t = await router.createPlainTransport({
    listenIp: '127.0.0.1',
    rtcpMux: true,
    comedia: false,
    enableSrtp: srtp,
    srtpCryptoSuite: cryptoSuite,
  });
  await t.connect({
    ip: '127.0.0.1',
    port,
    // The receiver's key: it never sends SRTCP back, so any key does.
    srtpParameters: srtp ? { cryptoSuite, keyBase64: randomBytes(30).toString('base64') } : undefined,
  });
  return t;
}
