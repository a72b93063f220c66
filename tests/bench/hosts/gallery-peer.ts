/**
 * A slice of the gallery's participants without browsers, in a process of its own so that several
 * of them share the load of sending and counting (the load generator must not be the bottleneck).
 * Each participant sends simulcast VP8 (three layers at LAYER_KBPS, 30 frames/s, a key frame every
 * 2 s, ≤ 1,100-byte payloads) and, while it speaks, Opus every 20 ms with the audio level; and it
 * receives on one RtpReceiver what the SFU forwards to it.
 *
 * The packets are synthetic but carry what mediasoup reads: RTP headers, VP8 payload descriptors
 * (PictureID, start-of-partition bit, key-frame bit) and RFC 6464 audio levels. Each participant's
 * frames start at its own random phase, as independent cameras do. Its sequence numbers only
 * advance when it sends, so a muted speaker is not counted as loss.
 */
import { createSocket } from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { serveHost } from '../lib/host-ipc';
import { withAudioLevel } from '../lib/media-source';
import { RtpReceiver } from '../lib/rtp-receiver';
import { GALLERY_AUDIO_PT, GALLERY_VIDEO_PT, type GalleryInput } from './gallery-topology';

export const LAYER_KBPS = [100, 300, 900];
const FPS = 30;
const KEYFRAME_EVERY = 60;
const MAX_PAYLOAD = 1100;
const OPUS_BYTES = 80;

export interface PeerStart {
  /** The participants this process sends for: their global index and input. */
  participants: { index: number; input: GalleryInput }[];
  speakerPool: number;
  speakers: number;
  rotateSeconds: number;
}

export interface PeerCounts {
  perReceiver: { packets: number; expected: number; videoPackets: number }[];
  sent: number;
  /** How late the send loop ran behind its 10 ms tick at the worst (ms): is the generator keeping up? */
  maxLagMs: number;
}

interface Stream {
  ssrc: number;
  seq: number;
}

function rtp(pt: number, marker: boolean, stream: Stream, timestamp: number, payload: number): Buffer {
  const buf = Buffer.alloc(12 + payload);
  buf[0] = 0x80;
  buf[1] = (marker ? 0x80 : 0) | pt;
  buf.writeUInt16BE(stream.seq, 2);
  stream.seq = (stream.seq + 1) & 0xffff;
  buf.writeUInt32BE(timestamp >>> 0, 4);
  buf.writeUInt32BE(stream.ssrc, 8);
  return buf;
}

async function main(): Promise<void> {
  const receivers: RtpReceiver[] = [];
  const socket = createSocket({ type: 'udp4', sendBufferSize: 4 * 1024 * 1024 });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  let timer: NodeJS.Timeout | undefined;
  let sent = 0;
  let maxLagMs = 0;

  const start = (args: PeerStart) => {
    const t0 = performance.now();
    const people = args.participants.map(({ index, input }) => ({
      index,
      input,
      phaseMs: Math.random() * (1000 / FPS),
      frames: 0,
      audioPackets: 0,
      video: input.video.map((ssrc) => ({ ssrc, seq: Math.floor(Math.random() * 65536) })),
      audio: { ssrc: input.audio, seq: Math.floor(Math.random() * 65536) },
    }));
    let last = t0;
    const send = (buf: Buffer, port: number) => {
      socket.send(buf, port, '127.0.0.1');
      sent++;
    };
    timer = setInterval(() => {
      const now = performance.now();
      maxLagMs = Math.max(maxLagMs, now - last - 10);
      last = now;
      const elapsed = now - t0;
      const turn = Math.floor(elapsed / 1000 / args.rotateSeconds);
      for (const p of people) {
        // Video: every frame due by now, on each layer.
        const due = Math.floor(((elapsed - p.phaseMs) * FPS) / 1000);
        for (; p.frames < due; p.frames++) {
          const key = p.frames % KEYFRAME_EVERY === 0;
          const pictureId = p.frames & 0x7fff;
          p.video.forEach((stream, layer) => {
            const bytes = Math.round(((LAYER_KBPS[layer] * 1000) / 8 / FPS) * (key ? 3 : 1));
            const packets = Math.ceil(bytes / MAX_PAYLOAD);
            for (let k = 0; k < packets; k++) {
              const buf = rtp(GALLERY_VIDEO_PT, k === packets - 1, stream, p.frames * 3000, 4 + MAX_PAYLOAD);
              buf[12] = k === 0 ? 0x90 : 0x80; // X, S (start of partition) on the first packet
              buf[13] = 0x80; // I: PictureID present
              buf[14] = 0x80 | (pictureId >> 8); // 15-bit PictureID
              buf[15] = pictureId & 0xff;
              buf[16] = key ? 0x00 : 0x01; // VP8 payload header: P = 0 on a key frame
              send(buf, p.input.port);
            }
          });
        }
        // Audio: only the three current speakers of the pool send (the others are muted).
        const position = (p.index - turn + args.speakerPool * 1000) % args.speakerPool;
        const speaking = p.index < args.speakerPool && position < args.speakers;
        const audioDue = Math.floor((elapsed - p.phaseMs) / 20);
        if (!speaking) p.audioPackets = audioDue;
        for (; p.audioPackets < audioDue; p.audioPackets++) {
          const buf = rtp(GALLERY_AUDIO_PT, false, p.audio, p.audioPackets * 960, OPUS_BYTES);
          send(withAudioLevel(buf, p.audioPackets % 50 < 40 ? 30 : 60), p.input.port);
        }
      }
    }, 10);
  };

  serveHost(
    { pid: process.pid, workerPids: [], mediasoupVersion: '' },
    {
      'peer:open': async ({ count }: { count: number }) => {
        for (let i = 0; i < count; i++) receivers.push(await RtpReceiver.open());
        return receivers.map((r) => r.port);
      },
      'peer:start': (args: PeerStart) => start(args),
      /** `videoPt`: the payload type the SFU's video consumers send with. */
      'peer:counts': ({ videoPt }: { videoPt: number }): PeerCounts => ({
        perReceiver: receivers.map((r) => {
          const c = r.counts();
          const video = c.byPayloadType.get(videoPt);
          return { packets: c.packets, expected: c.expected, videoPackets: video?.packets ?? 0 };
        }),
        sent,
        maxLagMs,
      }),
      'peer:stop': async () => {
        clearInterval(timer);
        await Promise.all(receivers.splice(0).map((r) => r.close()));
        sent = 0;
        maxLagMs = 0;
      },
    },
    async () => {
      clearInterval(timer);
      socket.close();
    },
  );
}

main().catch((e: Error) => {
  console.error(`gallery peer failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
