import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request as httpRequest, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import type { Socket } from 'node:net';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../scripts/free-port';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTemporaryPostgres, temporaryPostgresUnavailable } from '../../../scripts/postgres';
import { parseEnv, renderDeploy, waitFor } from './deploy-render';

/**
 * deploy/render.mjs's output run by the programs it is written for, as Debian packages them (no systemd
 * here, and none in CI): Caddy with the Caddyfile, coturn with turnserver.conf, systemd-analyze on the units.
 * Loopback addresses only; Caddy's internal CA stands in for Let's Encrypt.
 */
const children: ChildProcess[] = [];
let dir: string;
beforeAll(() => {
  const programs = ['caddy', 'turnserver', 'turnutils_uclient', 'turnutils_peer', 'openssl', 'systemd-analyze'];
  const missing = programs.filter((p) => spawnSync('sh', ['-c', `command -v ${p}`]).status !== 0);
  if (missing.length) {
    throw new Error(`${missing.join(', ')} not found: node scripts/setup.mjs --test (as root) installs them`);
  }
  dir = mkdtempSync(join(tmpdir(), 'echo-hub-deploy-'));
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function start(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { output: () => string } {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  return { output: () => output };
}

const production = ['--domain', 'echo.example.org', '--email', 'admin@example.org', '--public-ip', '198.51.100.7'];

describe('the Caddyfile', () => {
  const upstreams: Server[] = [];
  let https: number;
  let http: number;
  let ca: Buffer;

  /** A request to Caddy for echo.test, trusting only Caddy's internal CA. */
  const get = (path: string) =>
    new Promise<{ status: number; body: string; headers: IncomingMessage['headers'] }>((resolve, reject) => {
      const req = httpsRequest(
        { host: '127.0.0.1', port: https, path, servername: 'echo.test', ca, headers: { host: `echo.test:${https}` } },
        (res) => {
          let body = '';
          res.on('data', (b: Buffer) => (body += b.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject).end();
    });

  beforeAll(async () => {
    // Two stand-ins for hub instances: a health route, their name and what Caddy forwarded, and an echo over
    // an upgraded connection (as socket.io's websocket).
    const hubPort = await freePort();
    for (const name of ['A', 'B']) {
      const server = createServer((req, res) => {
        if (req.url === '/api/request-id') return res.end(String(req.headers['x-request-id']));
        res.end(req.url === '/api/health' ? 'ok' : `${name} ${req.headers['x-forwarded-proto']}`);
      });
      server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
        socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
        socket.on('data', (b: Buffer) => socket.write(`${name}:${b.toString()}`));
      });
      await new Promise<void>((resolve) => server.listen(hubPort + upstreams.length, '127.0.0.1', resolve));
      upstreams.push(server);
    }
    [https, http] = [await freePort(), await freePort()];
    const out = join(dir, 'caddy-test');
    renderDeploy(
      [
        ...['--domain', 'echo.test', '--internal-ca', '--public-ip', '127.0.0.1', '--instances', '2'],
        ...['--hub-port', String(hubPort), '--https-port', String(https), '--http-port', String(http)],
        ...['--caddy-admin', 'off', '--bind', '127.0.0.1'],
      ],
      out,
      'echo-hub.env',
    );
    const home = join(dir, 'caddy-home');
    const caddy = start('caddy', ['run', '--config', join(out, 'Caddyfile'), '--adapter', 'caddyfile'], {
      ...process.env,
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
    });
    const rootCert = join(home, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt');
    await waitFor(
      async () => {
        ca = readFileSync(rootCert);
        return (await get('/api/health')).status === 200;
      },
      30_000,
      caddy.output,
    );
  });
  afterAll(() => {
    for (const server of upstreams) server.close().closeAllConnections();
  });

  it('serves the domain over HTTPS with its certificate, round robin over the instances', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => get('/')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(['A https', 'B https']));
    expect(answers[0].headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('never serves the metrics to the internet, and sends each request an id of its own', async () => {
    expect((await get('/api/metrics')).status).toBe(404);
    const [a, b] = await Promise.all([get('/api/request-id'), get('/api/request-id')]);
    expect(a.body).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.body).not.toBe(a.body);
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port: http, path: '/sessions', headers: { host: 'echo.test' } }, resolve)
        .on('error', reject)
        .end(),
    );
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toMatch(/^https:\/\/echo\.test(:\d+)?\/sessions$/);
  });

  it('passes websocket upgrades through', async () => {
    const echoed = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest({
        host: '127.0.0.1',
        port: https,
        path: '/socket.io/?EIO=4&transport=websocket',
        servername: 'echo.test',
        ca,
        headers: {
          host: `echo.test:${https}`,
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('upgrade', (_res, socket: Socket) => {
        socket.once('data', (b: Buffer) => resolve(b.toString()));
        socket.write('ping');
      });
      req.on('error', reject).end();
    });
    expect(echoed).toMatch(/^[AB]:ping$/);
  });

  it('keeps answering when one instance is gone', async () => {
    upstreams[1].close().closeAllConnections();
    const answers = await Promise.all([1, 2, 3, 4].map(() => get('/')));
    expect(answers.map((a) => `${a.status} ${a.body}`)).toEqual(Array(4).fill('200 A https'));
  });

  it('is valid and formatted as rendered for a real domain', () => {
    const out = join(dir, 'caddy-production');
    const { files } = renderDeploy([...production, '--instances', '2'], out, 'echo-hub.env');
    const env = { ...process.env, HOME: join(dir, 'caddy-home'), XDG_DATA_HOME: join(dir, 'caddy-home', 'data') };
    const validate = spawnSync('caddy', ['validate', '--config', join(out, 'Caddyfile'), '--adapter', 'caddyfile'], {
      env,
      encoding: 'utf8',
    });
    expect(validate.stdout + validate.stderr).toContain('Valid configuration');
    expect(validate.status).toBe(0);
    const formatted = spawnSync('caddy', ['fmt', join(out, 'Caddyfile')], { env, encoding: 'utf8' }).stdout;
    expect(formatted).toBe(files.Caddyfile);
  });
});

describe('turnserver.conf', () => {
  let secret: string;
  let turnPort: number;
  let tlsPort: number;
  let peerPort: number;
  let certs: string;

  /**
   * turnutils_uclient (coturn's test client) allocates a relay with TURN REST credentials made from `key` and
   * sends 5 messages through it to the peer. Line-buffered, so a run cut short by the timeout still tells.
   */
  const allocate = (key: string, peer: string, ...flags: string[]) => {
    const port = flags.includes('-S') ? tlsPort : turnPort;
    const argv = [...flags, '-W', key, '-u', 'participant', '-p', String(port), '-e', peer, '-r', String(peerPort)];
    const r = spawnSync(
      'stdbuf',
      ['-oL', '-eL', 'turnutils_uclient', ...argv, '-n', '5', '-m', '1', '-c', '127.0.0.1'],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
    return { status: r.status, output: r.stdout + r.stderr };
  };

  beforeAll(async () => {
    [turnPort, tlsPort, peerPort] = [await freePort(['tcp', 'udp']), await freePort(), await freePort(['udp'])];
    const relay = await freePort(['udp']);
    // coturn's own certificate for TURN over TLS (on a server, the copy of Caddy's that turn-cert.sh makes).
    certs = join(dir, 'turn-certs');
    mkdirSync(certs);
    const openssl = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=echo.test'];
    spawnSync('openssl', [...openssl, '-keyout', join(certs, 'turn.key'), '-out', join(certs, 'turn.crt')]);
    const out = join(dir, 'turn');
    const { files } = renderDeploy(
      [
        ...['--domain', 'echo.test', '--internal-ca', '--public-ip', '127.0.0.1', '--turn-listen-ip', '127.0.0.1'],
        ...['--turn-port', String(turnPort), '--turn-tls-port', String(tlsPort), '--turn-cert-dir', certs],
        ...['--relay-ports', `${relay}-${relay + 40}`, '--turn-log', 'stdout'],
      ],
      out,
      'echo-hub.env',
    );
    secret = /^static-auth-secret=(.+)$/m.exec(files['turnserver.conf'])?.[1] ?? '';
    expect(parseEnv(files['echo-hub.env']).TURN_SECRET).toBe(secret);
    const turnserver = start('turnserver', [
      ...['-c', join(out, 'turnserver.conf')],
      ...['--db', join(dir, 'turndb'), '--pidfile', join(dir, 'turnserver.pid')],
    ]);
    // Two peers standing in for media addresses: the hub's own (allowed) and another loopback one (denied).
    start('turnutils_peer', ['-L', '127.0.0.1', '-p', String(peerPort)]);
    start('turnutils_peer', ['-L', '127.0.0.2', '-p', String(peerPort)]);
    await waitFor(() => allocate(secret, '127.0.0.1').output.includes('tot_recv_msgs=5'), 30_000, turnserver.output);
  });

  it('relays to the hub’s media address over UDP and TCP with REST credentials from TURN_SECRET', () => {
    for (const flags of [[], ['-t']]) {
      const r = allocate(secret, '127.0.0.1', ...flags);
      expect(r.output).toContain('tot_recv_msgs=5');
      expect(r.output).toContain('Total lost packets 0');
    }
  });

  it('answers TURN over TLS with the certificate it is given', async () => {
    // An Allocate without credentials (STUN header + REQUESTED-TRANSPORT UDP), over TLS checked against the
    // certificate: coturn asks for credentials in its realm (401), as it does before every allocation.
    // (turnutils_uclient's own TLS client stalls in SSL_connect too often on a busy machine to test with.)
    const transactionId = randomBytes(12);
    const allocate = Buffer.concat([
      Buffer.from([0x00, 0x03, 0x00, 0x08, 0x21, 0x12, 0xa4, 0x42]),
      transactionId,
      Buffer.from([0x00, 0x19, 0x00, 0x04, 0x11, 0x00, 0x00, 0x00]),
    ]);
    const answer = await new Promise<Buffer>((resolve, reject) => {
      const socket = tlsConnect(
        { host: '127.0.0.1', port: tlsPort, servername: 'echo.test', ca: readFileSync(join(certs, 'turn.crt')) },
        () => socket.write(allocate),
      );
      socket.once('data', (b: Buffer) => {
        resolve(b);
        socket.destroy();
      });
      socket.once('error', reject);
    });
    expect(answer.readUInt16BE(0)).toBe(0x0113); // Allocate error response
    expect(answer.subarray(8, 20)).toEqual(transactionId);
    expect(answer.toString('latin1')).toContain('Unauthorized');
    expect(answer.toString('latin1')).toContain('echo.test');
  });

  it('refuses credentials made with another secret', () => {
    const r = allocate('not-the-secret', '127.0.0.1');
    expect(r.output).toContain('Cannot complete Allocation');
    expect(r.status).not.toBe(0);
  });

  it('refuses to relay to a private address that is not the hub’s', () => {
    const r = allocate(secret, '127.0.0.2');
    expect(r.output).toContain('403 (Forbidden IP)');
    expect(r.output).not.toContain('tot_recv_msgs=5');
  });
});

describe('the systemd units', () => {
  it('pass systemd-analyze verify', () => {
    const out = join(dir, 'units');
    const { files } = renderDeploy([...production, '--node', process.execPath], out, 'echo-hub.env');
    // A template unit is verified through an instance of it.
    const units = join(dir, 'units-verify');
    mkdirSync(units);
    cpSync(join(out, 'echo-hub-turn-cert.service'), join(units, 'echo-hub-turn-cert.service'));
    cpSync(join(out, 'echo-hub-turn-cert.timer'), join(units, 'echo-hub-turn-cert.timer'));
    writeFileSync(join(units, 'echo-hub@1.service'), files['echo-hub@.service']);
    const r = spawnSync(
      'systemd-analyze',
      ['verify', '--man=no', './echo-hub@1.service', './echo-hub-turn-cert.service', './echo-hub-turn-cert.timer'],
      { cwd: units, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(files['echo-hub@.service']).toContain(`ExecStart=${process.execPath} `);
  });
});

describe('deploy/turn-cert.sh', () => {
  it('copies the newest certificate Caddy has for the domain to coturn, and leaves an unchanged copy alone', () => {
    const caddyData = join(dir, 'caddy-data');
    const issued = (issuer: string, text: string, daysAgo: number) => {
      const d = join(caddyData, 'certificates', issuer, 'echo.example.org');
      mkdirSync(d, { recursive: true });
      for (const [file, what] of [
        ['crt', 'certificate'],
        ['key', 'key'],
      ]) {
        writeFileSync(join(d, `echo.example.org.${file}`), `${text} ${what}`);
        const when = new Date(Date.now() - daysAgo * 86_400_000);
        utimesSync(join(d, `echo.example.org.${file}`), when, when);
      }
    };
    const copy = () =>
      spawnSync(
        join(__dirname, '..', '..', '..', 'deploy', 'turn-cert.sh'),
        ['echo.example.org', join(dir, 'coturn-certs'), caddyData],
        { encoding: 'utf8' },
      );
    expect(copy().stderr).toContain('no certificate for echo.example.org');
    issued('acme-v02.api.letsencrypt.org-directory', 'first', 60);
    expect(copy().stdout).toContain('copied');
    expect(readFileSync(join(dir, 'coturn-certs', 'turn.key'), 'utf8')).toBe('first key');
    expect(copy().stdout).toBe('');
    issued('acme.zerossl.com-v2-dv90', 'renewed', 0);
    expect(copy().status).toBe(0);
    expect(readFileSync(join(dir, 'coturn-certs', 'turn.crt'), 'utf8')).toBe('renewed certificate');
  });
});

const postgresMissing = temporaryPostgresUnavailable();
// Skipped only where the PostgreSQL binaries are missing (the reason is in the title); setup --test installs them.
(postgresMissing ? describe.skip : describe)(
  `deploy/database.sql${postgresMissing ? ` (${postgresMissing})` : ''}`,
  () => {
    it('creates the role and database the rendered DATABASE_URL names, and runs again without harm', async () => {
      const pg = await startTemporaryPostgres({
        prefix: 'echo-hub-deploy-pg-',
        user: 'postgres',
        database: 'admin',
      });
      try {
        const { env } = renderDeploy(production, join(dir, 'database'), 'echo-hub.env');
        const password = /^postgres:\/\/echo_hub:([0-9a-f]+)@127\.0\.0\.1:5432\/echo_hub$/.exec(env.DATABASE_URL)?.[1];
        expect(password).toMatch(/^[0-9a-f]{64}$/);
        const psql = (url: string, ...args: string[]) =>
          spawnSync('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-At', ...args], { encoding: 'utf8' });
        const script = join(__dirname, '..', '..', '..', 'deploy', 'database.sql');
        for (const round of [1, 2]) {
          const r = psql(pg.url, '-v', `password=${password}`, '-f', script);
          expect(`${round}: ${r.stderr}`).toBe(`${round}: `);
        }
        const asHub = psql(
          pg.url.replace('postgres@', 'echo_hub@').replace(/\/admin$/, '/echo_hub'),
          '-c',
          'CREATE TABLE t (id int); SELECT current_user, pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()',
        );
        expect(asHub.stdout.trim()).toBe('echo_hub|echo_hub');
        const stored = psql(
          pg.url,
          '-c',
          "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'echo_hub'",
        );
        expect(stored.stdout.trim()).toBe('t');
      } finally {
        pg.stop();
      }
    });
  },
);
