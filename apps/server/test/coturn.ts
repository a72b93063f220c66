import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDeploy } from './deploy-render';

export interface CoturnOptions {
  /** Address coturn listens on (TURN over UDP and TCP on `port`) and relays from (`minPort`-`maxPort`). */
  listenIp: string;
  port: number;
  minPort: number;
  maxPort: number;
  /** The hub's media address: on loopback (tests) the only 127.x peer the relay may reach. */
  mediaIp: string;
  /** The hub's TURN_SECRET (coturn's static-auth-secret). */
  secret: string;
}

export interface Coturn {
  process: ChildProcess;
  /** What coturn logged so far (auth failures show here). */
  log(): string;
  close(): Promise<void>;
}

/**
 * Debian's `turnserver` with the configuration a server gets: deploy/render.mjs writes it from
 * deploy/templates/turnserver.conf.tpl, so what the tests relay through is the shipped configuration.
 * Test choices are render options only: listen on `listenIp`, logs on stdout, and no certificate in the
 * certificate directory, so coturn opens no TLS listener (TURN over TLS is tested with a certificate in
 * deploy-services.integration-spec.ts; browsers here use plain TURN). Resolves once it listens.
 */
export async function startCoturn(o: CoturnOptions): Promise<Coturn> {
  const dir = mkdtempSync(join(tmpdir(), 'echo-coturn-'));
  // render.mjs keeps the secrets it finds in its output directory: this one becomes static-auth-secret.
  writeFileSync(join(dir, 'echo-hub.env'), `TURN_SECRET=${o.secret}\n`);
  const { files } = renderDeploy(
    [
      ...['--domain', 'echo-hub.test', '--internal-ca', '--public-ip', o.mediaIp, '--turn-listen-ip', o.listenIp],
      ...['--turn-port', String(o.port), '--relay-ports', `${o.minPort}-${o.maxPort}`, '--turn-log', 'stdout'],
      ...['--turn-cert-dir', join(dir, 'no-certificate')],
    ],
    dir,
    'echo-hub.env',
  );
  if (!files['turnserver.conf'].includes(`\nstatic-auth-secret=${o.secret}\n`)) {
    throw new Error('render.mjs did not keep the TURN secret it was given');
  }
  const child = spawn(
    'turnserver',
    ['-c', join(dir, 'turnserver.conf'), '--db', join(dir, 'turndb'), '--pidfile', join(dir, 'turnserver.pid')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
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
