import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ms } from '../media';

/** The recording's container, written out as it goes, a cluster a second: a crash loses at most the last second. */
export const WEBM_OUTPUT = ['-flush_packets', '1', '-cluster_time_limit', '1000', '-f', 'webm'];

export interface RecorderOptions {
  router: ms.Router;
  /** The video to record (spotlight, presenter, screen share or active speaker); none: audio only. */
  video?: ms.Producer;
  /** Every microphone to mix into the recording. */
  audio: ms.Producer[];
  /** Local UDP ports ffmpeg may listen on: two (RTP, RTCP) per stream. */
  ports: number[];
  file: string;
  ffmpeg: string;
}

interface Stream {
  transport: ms.PlainTransport;
  consumer: ms.Consumer;
  port: number;
}

/**
 * Records one live session's media: each stream leaves the Router through a PlainTransport
 * into ffmpeg on 127.0.0.1, which writes a WebM (VP8 copied, Opus mixed). Emits `failed`
 * when ffmpeg cannot start or dies; `stop()` ends it cleanly (the file is finalised).
 */
export class Recorder extends EventEmitter<{ failed: [message: string] }> {
  private ffmpeg?: ChildProcess;
  private streams: Stream[] = [];
  private stderr = '';
  private stopping = false;
  private exited?: Promise<number | null>;

  private constructor(private readonly opts: RecorderOptions) {
    super();
  }

  static async start(opts: RecorderOptions): Promise<Recorder> {
    const recorder = new Recorder(opts);
    await recorder.begin();
    return recorder;
  }

  get videoProducerId(): string | undefined {
    return this.streams.find((s) => s.consumer.kind === 'video')?.consumer.producerId;
  }

  /** A clean start after a speaker change: ask the video source for a keyframe. */
  async requestKeyFrame(): Promise<void> {
    for (const s of this.streams)
      if (s.consumer.kind === 'video' && !s.consumer.closed) await s.consumer.requestKeyFrame();
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.ffmpeg && this.ffmpeg.exitCode === null && this.ffmpeg.signalCode === null) {
      // SIGINT while packets still flow (ffmpeg notices it between packets) lets it finish the
      // file; SIGKILL if it has not within 5 s. Only then close the transports.
      this.ffmpeg.kill('SIGINT');
      const timer = setTimeout(() => this.ffmpeg?.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    for (const s of this.streams) s.transport.close();
  }

  private async begin(): Promise<void> {
    const { router, video, audio, ports } = this.opts;
    const sources = [...(video ? [video] : []), ...audio];
    if (sources.length === 0) throw new Error('nothing to record: no camera, screen or microphone is on');
    if (ports.length < sources.length * 2) throw new Error('not enough recording ports for this many streams');
    for (const [i, producer] of sources.entries()) {
      const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: false, comedia: false });
      const port = ports[i * 2];
      await transport.connect({ ip: '127.0.0.1', port, rtcpPort: port + 1 });
      const consumer = await transport.consume({
        producerId: producer.id,
        rtpCapabilities: router.rtpCapabilities,
        paused: true,
      });
      this.streams.push({ transport, consumer, port });
    }
    mkdirSync(dirname(this.opts.file), { recursive: true });
    const sdpFile = `${this.opts.file}.sdp`;
    writeFileSync(sdpFile, this.sdp());
    await this.spawnFfmpeg(sdpFile);
    // Give ffmpeg a moment to open its sockets, then start the media with a keyframe.
    await new Promise((r) => setTimeout(r, 700));
    for (const s of this.streams) await s.consumer.resume();
    await this.requestKeyFrame();
  }

  private sdp(): string {
    const lines = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=ECHO Hub recording', 'c=IN IP4 127.0.0.1', 't=0 0'];
    for (const { consumer, port } of this.streams) {
      const codec = consumer.rtpParameters.codecs[0];
      const name = codec.mimeType.split('/')[1];
      lines.push(`m=${consumer.kind} ${port} RTP/AVPF ${codec.payloadType}`);
      lines.push(`a=rtcp:${port + 1}`);
      lines.push(
        `a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${codec.channels ? `/${codec.channels}` : ''}`,
      );
      lines.push('a=recvonly');
    }
    return lines.join('\n') + '\n';
  }

  private spawnFfmpeg(sdpFile: string): Promise<void> {
    const audioInputs = this.streams.filter((s) => s.consumer.kind === 'audio').length;
    const hasVideo = this.streams.some((s) => s.consumer.kind === 'video');
    const args = [
      '-hide_banner',
      '-loglevel',
      'warning',
      '-protocol_whitelist',
      'file,udp,rtp',
      '-fflags',
      '+genpts',
      '-analyzeduration',
      '3000000',
      '-i',
      sdpFile,
      ...(hasVideo ? ['-map', '0:v:0', '-c:v', 'copy'] : []),
      ...(audioInputs
        ? [
            '-filter_complex',
            `${audioInputs > 1 ? `amix=inputs=${audioInputs}:duration=longest,` : ''}aresample=async=1[a]`,
            '-map',
            '[a]',
            '-c:a',
            'libopus',
            '-b:a',
            '64k',
          ]
        : []),
      ...WEBM_OUTPUT,
      '-y',
      this.opts.file,
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(this.opts.ffmpeg, ['-nostdin', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      this.ffmpeg = child;
      child.stderr?.on('data', (b: Buffer) => (this.stderr = (this.stderr + b.toString()).slice(-2000)));
      this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
      child.once('error', (e: Error) => {
        reject(
          new Error(`ffmpeg could not start (${e.message}): install it (apt-get install ffmpeg) or set FFMPEG_PATH`),
        );
      });
      child.once('spawn', () => resolve());
      child.once('exit', (code, signal) => {
        if (!this.stopping) {
          const why = this.stderr.trim().split('\n').pop() ?? '';
          this.emit('failed', `ffmpeg stopped unexpectedly (${signal ?? `exit ${code}`}) ${why}`.trim());
        }
      });
    });
  }
}

/**
 * Stops an ffmpeg still writing `file` that this process did not start (orphaned when the hub was killed): SIGINT
 * lets it finish the file, SIGKILL after 5 s. Found through /proc (Linux); elsewhere nothing is done.
 */
export async function stopStrayRecorder(file: string): Promise<void> {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(file);
        } catch {
          return false; // gone meanwhile, or not ours to read
        }
      });
  } catch {
    return;
  }
  for (const pid of pids) {
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(pid, s);
      } catch {
        // already gone
      }
    };
    signal('SIGINT');
    for (let waited = 0; waited < 5000 && existsSync(`/proc/${pid}`); waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    signal('SIGKILL');
  }
}

/** Rewrites a WebM in place with its index and duration (copying the streams); false when ffmpeg could not. */
export function remux(ffmpeg: string, file: string): Promise<boolean> {
  const out = `${file}.remux.webm`;
  return new Promise((resolve) => {
    const child = spawn(ffmpeg, ['-nostdin', '-v', 'error', '-i', file, '-c', 'copy', '-f', 'webm', '-y', out], {
      stdio: 'ignore',
    });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => {
      if (code === 0) renameSync(out, file);
      else rmSync(out, { force: true });
      resolve(code === 0);
    });
  });
}
