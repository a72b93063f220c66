/**
 * The presenter without a browser: ffmpeg test sources (testsrc 640x360@30 VP8 at 500 kbit/s,
 * realtime deadline; a sine tone in Opus) sent as RTP into the SFU's PlainTransports.
 *
 * The clip is encoded once per bench run and then streamed with `-re -stream_loop -1 -c copy`,
 * so the encoder's CPU (a libvpx encode costs about as much as the SFU itself on 2 cores) does not
 * compete with the process being measured; the packets on the wire are the same.
 *
 * Browsers put the ssrc-audio-level header extension on every audio packet and the hub's
 * ActiveSpeakerObserver reads it; ffmpeg does not write it, so audio goes through a tiny relay that
 * adds it (a speech-like level), or the observer would have nothing to do.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { join } from 'node:path';
import { track } from './children';

export const AUDIO_LEVEL_URI = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';
export const AUDIO_LEVEL_EXT_ID = 1;

/** What the SFU expects on each input (mirrors the producers' rtpParameters). */
export interface RtpInput {
  port: number;
  rtcpPort: number;
  payloadType: number;
  ssrc: number;
}

export function ffmpegVersion(): string | null {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout.split('\n')[0] ?? '').replace(/^ffmpeg version /, '').split(' ')[0] : null;
}

/** Encodes the test clip (VP8 + Opus in WebM) into `dir`; returns its path. */
export function encodeClip(dir: string, seconds = 20): string {
  const file = join(dir, 'testsrc-vp8-opus.webm');
  const r = spawnSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=640x360:rate=30',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-t',
      String(seconds),
      '-c:v',
      'libvpx',
      '-b:v',
      '500k',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-g',
      '60',
      '-c:a',
      'libopus',
      '-b:a',
      '32k',
      '-ac',
      '2',
      file,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`ffmpeg could not encode the test clip: ${r.stderr || r.error?.message}`);
  return file;
}

/** Adds a one-byte ssrc-audio-level header extension (RFC 6464) to an RTP packet without extensions. */
export function withAudioLevel(packet: Buffer, level: number): Buffer {
  if (packet.length < 12 || packet[0] & 0x10) return packet;
  const headerLength = 12 + (packet[0] & 0x0f) * 4;
  const ext = Buffer.alloc(8);
  ext.writeUInt16BE(0xbede, 0);
  ext.writeUInt16BE(1, 2);
  ext[4] = AUDIO_LEVEL_EXT_ID << 4; // length − 1 = 0: one byte
  ext[5] = 0x80 | (level & 0x7f); // voice activity + level in −dBov
  const out = Buffer.concat([packet.subarray(0, headerLength), ext, packet.subarray(headerLength)]);
  out[0] |= 0x10;
  return out;
}

class AudioLevelRelay {
  private packets = 0;

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
    target: number,
  ) {
    socket.on('message', (buf) => {
      // Speech-like: mostly loud (~30 dBov below full scale), with quieter stretches.
      const level = Math.floor(this.packets++ / 25) % 4 === 3 ? 70 : 30;
      socket.send(withAudioLevel(buf, level), target, '127.0.0.1');
    });
  }

  static open(target: number): Promise<AudioLevelRelay> {
    return new Promise((resolve, reject) => {
      const socket = createSocket('udp4');
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => resolve(new AudioLevelRelay(socket, socket.address().port, target)));
    });
  }

  close(): void {
    this.socket.close();
  }
}

export interface Sender {
  ffmpeg: ChildProcess;
  stop(): Promise<void>;
}

/** Streams the clip in real time into the two inputs until stopped. */
export async function startSender(clip: string, video: RtpInput, audio: RtpInput): Promise<Sender> {
  const relay = await AudioLevelRelay.open(audio.port);
  const out = (input: RtpInput, port: number) => [
    '-f',
    'rtp',
    '-ssrc',
    String(input.ssrc),
    '-payload_type',
    String(input.payloadType),
    `rtp://127.0.0.1:${port}?rtcpport=${input.rtcpPort}&pkt_size=1200`,
  ];
  const ffmpeg = track(
    spawn(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-nostdin',
        '-re',
        '-stream_loop',
        '-1',
        '-i',
        clip,
        '-map',
        '0:v:0',
        '-c:v',
        'copy',
        ...out(video, video.port),
        '-map',
        '0:a:0',
        '-c:a',
        'copy',
        ...out(audio, relay.port),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    ),
  );
  let stderr = '';
  let stopping = false;
  ffmpeg.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
  ffmpeg.once('exit', (code, signal) => {
    if (code && !signal && !stopping) console.error(`ffmpeg exited with ${code}: ${stderr.trim()}`);
  });
  return {
    ffmpeg,
    async stop() {
      stopping = true;
      if (ffmpeg.exitCode === null && ffmpeg.signalCode === null) {
        const exited = new Promise((r) => ffmpeg.once('exit', r));
        ffmpeg.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (ffmpeg.exitCode === null && ffmpeg.signalCode === null) ffmpeg.kill('SIGKILL');
      }
      relay.close();
    },
  };
}
