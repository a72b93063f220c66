/**
 * Every process the bench starts (ffmpeg, the hub and bare-mediasoup hosts, a temporary PostgreSQL)
 * is registered here, so it is stopped on success, on error and on SIGINT/SIGTERM — by its pid,
 * never by name. Processes the hosts start themselves (mediasoup workers) are registered as pids
 * to check (and kill if still there) once their parent has gone.
 */
import type { ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
const orphans = new Set<number>();
const cleanups: (() => Promise<void> | void)[] = [];

export function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A pid started by one of our children (e.g. a mediasoup worker): killed at the end if still alive. */
export function trackPid(pid: number): void {
  orphans.add(pid);
}

/** Work to do before exit (e.g. stop a temporary PostgreSQL); runs in reverse order of registration. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(1000)]);
  }
}

let cleaning: Promise<void> | undefined;

/** Stops everything still running. Safe to call more than once. */
export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (e) {
        console.error(`cleanup failed: ${(e as Error).message}`);
      }
    }
    await Promise.all([...children].map((c) => stop(c)));
    for (let waited = 0; [...orphans].some(alive) && waited < 3000; waited += 100) await sleep(100);
    for (const pid of orphans) if (alive(pid)) process.kill(pid, 'SIGKILL');
  })();
  return cleaning;
}

/** Last resort when the process exits without cleanup (uncaught error): synchronous kills. */
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const pid of orphans) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** Ctrl-C / SIGTERM: stop every child, then exit 130/143. */
export function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping every process the bench started…`);
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}
