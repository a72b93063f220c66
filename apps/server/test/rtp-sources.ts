import { type ChildProcess, spawn } from 'node:child_process';
import type { ms } from '../src/media/mediasoup';

/**
 * ffmpeg options of a test pattern and a tone as a camera and a microphone send them (VP8 320×240 at 15 fps, Opus
 * stereo): each input, then its encoder (an ffmpeg's inputs come before its output options).
 */
export const testMedia = {
  videoInput: ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15'],
  videoCodec: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k', '-g', '15'],
  audioInput: ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
  audioCodec: ['-c:a', 'libopus', '-ac', '2'],
};

/**
 * Media without a browser: ffmpeg test sources (a test pattern and a tone) sent as RTP into
 * PlainTransports on a Router, giving real producers that forward real packets.
 */
export async function rtpSources(router: ms.Router, appData: Record<string, unknown> = {}) {
  const children: ChildProcess[] = [];
  const make = async (kind: 'audio' | 'video') => {
    const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
    const ssrc = kind === 'video' ? 22_222_222 : 11_111_111;
    const producer = await transport.produce({
      kind,
      appData: { ...appData, source: kind === 'video' ? 'camera' : 'mic' },
      rtpParameters:
        kind === 'video'
          ? { codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }], encodings: [{ ssrc }] }
          : {
              codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
              encodings: [{ ssrc }],
            },
    });
    const input =
      kind === 'video'
        ? [...testMedia.videoInput, ...testMedia.videoCodec, '-payload_type', '101']
        : [...testMedia.audioInput, ...testMedia.audioCodec, '-payload_type', '100'];
    const child = spawn(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-re',
        ...input,
        '-ssrc',
        String(ssrc),
        '-f',
        'rtp',
        `rtp://127.0.0.1:${transport.tuple.localPort}`,
      ],
      { stdio: 'ignore' },
    );
    children.push(child);
    return producer;
  };
  const video = await make('video');
  const audio = await make('audio');
  return {
    video,
    audio,
    stop: () => children.forEach((c) => c.kill('SIGKILL')),
  };
}

/** Streams and duration of a media file, from ffprobe. */
export async function probe(file: string): Promise<{ codecs: string[]; duration: number }> {
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_type,codec_name:format=duration',
      '-of',
      'json',
      file,
    ]);
    let text = '';
    p.stdout.on('data', (b: Buffer) => (text += b.toString()));
    p.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`ffprobe exit ${code}`))));
  });
  const json = JSON.parse(out) as {
    streams: { codec_type: string; codec_name: string }[];
    format: { duration: string };
  };
  return { codecs: json.streams.map((s) => `${s.codec_type}:${s.codec_name}`), duration: Number(json.format.duration) };
}
