#!/usr/bin/env node
// Writes the configuration of an ECHO Hub server: the hub's environment, the Caddyfile, coturn's
// turnserver.conf and the systemd units (or, with --compose, what docker/compose.yml reads). Plain Node with
// no dependencies; deploy/install.sh calls it, and the tests run Caddy, coturn and the hub with its output.
// Secrets already in the output directory are kept, so rendering again never changes a password.
//
//   node deploy/render.mjs --domain echo.example.org --email admin@example.org --public-ip 203.0.113.10 --out DIR
//   node deploy/render.mjs --compose --domain ... --email ... --public-ip ... --out docker
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));

const OPTIONS = {
  domain: { type: 'string', help: 'the host name browsers use (DNS must point at this server for HTTPS)' },
  email: { type: 'string', help: 'contact for Let’s Encrypt (not needed with --internal-ca)' },
  'public-ip': { type: 'string', help: 'the address browsers reach for media and TURN' },
  'private-ip': { type: 'string', help: 'this host’s own address when the public one is NAT-ed to it' },
  out: { type: 'string', help: 'directory to write into (created)' },
  compose: { type: 'boolean', help: 'write .env, Caddyfile and turnserver.conf for docker/compose.yml' },
  instances: { type: 'string', default: '1', help: 'hub instances on this host (1-8)' },
  workers: { type: 'string', default: String(cpus().length), help: 'mediasoup workers per instance' },
  'hub-port': { type: 'string', default: '3000', help: 'PORT of the first instance (the next ones count up)' },
  'app-dir': { type: 'string', default: resolve(here, '..'), help: 'the built checkout the units run' },
  'conf-dir': { type: 'string', default: '/etc/echo-hub', help: 'where the units find the env files' },
  'data-dir': { type: 'string', default: '/var/lib/echo-hub', help: 'DATA_DIR of the hub' },
  'worker-bin': { type: 'string', help: 'MEDIASOUP_WORKER_BIN (default: the hub’s own default)' },
  node: { type: 'string', default: '/usr/bin/node', help: 'the Node.js 20 binary the units run' },
  'turn-port': { type: 'string', default: '3478', help: 'TURN over UDP and TCP' },
  'turn-tls-port': { type: 'string', default: '5349', help: 'TURN over TLS' },
  'relay-ports': { type: 'string', default: '49160-49999', help: 'UDP range coturn relays through' },
  'turn-listen-ip': { type: 'string', help: 'coturn listens on this address only (default: all)' },
  'turn-cert-dir': {
    type: 'string',
    default: '/etc/coturn/certs',
    help: 'where turn-cert.sh puts Caddy’s certificate',
  },
  'turn-log': { type: 'string', default: 'syslog', help: 'coturn log-file (syslog, stdout or a path)' },
  // For tests on one machine: Caddy's own CA instead of Let's Encrypt, other ports, no admin endpoint.
  'internal-ca': { type: 'boolean', help: 'certificates from Caddy’s internal CA (tests)' },
  'http-port': { type: 'string', help: 'Caddy’s HTTP port (default 80)' },
  'https-port': { type: 'string', help: 'Caddy’s HTTPS port (default 443)' },
  'caddy-admin': { type: 'string', help: 'Caddy’s admin endpoint, e.g. off (default localhost:2019)' },
  bind: { type: 'string', help: 'Caddy listens on this address only (default: all)' },
  help: { type: 'boolean' },
};

function usage() {
  const lines = Object.entries(OPTIONS)
    .filter(([, o]) => o.help)
    .map(([name, o]) => `  --${name}${o.type === 'string' ? ' VALUE' : ''}`.padEnd(30) + o.help);
  return `usage: node deploy/render.mjs --domain NAME --email ADDRESS --public-ip IP --out DIR [options]\n${lines.join('\n')}`;
}

/** Parses and checks the options; throws an Error with one line per bad option. */
function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([k, o]) => [k, { type: o.type, default: o.default }])),
  });
  if (values.help) return { help: true };
  const problems = [];
  const int = (name, min, max) => {
    const n = Number(values[name]);
    if (!/^\d+$/.test(values[name] ?? '') || n < min || n > max) problems.push(`--${name} must be ${min}-${max}`);
    return n;
  };
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(values.domain ?? '')) {
    problems.push('--domain must be a host name such as echo.example.org');
  }
  if (!values['internal-ca'] && !/^[^@\s]+@[^@\s]+$/.test(values.email ?? '')) {
    problems.push('--email must be an email address (Let’s Encrypt writes to it about the certificate)');
  }
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
  for (const name of ['public-ip', 'private-ip', 'turn-listen-ip']) {
    const v = values[name];
    if ((v !== undefined || name === 'public-ip') && !(ipv4.test(v ?? '') && v.split('.').every((p) => +p < 256))) {
      problems.push(`--${name} must be an IPv4 address`);
    }
  }
  if (!values.out) problems.push('--out must name the directory to write into');
  const relay = /^(\d+)-(\d+)$/.exec(values['relay-ports']);
  if (!relay || +relay[1] < 1024 || +relay[2] > 65535 || +relay[1] >= +relay[2]) {
    problems.push('--relay-ports must be a range such as 49160-49999');
  }
  const options = {
    ...values,
    instances: int('instances', 1, 8),
    workers: int('workers', 1, 64),
    hubPort: int('hub-port', 1, 65535 - 8),
    turnPort: int('turn-port', 1, 65535),
    turnTlsPort: int('turn-tls-port', 1, 65535),
    relayPorts: relay ? [+relay[1], +relay[2]] : [],
  };
  if (values.compose && options.instances !== 1) problems.push('--instances is fixed at two hubs with --compose');
  if (problems.length) throw new Error(problems.join('\n'));
  return options;
}

/** KEY=value lines of an env file (systemd EnvironmentFile, dotenv and docker compose read the same). */
function parseEnv(text) {
  return Object.fromEntries(
    text
      .split('\n')
      .map((l) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(l.trim()))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
}
const envFile = (header, vars) =>
  `# ${header}\n${Object.entries(vars)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;

/** Fills {{NAME}} placeholders; a line holding only a placeholder that is empty goes away. */
const fill = (template, vars) =>
  template
    .replace(/^[\t ]*\{\{([A-Z_]+)\}\}\n/gm, (line, key) => (vars[key] === '' ? '' : line))
    .replace(/\{\{([A-Z_]+)\}\}/g, (_, key) => {
      if (!(key in vars)) throw new Error(`template placeholder {{${key}}} has no value`);
      return vars[key];
    });
const template = (name) => readFileSync(join(here, 'templates', name), 'utf8');
const secret = () => randomBytes(32).toString('hex');

/**
 * Each instance on one host gets its own ports: PORT counts up from --hub-port, the WebRtcServer ports
 * (one per worker) in steps of 100 from 40000, the recording transports and ffmpeg ports in 1000s above.
 */
function instancePorts(i, o) {
  return {
    PORT: o.hubPort + i,
    RTC_PORT: 40000 + 100 * i,
    RTC_MIN_PORT: 41000 + 1000 * i,
    RTC_MAX_PORT: 41999 + 1000 * i,
    RECORDING_PORT_MIN: 50000 + 1000 * i,
    RECORDING_PORT_MAX: 50999 + 1000 * i,
  };
}

/** The files to write, by name: { 'Caddyfile': '...', ... }. */
function render(o, existing = {}) {
  const secrets = {
    AUTH_SECRET: existing.AUTH_SECRET ?? secret(),
    TURN_SECRET: existing.TURN_SECRET ?? secret(),
    DB_PASSWORD:
      existing.POSTGRES_PASSWORD ?? /^postgres:\/\/[^:]+:([^@]+)@/.exec(existing.DATABASE_URL ?? '')?.[1] ?? secret(),
  };
  const turnUrls = [
    `turns:${o.domain}:${o.turnTlsPort}?transport=tcp`,
    `turn:${o.domain}:${o.turnPort}?transport=udp`,
    `turn:${o.domain}:${o.turnPort}?transport=tcp`,
  ].join(',');
  const caddyGlobal = [
    o.email && `email ${o.email}`,
    o['caddy-admin'] && `admin ${o['caddy-admin']}`,
    o.bind && `default_bind ${o.bind}`,
    o['http-port'] && `http_port ${o['http-port']}`,
    o['https-port'] && `https_port ${o['https-port']}`,
    o['internal-ca'] && 'local_certs',
    o['internal-ca'] && 'skip_install_trust',
  ].filter(Boolean);
  const upstreams = o.compose
    ? ['hub-1:3000', 'hub-2:3000']
    : Array.from({ length: o.instances }, (_, i) => `127.0.0.1:${o.hubPort + i}`);
  const caddyfile = fill(template('Caddyfile.tpl'), {
    GLOBAL_OPTIONS: caddyGlobal.map((l) => `\t${l}`).join('\n'),
    SITE: o['https-port'] ? `${o.domain}:${o['https-port']}` : o.domain,
    TLS: o['internal-ca'] ? '\ttls internal' : '',
    UPSTREAMS: upstreams.join(' '),
  });
  // In compose, coturn reads Caddy's certificate from Caddy's data volume (mounted at /caddy).
  const certDir = o.compose
    ? `/caddy/caddy/certificates/acme-v02.api.letsencrypt.org-directory/${o.domain}`
    : o['turn-cert-dir'];
  const [certFile, keyFile] = o.compose ? [`${o.domain}.crt`, `${o.domain}.key`] : ['turn.crt', 'turn.key'];
  const loopback = o['public-ip'].startsWith('127.');
  const turnserver = fill(template('turnserver.conf.tpl'), {
    DOMAIN: o.domain,
    LISTENING_IPS: o['turn-listen-ip'] ? `listening-ip=${o['turn-listen-ip']}\nrelay-ip=${o['turn-listen-ip']}` : '',
    TURN_PORT: o.turnPort,
    TURN_TLS_PORT: o.turnTlsPort,
    TURN_CERT: join(certDir, certFile),
    TURN_KEY: join(certDir, keyFile),
    RELAY_MIN_PORT: o.relayPorts[0],
    RELAY_MAX_PORT: o.relayPorts[1],
    EXTERNAL_IP: o['private-ip'] ? `external-ip=${o['public-ip']}/${o['private-ip']}` : '',
    TURN_SECRET: secrets.TURN_SECRET,
    USER_QUOTA: 12,
    TOTAL_QUOTA: 1200,
    MAX_BPS: 500000,
    // Only for a hub whose media address is on loopback (tests): denied-peer-ip still refuses the rest of 127/8.
    LOOPBACK: loopback ? 'allow-loopback-peers' : '',
    MEDIA_IP: o['public-ip'],
    LOG_FILE: o.compose ? 'stdout' : o['turn-log'],
  });

  if (o.compose) {
    return {
      '.env': envFile('Read by docker compose for docker/compose.yml; written by deploy/render.mjs --compose.', {
        DOMAIN: o.domain,
        PUBLIC_IP: o['public-ip'],
        AUTH_SECRET: secrets.AUTH_SECRET,
        TURN_SECRET: secrets.TURN_SECRET,
        POSTGRES_PASSWORD: secrets.DB_PASSWORD,
        TURN_TLS_PORT: o.turnTlsPort,
        TURN_PORT: o.turnPort,
      }),
      Caddyfile: caddyfile,
      'turnserver.conf': turnserver,
    };
  }

  const files = {
    'echo-hub.env': envFile('Settings every ECHO Hub instance on this host shares; written by deploy/render.mjs.', {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATA_DIR: o['data-dir'],
      DATABASE_URL: `postgres://echo_hub:${secrets.DB_PASSWORD}@127.0.0.1:5432/echo_hub`,
      REDIS_URL: 'redis://127.0.0.1:6379',
      AUTH_SECRET: secrets.AUTH_SECRET,
      PUBLIC_URL: `https://${o.domain}${o['https-port'] ? `:${o['https-port']}` : ''}`,
      MEDIASOUP_WORKERS: o.workers,
      MEDIASOUP_WORKER_BIN: o['worker-bin'],
      RTC_LISTEN_IP: '0.0.0.0',
      RTC_ANNOUNCED_IP: o['public-ip'],
      TURN_URLS: turnUrls,
      TURN_SECRET: secrets.TURN_SECRET,
    }),
    Caddyfile: caddyfile,
    'turnserver.conf': turnserver,
  };
  for (let i = 0; i < o.instances; i++) {
    files[`instance-${i + 1}.env`] = envFile(
      `ECHO Hub instance ${i + 1}: its own ports (echo-hub@${i + 1}.service).`,
      instancePorts(i, o),
    );
  }
  const unitVars = {
    APP_DIR: o['app-dir'],
    CONF_DIR: o['conf-dir'],
    DATA_DIR: o['data-dir'],
    NODE: o.node,
    DOMAIN: o.domain,
    TURN_CERT_DIR: o['turn-cert-dir'],
  };
  for (const unit of readdirSync(join(here, 'systemd'))) {
    files[unit] = fill(readFileSync(join(here, 'systemd', unit), 'utf8'), unitVars);
  }
  return files;
}

/** The firewall openings the rendered configuration needs, one line each. */
function ports(o) {
  const last = instancePorts(o.compose ? 1 : o.instances - 1, o);
  const rtcLast = o.compose ? 40003 : last.RTC_PORT + o.workers - 1;
  return [
    `${o['http-port'] ?? 80}/tcp (HTTP: certificate challenges, redirect to HTTPS)`,
    `${o['https-port'] ?? 443}/tcp and /udp (HTTPS and HTTP/3)`,
    `${o.turnPort}/udp and /tcp (TURN)`,
    `${o.turnTlsPort}/tcp (TURN over TLS)`,
    `${o.relayPorts[0]}-${o.relayPorts[1]}/udp (TURN relay)`,
    `40000-${rtcLast}/udp and /tcp (WebRTC media${o.instances > 1 || o.compose ? ', every instance' : ''})`,
  ];
}

function main() {
  let o;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${usage()}`);
    process.exit(2);
  }
  if (o.help) {
    console.log(usage());
    return;
  }
  const existingFile = join(o.out, o.compose ? '.env' : 'echo-hub.env');
  const existing = existsSync(existingFile) ? parseEnv(readFileSync(existingFile, 'utf8')) : {};
  mkdirSync(o.out, { recursive: true });
  for (const [name, text] of Object.entries(render(o, existing))) {
    const secretFile = name.endsWith('.env') || name === 'turnserver.conf';
    writeFileSync(join(o.out, name), text, { mode: secretFile ? 0o640 : 0o644 });
    console.log(`wrote ${join(o.out, name)}`);
  }
  console.log(
    `open these ports:\n${ports(o)
      .map((p) => `  ${p}`)
      .join('\n')}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
