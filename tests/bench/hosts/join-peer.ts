/**
 * A slice of a join storm's participants, in a process of its own: several of them connect and join at the
 * same moment, so 200 socket.io clients do not share one event loop (and one core) with each other and the
 * bench. Each client is the same BenchClient the bench uses in-process; this process answers with what they
 * measured (join-to-ready and connect times, what they received).
 */
import { serveHost } from '../lib/host-ipc';
import { BenchClient } from '../lib/live-client';

export interface PeerJoin {
  url: string;
  sessionId: string;
  spokes: { token: string; userId: string }[];
}

export interface PeerJoined {
  /** Join-to-ready of each client that joined (ms). */
  times: number[];
  /** Connect of each client that connected (ms). */
  connects: number[];
  failed: number;
  messages: number;
  bytes: number;
}

let clients: BenchClient[] = [];

function closeAll(): void {
  for (const c of clients) c.close();
  clients = [];
}

async function join({ url, sessionId, spokes }: PeerJoin): Promise<PeerJoined> {
  closeAll();
  const received = { ...BenchClient.received };
  clients = spokes.map((s) => new BenchClient(url, s.token, s.userId));
  const results = await Promise.all(clients.map((c) => c.join(sessionId).catch(() => null)));
  const times = results.filter((t): t is number => t !== null);
  return {
    times,
    connects: clients.map((c) => c.connectMs).filter((t): t is number => t !== undefined),
    failed: results.length - times.length,
    messages: BenchClient.received.messages - received.messages,
    bytes: BenchClient.received.bytes - received.bytes,
  };
}

serveHost(
  { pid: process.pid, workerPids: [], mediasoupVersion: '' },
  { 'peer:join': (args: PeerJoin) => join(args), 'peer:close': () => closeAll() },
  async () => closeAll(),
);
