/**
 * CPU and memory of processes, read from /proc the way pidusage does (no package): utime+stime
 * of /proc/<pid>/stat between two samples, and RSS. Figures are % of ONE core, so a process
 * saturating both cores of a 2-core machine shows 200%.
 *
 * utime+stime come in clock ticks (10 ms): a worker at 2% over 12 s is ~24 ticks, so one tick is 4%
 * of the figure — too coarse for a hub/bare ratio. Where the kernel has schedstat, the same run time
 * is also read in nanoseconds from /proc/<pid>/task/<tid>/schedstat (summed over threads), and that
 * figure is the one used; the tick figure is kept alongside (`cpuTicks`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

function getconf(name: string, fallback: number): number {
  const r = spawnSync('getconf', [name], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const CLK_TCK = getconf('CLK_TCK', 100);
const PAGE_SIZE = getconf('PAGESIZE', 4096);

export interface ProcSample {
  pid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
  /** Time on CPU of all its threads in ns (schedstat), or null where the kernel does not say. */
  runNs: number | null;
  rssBytes: number;
  at: number;
}

function runNs(pid: number): number | null {
  try {
    let total = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    }
    return Number.isFinite(total) ? total : null;
  } catch {
    return null;
  }
}

/** One sample of a process, or null when it is gone. */
export function sampleProc(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const rssPages = Number(fields[21]);
    return { pid, ticks: utime + stime, runNs: runNs(pid), rssBytes: rssPages * PAGE_SIZE, at: performance.now() };
  } catch {
    return null;
  }
}

/** CPU % (of one core) used between two samples of the same process: from ns when known, else from ticks. */
export function cpuPercent(a: ProcSample, b: ProcSample): number {
  const seconds = (b.at - a.at) / 1000;
  if (seconds <= 0) return 0;
  if (a.runNs !== null && b.runNs !== null && b.runNs >= a.runNs) return ((b.runNs - a.runNs) / 1e9 / seconds) * 100;
  return cpuTicksPercent(a, b);
}

/** CPU % from /proc/<pid>/stat utime+stime alone (10 ms resolution). */
export function cpuTicksPercent(a: ProcSample, b: ProcSample): number {
  const seconds = (b.at - a.at) / 1000;
  return seconds > 0 ? ((b.ticks - a.ticks) / CLK_TCK / seconds) * 100 : 0;
}

/** Samples a group of processes (e.g. all mediasoup workers of one side) and sums them. */
export class ProcGroup {
  private start = new Map<number, ProcSample>();

  constructor(readonly pids: number[]) {}

  begin(): void {
    this.start = new Map();
    for (const pid of this.pids) {
      const s = sampleProc(pid);
      if (s) this.start.set(pid, s);
    }
  }

  /** Summed CPU % since begin() (`cpuTicks`: from utime+stime only) and summed RSS now. */
  end(): { cpu: number; cpuTicks: number; rssBytes: number } {
    let cpu = 0;
    let cpuTicks = 0;
    let rssBytes = 0;
    for (const pid of this.pids) {
      const a = this.start.get(pid);
      const b = sampleProc(pid);
      if (!a || !b) continue;
      cpu += cpuPercent(a, b);
      cpuTicks += cpuTicksPercent(a, b);
      rssBytes += b.rssBytes;
    }
    return { cpu, cpuTicks, rssBytes };
  }
}

interface MachineSample {
  busy: number;
  total: number;
}

function sampleMachine(): MachineSample {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** How busy the whole machine was (all cores, 0-100%) between begin() and end(): the noise other work adds. */
export class MachineLoad {
  private a = sampleMachine();

  begin(): void {
    this.a = sampleMachine();
  }

  end(): number {
    const b = sampleMachine();
    const total = b.total - this.a.total;
    return total > 0 ? ((b.busy - this.a.busy) / total) * 100 : 0;
  }
}

export function machineInfo() {
  const list = cpus();
  return { cores: list.length, cpuModel: list[0]?.model ?? 'unknown', clockTicksPerSecond: CLK_TCK };
}

export const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * A measuring window of `seconds`: each group's CPU (ProcGroup.end) and how busy the whole machine was (0-100%),
 * between the same two instants, as the SFU, gallery and webinar phases measure.
 */
export async function measureWindow<K extends string>(
  groups: Record<K, ProcGroup>,
  seconds: number,
): Promise<{ seconds: number; busy: number; cpu: Record<K, ReturnType<ProcGroup['end']>> }> {
  const machine = new MachineLoad();
  const all = Object.entries(groups) as [K, ProcGroup][];
  for (const [, g] of all) g.begin();
  machine.begin();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = (performance.now() - t0) / 1000;
  const busy = machine.end();
  const cpu = Object.fromEntries(all.map(([k, g]) => [k, g.end()])) as Record<K, ReturnType<ProcGroup['end']>>;
  return { seconds: elapsed, busy, cpu };
}
