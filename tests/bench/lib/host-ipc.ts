/**
 * The SFU hosts (the real hub, and bare mediasoup) each run in a child process of their own, so
 * the CPU of "the server process" is only the server's: the bench's RTP receivers, socket.io
 * clients and autocannon stay in the parent. Parent and host talk over Node's IPC channel:
 * `{ id, cmd, args }` → `{ id, ok, result | error }`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { track, trackPid } from './children';

export interface HostInfo {
  pid: number;
  workerPids: number[];
  mediasoupVersion: string;
  /** Hub only: where the HTTP API and socket.io listen. */
  url?: string;
}

interface Request {
  id: number;
  cmd: string;
  args?: unknown;
}
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export const repoRoot = join(__dirname, '..', '..', '..');

/** Parent side: a host process and typed requests to it. */
export class HostProcess {
  /** What the host (the hub's logger, TypeORM) printed: the first lines are passed on, the rest counted. */
  readonly log = { lines: 0, errorLines: 0, first: [] as string[] };
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  info!: HostInfo;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (m: Reply | { ready: HostInfo }) => {
      if ('ready' in m) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`${name}: ${m.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`${name} exited (${signal ?? code})`));
      this.pending.clear();
    });
  }

  /** Starts `script` (a .ts file under hosts/) and waits until it says it is ready. */
  static async start(name: string, script: string, env: Record<string, string> = {}, timeoutMs = 120_000) {
    const child = track(
      fork(join(__dirname, '..', 'hosts', script), [], {
        cwd: repoRoot,
        // BENCH_HOST_NODE_ARGS (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof) is for digging into a figure.
        execArgv: ['--import', 'tsx', ...(process.env.BENCH_HOST_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
    );
    const host = new HostProcess(name, child);
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => host.onOutput(chunk));
    }
    host.info = await new Promise<HostInfo>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms`)), timeoutMs);
      child.on('message', (m: { ready?: HostInfo }) => {
        if (m.ready) {
          clearTimeout(timer);
          resolve(m.ready);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited while starting (code ${code})`));
      });
    });
    for (const pid of host.info.workerPids) trackPid(pid);
    return host;
  }

  private onOutput(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      this.log.lines++;
      if (/error/i.test(line)) this.log.errorLines++;
      if (this.log.first.length < 10) {
        this.log.first.push(line);
        process.stderr.write(`[${this.name}] ${line}\n`);
        if (this.log.first.length === 10) process.stderr.write(`[${this.name}] (further output counted, not shown)\n`);
      }
    }
  }

  request<T>(cmd: string, args?: unknown, timeoutMs = 120_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, cmd, args } satisfies Request);
    });
  }

  /** Asks the host to close cleanly (its workers with it); SIGKILL if it does not within 10 s. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.request('exit', undefined, 10_000).catch(() => undefined);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

type Handler = (args: never) => Promise<unknown> | unknown;

/** Host side: answers requests with `handlers`; `exit` runs `shutdown` then exits. */
export function serveHost(info: HostInfo, handlers: Record<string, Handler>, shutdown: () => Promise<void>): void {
  const send = (m: unknown) => process.send?.(m);
  let closing: Promise<void> | undefined;
  const close = (code: number) => {
    closing ??= shutdown()
      .catch((e: Error) => console.error(`shutdown failed: ${e.message}`))
      .finally(() => process.exit(code));
    return closing;
  };
  process.on('message', (m: Request) => {
    if (m.cmd === 'exit') {
      send({ id: m.id, ok: true, result: null });
      void close(0);
      return;
    }
    const handler = handlers[m.cmd];
    if (!handler) {
      send({ id: m.id, ok: false, error: `unknown command ${m.cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(m.args as never))
      .then(
        (result) => send({ id: m.id, ok: true, result: result ?? null }),
        (e: Error) => send({ id: m.id, ok: false, error: e.stack ?? e.message }),
      );
  });
  // The parent went away (crash, SIGKILL): do not outlive it.
  process.on('disconnect', () => void close(1));
  process.once('SIGINT', () => void close(130));
  process.once('SIGTERM', () => void close(143));
  send({ ready: info });
}
