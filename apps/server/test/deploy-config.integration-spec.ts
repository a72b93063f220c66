import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EnvironmentVariables, loadConfig } from '../src/config/config';
import { cachedWorkerBin } from '../src/config/worker-bin';
import { parseEnv, renderDeploy } from './deploy-render';

/**
 * docker/compose.yml and deploy/render.mjs's host configuration checked the way the hub checks its
 * environment at start: each hub's environment through loadConfig, and the ports the hubs need published.
 */
const root = join(__dirname, '..', '..', '..');

/**
 * Variables the deployment sets for features other branches add to config.ts (REDIS_URL: Redis; STORAGE_URL
 * and S3_*: object storage; TURN_*: coturn). loadConfig ignores a variable it does not know, so until
 * config.ts declares these they are only allowed by name here; any other unknown variable fails the test.
 */
const PENDING_VARIABLES = [
  'REDIS_URL',
  'STORAGE_URL',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'TURN_URLS',
  'TURN_SECRET',
];
const KNOWN = Object.keys(new EnvironmentVariables());

/** compose's variable interpolation: ${NAME}, ${NAME:-default}, ${NAME:?error}. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg = '') => {
    const v = vars[name];
    if (v) return v;
    if (op === '?') throw new Error(`${name} is not set: ${arg}`);
    return op === '-' ? arg : '';
  });
}

/** The ENV lines of the Dockerfile's final stage: the image's environment under compose's. */
function dockerfileEnv(): Record<string, string> {
  const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  return Object.fromEntries(
    [...finalStage.matchAll(/^ENV (.*)$/gm)].flatMap((m) =>
      [...m[1].matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)].map((kv) => [kv[1], kv[2]]),
    ),
  );
}

interface Hub {
  name: string;
  env: Record<string, string>;
  ports: string[];
}

/** The hub services of a compose file (those built from docker/Dockerfile), their environment interpolated. */
function composeHubs(composeText: string, dotenv: Record<string, string>): Hub[] {
  const compose = parse(composeText, { merge: true }) as {
    services: Record<
      string,
      { build?: { dockerfile: string }; environment?: Record<string, unknown>; ports?: string[] }
    >;
  };
  return Object.entries(compose.services)
    .filter(([, s]) => s.build?.dockerfile === 'docker/Dockerfile')
    .map(([name, s]) => ({
      name,
      env: {
        ...dockerfileEnv(),
        ...Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), dotenv)])),
      },
      ports: (s.ports ?? []).map((p) => interpolate(p, dotenv)),
    }));
}

/**
 * What the hub does with this environment at start (loadConfig), plus no variable it would silently ignore.
 * The image's worker binary (/usr/local/bin/mediasoup-worker) is not on this machine: the one setup built
 * stands in for it, so the check that a worker exists still runs.
 */
function checkHub(env: Record<string, string>) {
  const unknown = Object.keys(env).filter((k) => !KNOWN.includes(k) && !PENDING_VARIABLES.includes(k));
  if (unknown.length) throw new Error(`unknown variables: ${unknown.join(', ')}`);
  return loadConfig({ ...env, MEDIASOUP_WORKER_BIN: cachedWorkerBin() });
}

describe('docker/compose.yml', () => {
  let out: string;
  let composeText: string;
  let dotenv: Record<string, string>;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'echo-hub-compose-'));
    ({ env: dotenv } = renderDeploy(
      ['--compose', '--domain', 'echo.example.org', '--email', 'admin@example.org', '--public-ip', '198.51.100.7'],
      out,
      '.env',
    ));
    composeText = readFileSync(join(root, 'docker', 'compose.yml'), 'utf8');
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('starts two hubs whose environment passes the hub’s own configuration check', () => {
    const hubs = composeHubs(composeText, dotenv);
    expect(hubs.map((h) => h.name)).toEqual(['hub-1', 'hub-2']);
    for (const hub of hubs) {
      const config = checkHub(hub.env);
      expect(config.database).toEqual({
        type: 'postgres',
        url: `postgres://echo_hub:${dotenv.POSTGRES_PASSWORD}@db:5432/echo_hub`,
      });
      expect(config.auth.secret).toBe(dotenv.AUTH_SECRET);
      expect(config.publicUrl).toBe('https://echo.example.org');
      expect(config.mediasoup).toMatchObject({ listenIp: '0.0.0.0', announcedIp: '198.51.100.7' });
      expect(hub.env.REDIS_URL).toBe('redis://redis:6379');
      expect(hub.env.TURN_SECRET).toBe(dotenv.TURN_SECRET);
    }
  });

  it('publishes each hub’s WebRTC ports one to one, and no two hubs share one', () => {
    const taken = new Set<number>();
    for (const hub of composeHubs(composeText, dotenv)) {
      const { port, workers } = checkHub(hub.env).mediasoup;
      const range = `${port}-${port + workers - 1}`;
      expect(hub.ports).toEqual(expect.arrayContaining([`${range}:${range}/udp`, `${range}:${range}/tcp`]));
      for (let p = port; p < port + workers; p++) {
        expect(taken.has(p)).toBe(false);
        taken.add(p);
      }
    }
    expect(taken.size).toBe(4);
  });

  it('would fail on the port overlap the file used to have, and on a misspelt variable', () => {
    const overlapping = composeText.replace('RTC_PORT: 40000', 'RTC_PORT: 40000\n      RTC_MIN_PORT: 40000');
    expect(() => composeHubs(overlapping, dotenv).map((h) => checkHub(h.env))).toThrow(
      'RTC_PORT 40000-40001 (one per worker) overlaps RTC_MIN_PORT-RTC_MAX_PORT',
    );
    const misspelt = composeText.replace('RTC_PORT: 40002', 'RTC_PORT: 40002\n      RTC_MINPORT: 41000');
    expect(() => composeHubs(misspelt, dotenv).map((h) => checkHub(h.env))).toThrow('unknown variables: RTC_MINPORT');
  });

  it('refuses to start without the secrets render.mjs writes', () => {
    const { AUTH_SECRET: _, ...withoutSecret } = dotenv;
    expect(() => composeHubs(composeText, withoutSecret)).toThrow('AUTH_SECRET is not set');
  });
});

describe('deploy/render.mjs on a host', () => {
  let out: string;
  beforeAll(() => (out = mkdtempSync(join(tmpdir(), 'echo-hub-render-'))));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const args = ['--domain', 'echo.example.org', '--email', 'admin@example.org', '--public-ip', '198.51.100.7'];

  it('gives each of three instances an environment the hub accepts, with ports of its own', () => {
    const { env: shared, files } = renderDeploy([...args, '--instances', '3', '--workers', '4'], out, 'echo-hub.env');
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['Caddyfile', 'turnserver.conf', 'echo-hub@.service', 'instance-3.env']),
    );
    const taken = new Map<number, string>();
    const claim = (from: number, to: number, what: string) => {
      for (let p = from; p <= to; p++) {
        expect(`${p} ${taken.get(p) ?? 'free'}`).toBe(`${p} free`);
        taken.set(p, what);
      }
    };
    for (const n of [1, 2, 3]) {
      const config = checkHub({ ...shared, ...parseEnv(files[`instance-${n}.env`]) });
      expect(config.database.type).toBe('postgres');
      expect(config.host).toBe('127.0.0.1');
      claim(config.port, config.port, `instance ${n} PORT`);
      claim(config.mediasoup.port, config.mediasoup.port + config.mediasoup.workers - 1, `instance ${n} RTC_PORT`);
      claim(config.mediasoup.minPort, config.mediasoup.maxPort, `instance ${n} RTC_MIN_PORT`);
      claim(config.recordings.portMin, config.recordings.portMax, `instance ${n} RECORDING_PORT_MIN`);
    }
    expect(files.Caddyfile).toContain('reverse_proxy 127.0.0.1:3000 127.0.0.1:3001 127.0.0.1:3002');
  });

  it('keeps the secrets it wrote when run again', () => {
    const first = renderDeploy(args, out, 'echo-hub.env').env;
    const again = renderDeploy(args, out, 'echo-hub.env').env;
    expect(again).toEqual(first);
    expect(first.AUTH_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(first.TURN_SECRET).not.toBe(first.AUTH_SECRET);
  });

  it('names every bad option on a line of its own', () => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'deploy', 'render.mjs'), '--domain', 'not a name', '--public-ip', '300.1.1.1', '--out', out],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '--domain must be a host name such as echo.example.org',
      '--email must be an email address (Let’s Encrypt writes to it about the certificate)',
      '--public-ip must be an IPv4 address',
    ]);
  });
});
