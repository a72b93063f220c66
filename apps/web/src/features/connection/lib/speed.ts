import { ConnectionTestLimits } from '@echo-hub/protocol';
import { unreachable } from '../../../lib/api';

/** How much the speed test moves each way: enough to see a clinic's link, little on a slow one. */
const WARM_UP_KB = 64;
const TEST_KB = Math.min(1024, ConnectionTestLimits.maxKb);

async function timed(run: () => Promise<Response>): Promise<{ ms: number; res: Response }> {
  const start = performance.now();
  let res: Response;
  try {
    res = await run();
    if (res.ok) await res.arrayBuffer();
  } catch {
    throw unreachable();
  }
  if (!res.ok) throw new Error(`The hub answered ${res.status} to the speed test`);
  return { ms: performance.now() - start, res };
}

const kbps = (kb: number, ms: number) => Math.round((kb * 1024 * 8) / Math.max(ms, 1));

/** Download speed in kbit/s: a small request first (it opens the connection), then the timed one. */
export async function measureDownload(): Promise<number> {
  const get = (kb: number) => fetch(`/api/connection-test/download?kb=${kb}`, { cache: 'no-store' });
  await timed(() => get(WARM_UP_KB));
  const { ms } = await timed(() => get(TEST_KB));
  return kbps(TEST_KB, ms);
}

/** Upload speed in kbit/s, timed the same way. */
export async function measureUpload(): Promise<number> {
  const post = (kb: number) =>
    fetch('/api/connection-test/upload', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(kb * 1024).map((_, i) => (i * 7919) & 255),
    });
  await timed(() => post(WARM_UP_KB));
  const { ms } = await timed(() => post(TEST_KB));
  return kbps(TEST_KB, ms);
}

/** "3.4 Mbit/s" or "640 kbit/s". */
export const formatSpeed = (kbitPerSecond: number) =>
  kbitPerSecond >= 1000 ? `${(kbitPerSecond / 1000).toFixed(1)} Mbit/s` : `${kbitPerSecond} kbit/s`;
