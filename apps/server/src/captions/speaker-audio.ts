import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { ms } from '../media';
import { type CaptionEngine, type CaptionStream, SAMPLE_RATE } from './engine';

/**
 * One microphone's way to the speech engine: a PlainTransport consumes the producer towards ffmpeg on
 * 127.0.0.1 (as the recorder does), ffmpeg decodes the Opus RTP to 16 kHz mono s16le on its standard output,
 * which feeds the engine's stream. Paused, no packets flow and ffmpeg and the engine wait.
 */
export class SpeakerAudio {
  private ffmpeg?: ChildProcess;
  private stream?: CaptionStream;
  /** ffmpeg stops by itself some seconds after packets stop (a paused consumer): then this is closed too. */
  closed = false;

  private constructor(
    private readonly transport: ms.PlainTransport,
    readonly consumer: ms.Consumer,
  ) {}

  static async open(opts: {
    router: ms.Router;
    producer: ms.Producer;
    engine: CaptionEngine;
    ffmpeg: string;
    onText: (text: string) => void;
    onError: (message: string) => void;
  }): Promise<SpeakerAudio> {
    const { router, producer } = opts;
    const port = await freeRtpPort();
    const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: false, comedia: false });
    await transport.connect({ ip: '127.0.0.1', port, rtcpPort: port + 1 });
    const consumer = await transport.consume({
      producerId: producer.id,
      rtpCapabilities: router.rtpCapabilities,
      paused: true,
    });
    const audio = new SpeakerAudio(transport, consumer);
    consumer.observer.once('close', () => void audio.close());
    try {
      audio.start(port, opts);
      // Give ffmpeg a moment to open its sockets before packets flow.
      await new Promise((r) => setTimeout(r, 500));
    } catch (e) {
      await audio.close();
      throw e;
    }
    return audio;
  }

  async pause(): Promise<void> {
    if (!this.consumer.closed) await this.consumer.pause();
  }

  async resume(): Promise<void> {
    if (!this.consumer.closed) await this.consumer.resume();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.transport.close();
    this.ffmpeg?.kill('SIGKILL');
    await this.stream?.end();
  }

  private start(
    port: number,
    opts: { engine: CaptionEngine; ffmpeg: string; onText: (t: string) => void; onError: (m: string) => void },
  ): void {
    const codec = this.consumer.rtpParameters.codecs[0];
    const sdp = [
      'v=0',
      'o=- 0 0 IN IP4 127.0.0.1',
      's=ECHO Hub captions',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${port} RTP/AVP ${codec.payloadType}`,
      `a=rtcp:${port + 1}`,
      `a=rtpmap:${codec.payloadType} opus/${codec.clockRate}/${codec.channels ?? 2}`,
      'a=recvonly',
      '',
    ].join('\n');
    const args = [
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'error',
      '-protocol_whitelist',
      'pipe,udp,rtp',
      '-f',
      'sdp',
      '-i',
      'pipe:0',
      '-ac',
      '1',
      '-ar',
      String(SAMPLE_RATE),
      '-f',
      's16le',
      'pipe:1',
    ];
    this.stream = opts.engine.open(opts.onText, (m) => !this.closed && opts.onError(m));
    const child = spawn(opts.ffmpeg, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-500)));
    this.ffmpeg = child;
    child.stdin?.end(sdp);
    child.stdout?.on('data', (pcm: Buffer) => this.stream?.write(pcm));
    child.once('error', (e) => opts.onError(`ffmpeg could not start (${e.message}): set FFMPEG_PATH`));
    child.once('exit', (code, signal) => {
      if (this.closed) return;
      opts.onError(`ffmpeg stopped decoding captions audio (${signal ?? `exit ${code}`}) ${stderr.trim()}`.trim());
      void this.close();
    });
  }
}

/** An even UDP port free on 127.0.0.1 with the next one free too (RTP and RTCP for ffmpeg). */
async function freeRtpPort(): Promise<number> {
  for (;;) {
    const port = await bind(0);
    const even = port % 2 ? port - 1 : port;
    if (even >= 1024 && (await bind(even).catch(() => 0)) && (await bind(even + 1).catch(() => 0))) return even;
  }
}

function bind(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', (e) => reject(e));
    socket.bind(port, '127.0.0.1', () => {
      const bound = socket.address().port;
      socket.close(() => resolve(bound));
    });
  });
}
