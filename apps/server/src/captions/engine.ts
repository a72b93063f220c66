import { type ChildProcess, spawn } from 'node:child_process';

/** Audio the engines take: signed 16-bit little-endian PCM, mono, 16 kHz (what ffmpeg's s16le output gives). */
export const SAMPLE_RATE = 16_000;

export type CaptionsEngineName = 'off' | 'pocketsphinx' | 'http';
export const CAPTIONS_ENGINES: CaptionsEngineName[] = ['off', 'pocketsphinx', 'http'];

/** One speaker's running recognition: PCM in, one call of `onText` per utterance recognised. */
export interface CaptionStream {
  write(pcm: Buffer): void;
  /** Ends the stream: what is still buffered is recognised first. */
  end(): Promise<void>;
}

/** An offline speech engine, swappable by configuration (CAPTIONS_ENGINE). */
export interface CaptionEngine {
  readonly name: string;
  open(onText: (text: string) => void, onError: (message: string) => void): CaptionStream;
}

export interface CaptionsConfig {
  engine: CaptionsEngineName;
  /** The host's speech server (CAPTIONS_ENGINE=http): a whisper.cpp server's /inference, or one like it. */
  url?: string;
  /** The pocketsphinx command (Debian's `pocketsphinx` package; model from `pocketsphinx-en-us`). */
  pocketsphinx: string;
}

export function createEngine(config: CaptionsConfig): CaptionEngine | null {
  if (config.engine === 'pocketsphinx') return new PocketsphinxEngine(config.pocketsphinx);
  if (config.engine === 'http' && config.url) return new HttpEngine(config.url);
  return null;
}

/**
 * CMU pocketsphinx with the US English model Debian ships, run as `pocketsphinx_continuous` reading raw PCM from
 * its standard input: it finds utterances by its own voice activity detection and prints one line per utterance.
 */
export class PocketsphinxEngine implements CaptionEngine {
  readonly name = 'pocketsphinx';

  constructor(private readonly command = 'pocketsphinx_continuous') {}

  open(onText: (text: string) => void, onError: (message: string) => void): CaptionStream {
    // Node's stdio is a socket, which pocketsphinx cannot open as /dev/stdin: `cat` gives it a real pipe. Its
    // output is line-buffered by stdbuf, else its lines come only when it ends. Exit 127: it is not installed.
    const script = 'cat | exec stdbuf -oL "$0" -infile /dev/stdin -logfn /dev/null';
    const child: ChildProcess = spawn('sh', ['-c', script, this.command], { stdio: ['pipe', 'pipe', 'pipe'] });
    let pending = '';
    let stderr = '';
    let ending = false;
    child.stdout?.on('data', (b: Buffer) => {
      const lines = (pending + b.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onText(line.trim());
    });
    child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-1000)));
    child.stdin?.on('error', () => {}); // the exit below says why
    const exited = new Promise<void>((resolve) => {
      // 'close': after its output has all been read (it may come after 'exit').
      child.once('close', (code, signal) => {
        if (pending.trim()) onText(pending.trim());
        if (code === 127) onError(`${this.command} is not installed: apt-get install pocketsphinx pocketsphinx-en-us`);
        else if (!ending) onError(`${this.command} stopped (${signal ?? `exit ${code}`}) ${stderr.trim()}`.trim());
        resolve();
      });
    });
    return {
      write: (pcm) => void child.stdin?.write(pcm),
      end: async () => {
        ending = true;
        child.stdin?.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      },
    };
  }
}

/** Cuts PCM into utterances at pauses: a simple energy gate, for engines that take one utterance at a time. */
export class Utterances {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private voiced = 0;
  private silentBytes = 0;

  constructor(
    private readonly onUtterance: (pcm: Buffer) => void,
    /** RMS (of 16-bit samples) above which a 20 ms frame counts as speech. */
    private readonly threshold = 500,
    private readonly pauseMs = 600,
    private readonly maxMs = 15_000,
  ) {}

  push(pcm: Buffer): void {
    const frame = (SAMPLE_RATE / 50) * 2; // 20 ms
    for (let at = 0; at < pcm.length; at += frame) {
      const part = pcm.subarray(at, at + frame);
      const loud = rms(part) > this.threshold;
      if (!loud && this.voiced === 0) continue; // silence before speech is not kept
      this.chunks.push(part);
      this.bytes += part.length;
      if (loud) {
        this.voiced += part.length;
        this.silentBytes = 0;
      } else this.silentBytes += part.length;
      const ms = (b: number) => (b / 2 / SAMPLE_RATE) * 1000;
      if (ms(this.silentBytes) >= this.pauseMs || ms(this.bytes) >= this.maxMs) this.flush();
    }
  }

  flush(): void {
    const enough = (this.voiced / 2 / SAMPLE_RATE) * 1000 >= 200;
    const pcm = Buffer.concat(this.chunks);
    this.chunks = [];
    this.bytes = this.voiced = this.silentBytes = 0;
    if (enough) this.onUtterance(pcm);
  }
}

function rms(pcm: Buffer): number {
  let sum = 0;
  const n = Math.floor(pcm.length / 2);
  for (let i = 0; i < n; i++) sum += pcm.readInt16LE(i * 2) ** 2;
  return n ? Math.sqrt(sum / n) : 0;
}

/** A WAV file of 16 kHz mono s16le PCM. */
export function wav(pcm: Buffer): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/**
 * A speech server the host runs (whisper.cpp's `server`, or sherpa-onnx behind the same contract): each utterance
 * is POSTed to CAPTIONS_URL as multipart `file` (a WAV) with `response_format=json`; the answer is `{ text }`.
 */
export class HttpEngine implements CaptionEngine {
  readonly name = 'http';

  constructor(private readonly url: string) {}

  open(onText: (text: string) => void, onError: (message: string) => void): CaptionStream {
    let queue = Promise.resolve();
    const recognise = (pcm: Buffer) => {
      queue = queue.then(async () => {
        try {
          const form = new FormData();
          form.append('file', new Blob([wav(pcm)], { type: 'audio/wav' }), 'utterance.wav');
          form.append('response_format', 'json');
          const res = await fetch(this.url, { method: 'POST', body: form, signal: AbortSignal.timeout(30_000) });
          if (!res.ok) return onError(`the speech server answered ${res.status}`);
          const text = ((await res.json()) as { text?: unknown }).text;
          if (typeof text === 'string' && text.trim()) onText(text.trim());
        } catch (e) {
          onError(`the speech server could not be reached (${(e as Error).message})`);
        }
      });
    };
    const utterances = new Utterances(recognise);
    return {
      write: (pcm) => utterances.push(pcm),
      end: async () => {
        utterances.flush();
        await queue;
      },
    };
  }
}
