import type { ms } from './mediasoup';

/**
 * What every session Router offers: Opus audio, VP8 (simulcast) and H.264 video. No RED (RFC 2198 redundant
 * audio): mediasoup 3.12 does not support it (`audio/red` is not in its supported capabilities and
 * createRouter refuses it: "media codec not supported [mimeType:audio/red]"), so Opus in-band FEC and DTX carry
 * audio through loss (the client asks for them when it produces).
 */
export const mediaCodecs: ms.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 600 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
];
