import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CoturnOptions {
  /** Address and port coturn listens on (TCP and UDP, no TLS). */
  listenIp: string;
  port: number;
  /** Address relayed traffic leaves from, and the relay port range. */
  relayIp: string;
  minPort: number;
  maxPort: number;
  secret: string;
  /** The hub's media addresses: the only loopback/private peers the relay may reach. */
  allowedPeers: string[];
  /** Run it through this command prefix (e.g. `['ip', 'netns', 'exec', 'hub']`). */
  prefix?: string[];
}

export interface Coturn {
  process: ChildProcess;
  /** What coturn logged so far (auth failures show here). */
  log(): string;
  close(): Promise<void>;
}

/** A minimal test configuration for Debian's coturn: TURN REST secret, no TLS, relays only to the hub. */
export function coturnConfig(o: CoturnOptions): string {
  return [
    `listening-ip=${o.listenIp}`,
    `listening-port=${o.port}`,
    `relay-ip=${o.relayIp}`,
    `min-port=${o.minPort}`,
    `max-port=${o.maxPort}`,
    'use-auth-secret',
    `static-auth-secret=${o.secret}`,
    'realm=echo-hub.test',
    'fingerprint',
    'no-tls',
    'no-dtls',
    'no-cli',
    'no-multicast-peers',
    // The hub's media is on 127.x here: loopback peers are needed, but only the hub's address is allowed.
    'allow-loopback-peers',
    'denied-peer-ip=0.0.0.0-0.255.255.255',
    'denied-peer-ip=10.0.0.0-10.255.255.255',
    'denied-peer-ip=100.64.0.0-100.127.255.255',
    'denied-peer-ip=127.0.0.0-127.255.255.255',
    'denied-peer-ip=169.254.0.0-169.254.255.255',
    'denied-peer-ip=172.16.0.0-172.31.255.255',
    'denied-peer-ip=192.168.0.0-192.168.255.255',
    ...o.allowedPeers.map((ip) => `allowed-peer-ip=${ip}`),
    'user-quota=12',
    'total-quota=120',
    'log-file=stdout',
    'simple-log',
    '',
  ].join('\n');
}

/** Starts `turnserver` with `coturnConfig(options)` and resolves once it listens. */
export async function startCoturn(options: CoturnOptions): Promise<Coturn> {
  const dir = mkdtempSync(join(tmpdir(), 'echo-coturn-'));
  const conf = join(dir, 'turnserver.conf');
  writeFileSync(conf, coturnConfig(options));
  const [cmd, ...pre] = [...(options.prefix ?? []), 'turnserver'];
  const child = spawn(cmd, [...pre, '-c', conf, '--pidfile', join(dir, 'turnserver.pid')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!/Total (General servers|auth threads)|IPv4. TCP listener opened on/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`turnserver did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    process: child,
    log: () => output,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
