import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, EnvironmentVariables, loadConfig } from './config';

const root = join(__dirname, '..', '..', '..', '..');
const base = { MEDIASOUP_WORKER_BIN: process.execPath }; // any existing file stands in for the worker

describe('loadConfig', () => {
  it('gives defaults that run on one laptop', () => {
    const config = loadConfig({ ...base });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: expect.stringMatching(/data\/echo-hub\.sqlite$/) });
    expect(config.mediasoup.workers).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MEDIASOUP_WORKERS', '0'],
    ['RTC_LISTEN_IP', 'not-an-ip'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['REDIS_URL', 'localhost:6379'],
  ])('rejects %s=%s with one line naming the variable and the value', (name, value) => {
    expect.assertions(3);
    try {
      loadConfig({ ...base, [name]: value });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(new RegExp(`^Invalid configuration: ${name} .*"${value}"`));
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('reads TURN: URLs split on commas, its secret and a default lifetime of 6 hours', () => {
    const config = loadConfig({
      ...base,
      TURN_URLS: 'turns:turn.example.org:443?transport=tcp, turn:turn.example.org:3478?transport=udp',
      TURN_SECRET: 'a-secret-of-16-chars',
    });
    expect(config.turn).toEqual({
      urls: ['turns:turn.example.org:443?transport=tcp', 'turn:turn.example.org:3478?transport=udp'],
      secret: 'a-secret-of-16-chars',
      ttlSeconds: 21600,
    });
    expect(loadConfig({ ...base }).turn).toBeUndefined();
  });

  it.each([
    [
      { TURN_URLS: 'turn:turn.example.org:3478' },
      /^Invalid configuration: TURN_SECRET is required when TURN_URLS is set$/,
    ],
    [{ TURN_SECRET: 'a-secret-of-16-chars' }, /^Invalid configuration: TURN_URLS is required when TURN_SECRET is set$/],
    [
      { TURN_URLS: 'stun:turn.example.org', TURN_SECRET: 'a-secret-of-16-chars' },
      /^Invalid configuration: TURN_URLS must be/,
    ],
    [{ TURN_URLS: 'turn:a.org,https://b.org', TURN_SECRET: 'a-secret-of-16-chars' }, /TURN_URLS must be.*https/],
    [{ TURN_URLS: 'turn:a.org', TURN_SECRET: 'short' }, /^Invalid configuration: TURN_SECRET must be at least 16/],
    [{ RTC_TCP_PORT: '40000' }, /^Invalid configuration: RTC_TCP_PORT 40000 is one of RTC_PORT's$/],
    [{ RTC_TCP_PORT: '40500' }, /RTC_TCP_PORT 40500 is inside RTC_MIN_PORT-RTC_MAX_PORT/],
    [{ RTC_TCP_PORT: '3000' }, /RTC_TCP_PORT 3000 is PORT on the same address/],
  ])('refuses half or bad TURN / ICE-TCP settings (%o)', (env, message) => {
    expect(() => loadConfig({ ...base, MEDIASOUP_WORKERS: '1', ...env })).toThrow(message);
  });

  it('takes RTC_TCP_PORT 443 beside the UDP/TCP RTC_PORT', () => {
    expect(loadConfig({ ...base, RTC_TCP_PORT: '443' }).mediasoup.tcpPort).toBe(443);
    // Pages and media both on 443, each on an address of its own.
    const own = { HOST: '203.0.113.10', PORT: '443', RTC_LISTEN_IP: '203.0.113.11', RTC_TCP_PORT: '443' };
    expect(loadConfig({ ...base, ...own }).mediasoup.tcpPort).toBe(443);
    expect(() => loadConfig({ ...base, ...own, RTC_LISTEN_IP: '203.0.113.10' })).toThrow(
      /RTC_TCP_PORT 443 is PORT on the same address/,
    );
  });

  it('names a missing worker binary and how to build it', () => {
    expect(() => loadConfig({ MEDIASOUP_WORKER_BIN: '/nonexistent/worker' })).toThrow(
      /MEDIASOUP_WORKER_BIN.*npm run setup/,
    );
  });

  it('accepts PostgreSQL URLs', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://hub@db/hub' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://hub@db/hub',
    });
  });

  it('scales out with REDIS_URL only when AUTH_SECRET is shared too', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ ...base }).redis).toBeUndefined();
    expect(loadConfig({ ...base, REDIS_URL: 'rediss://:pw@cache:6380/1', AUTH_SECRET: secret }).redis).toEqual({
      url: 'rediss://:pw@cache:6380/1',
    });
    expect(() => loadConfig({ ...base, REDIS_URL: 'redis://cache:6379' })).toThrow(
      /^Invalid configuration: AUTH_SECRET must be set when REDIS_URL is/,
    );
  });

  it('keeps files on local disk unless STORAGE_URL names a bucket', () => {
    expect(loadConfig({ ...base }).storage).toEqual({ type: 'local' });
    const s3 = { STORAGE_URL: 's3://echo-files/hub-1/', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(loadConfig({ ...base, ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000' }).storage).toEqual({
      type: 's3',
      bucket: 'echo-files',
      prefix: 'hub-1/',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(loadConfig({ ...base, ...s3, STORAGE_URL: 's3://echo-files' }).storage).toMatchObject({
      prefix: '',
      endpoint: undefined,
      forcePathStyle: false,
    });
  });

  it.each([
    [{ STORAGE_URL: 's3://b1', S3_SECRET_ACCESS_KEY: 's' }, 'S3_ACCESS_KEY_ID is required when STORAGE_URL is set'],
    [{ STORAGE_URL: 's3://b1', S3_ACCESS_KEY_ID: 'k' }, 'S3_SECRET_ACCESS_KEY is required when STORAGE_URL is set'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'STORAGE_URL is required (s3://bucket/prefix) when S3_ENDPOINT is set'],
    [{ STORAGE_URL: 'https://bucket', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }, 'STORAGE_URL must be s3://'],
    [{ STORAGE_URL: 's3://Bad_Bucket', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }, 'STORAGE_URL must be s3://'],
  ])('refuses half a storage configuration, naming what is missing or wrong (%j)', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it('.env.example is valid and documents every variable, and so does the README', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=(.*)$/gm)];
    const values = Object.fromEntries(documented.filter((m) => !m[0].startsWith('#')).map((m) => [m[1], m[2]]));
    expect(() => loadConfig({ ...base, ...values })).not.toThrow();
    for (const name of Object.keys(new EnvironmentVariables())) {
      expect(documented.map((m) => m[1])).toContain(name);
      expect(readme).toContain(`\`${name}\``);
    }
  });
});
