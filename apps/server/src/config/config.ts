import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { CAPTIONS_ENGINES, type CaptionsConfig, type CaptionsEngineName } from '../captions/engine';
import { cachedWorkerBin } from './worker-bin';
import { STORAGE_URL_PATTERN, type StorageConfig, storageConfig, storageProblems } from './storage-config';

const TURN_URL = String.raw`turns?:(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\?transport=(udp|tcp))?`;
const TURN_URLS = new RegExp(`^${TURN_URL}(\\s*,\\s*${TURN_URL})*$`);

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every environment variable the server reads, with its default. Validated once at
 * boot; a bad value stops the start with one line naming the variable.
 * Keep README.md's configuration table and .env.example in step with this class.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @IsString()
  HOST = '0.0.0.0';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number (1-65535)' })
  @Min(1, { message: 'must be an integer port number (1-65535)' })
  @Max(65535, { message: 'must be an integer port number (1-65535)' })
  PORT = 3000;

  @IsString()
  DATA_DIR = './data';

  @IsOptional()
  @Matches(/^(sqlite:|postgres(ql)?:\/\/)/, { message: 'must start with sqlite: (a file path) or postgres://' })
  DATABASE_URL?: string = undefined;

  // Scaling out: shared Redis for socket.io, rate limits and scheduled jobs (unset: one process, nothing needed).
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of workers (1-64)' })
  @Min(1, { message: 'must be a whole number of workers (1-64)' })
  @Max(64, { message: 'must be a whole number of workers (1-64)' })
  MEDIASOUP_WORKERS = cpus().length;

  @IsString()
  MEDIASOUP_WORKER_BIN = cachedWorkerBin();

  @IsIn(['debug', 'warn', 'error', 'none'])
  MEDIASOUP_LOG_LEVEL: 'debug' | 'warn' | 'error' | 'none' = 'warn';

  @IsIP(undefined, { message: 'must be an IP address' })
  RTC_LISTEN_IP = '127.0.0.1';

  @IsOptional()
  @IsString()
  RTC_ANNOUNCED_IP?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number (1024-65535)' })
  @Min(1024, { message: 'must be an integer port number (1024-65535)' })
  @Max(65535, { message: 'must be an integer port number (1024-65535)' })
  RTC_PORT = 40000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number (1024-65535)' })
  @Min(1024, { message: 'must be an integer port number (1024-65535)' })
  @Max(65535, { message: 'must be an integer port number (1024-65535)' })
  RTC_MIN_PORT = 40100;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number (1024-65535)' })
  @Min(1024, { message: 'must be an integer port number (1024-65535)' })
  @Max(65535, { message: 'must be an integer port number (1024-65535)' })
  RTC_MAX_PORT = 40999;

  // ---- TURN and ICE over TCP (issue 15) ----
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number (1-65535)' })
  @Min(1, { message: 'must be an integer port number (1-65535)' })
  @Max(65535, { message: 'must be an integer port number (1-65535)' })
  RTC_TCP_PORT?: number = undefined;

  @IsOptional()
  @Matches(TURN_URLS, {
    message: 'must be comma-separated turn: or turns: URLs, e.g. turns:turn.example.org:443?transport=tcp',
  })
  TURN_URLS?: string = undefined;

  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters (the static-auth-secret coturn checks)' })
  TURN_SECRET?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds (600-604800)' })
  @Min(600, { message: 'must be a whole number of seconds (600-604800)' })
  @Max(604800, { message: 'must be a whole number of seconds (600-604800)' })
  TURN_TTL_SECONDS = 6 * 3600;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of videos (1-49)' })
  @Min(1, { message: 'must be a whole number of videos (1-49)' })
  @Max(49, { message: 'must be a whole number of videos (1-49)' })
  LAST_N = 9;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  @IsString()
  WEB_DIST_DIR = join(__dirname, '..', '..', '..', 'web', 'dist');

  @IsOptional()
  @IsString()
  RECORDINGS_DIR?: string = undefined;

  // Object storage: unset, files stay on local disk; s3://… puts them in an S3-compatible bucket.
  @IsOptional()
  @Matches(STORAGE_URL_PATTERN, { message: 'must be s3://bucket or s3://bucket/prefix (unset: local disk)' })
  STORAGE_URL?: string = undefined;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be a URL such as http://minio:9000' })
  S3_ENDPOINT?: string = undefined;

  @IsString()
  S3_REGION = 'us-east-1';

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string = undefined;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string = undefined;

  @IsOptional()
  @IsIn(['true', 'false'])
  S3_FORCE_PATH_STYLE?: 'true' | 'false' = undefined;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number (1024-65535)' })
  @Min(1024, { message: 'must be an integer port number (1024-65535)' })
  @Max(65535, { message: 'must be an integer port number (1024-65535)' })
  RECORDING_PORT_MIN = 42000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number (1024-65535)' })
  @Min(1024, { message: 'must be an integer port number (1024-65535)' })
  @Max(65535, { message: 'must be an integer port number (1024-65535)' })
  RECORDING_PORT_MAX = 42999;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days (1-3650)' })
  @Min(1, { message: 'must be a whole number of days (1-3650)' })
  @Max(3650, { message: 'must be a whole number of days (1-3650)' })
  RECORDINGS_RETENTION_DAYS = 365;

  @IsString()
  FFMPEG_PATH = 'ffmpeg';

  // Captions (issue #19): the offline engine of automatic captions.
  @IsIn(CAPTIONS_ENGINES, { message: `must be one of ${CAPTIONS_ENGINES.join(', ')}` })
  CAPTIONS_ENGINE: CaptionsEngineName = 'off';

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'must be a URL such as http://127.0.0.1:8080/inference' },
  )
  CAPTIONS_URL?: string = undefined;

  @IsString()
  POCKETSPHINX_PATH = 'pocketsphinx_continuous';

  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUTH_SECRET?: string = undefined;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be a URL such as https://echo.example.org' })
  PUBLIC_URL?: string = undefined;

  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  @IsString()
  MAIL_FROM = 'ECHO Hub <no-reply@localhost>';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of attempts per minute (1-1000)' })
  @Min(1, { message: 'must be a whole number of attempts per minute (1-1000)' })
  @Max(1000, { message: 'must be a whole number of attempts per minute (1-1000)' })
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of attempts per 15 minutes (1-10000)' })
  @Min(1, { message: 'must be a whole number of attempts per 15 minutes (1-10000)' })
  @Max(10000, { message: 'must be a whole number of attempts per 15 minutes (1-10000)' })
  LOGIN_ADDRESS_RATE_LIMIT = 50;

  @IsString()
  TRUST_PROXY = 'loopback';

  // ---- Operations (issue 22) ----
  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters (Prometheus sends it as a bearer token)' })
  METRICS_TOKEN?: string = undefined;
}

export interface AppConfig {
  env: EnvironmentVariables['NODE_ENV'];
  host: string;
  port: number;
  dataDir: string;
  database: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
  /** Shared Redis of several instances; undefined on one process. */
  redis?: { url: string };
  mediasoup: {
    workers: number;
    workerBin: string;
    logLevel: EnvironmentVariables['MEDIASOUP_LOG_LEVEL'];
    listenIp: string;
    announcedIp?: string;
    /** WebRtcServer port of the first worker; worker i listens on port + i (UDP and TCP). */
    port: number;
    minPort: number;
    maxPort: number;
    /** How many videos are forwarded to each participant at most (audio always flows from everyone). */
    lastN: number;
    /** An extra TCP port (e.g. 443) the first worker's WebRtcServer also listens on for ICE over TCP. */
    tcpPort?: number;
  };
  /** TURN servers handed to admitted participants with credentials valid for `ttlSeconds`; unset: no relay. */
  turn?: TurnConfig;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  webDistDir: string;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client address (false: none). */
  trustProxy: string | false;
  auth: {
    secret?: string;
    /** Sign-in attempts per minute per client address and account. */
    loginRateLimit: number;
    /** Sign-in attempts per 15 minutes per client address, whatever the account (password spraying). */
    loginAddressRateLimit: number;
  };
  recordings: { dir: string; portMin: number; portMax: number; retentionDays: number; ffmpeg: string };
  captions: CaptionsConfig;
  storage: StorageConfig;
  /** Base URL for links in emails and calendar feeds. */
  publicUrl: string;
  mail: { smtpUrl?: string; from: string };
  /** GET /api/metrics answers the bearer of this token only; unset, metrics are off (404). */
  metrics: { token?: string };
}

export interface TurnConfig {
  urls: string[];
  secret: string;
  ttlSeconds: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

/** Parses and validates the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const given = Object.fromEntries(Object.entries(source).filter(([k, v]) => known.includes(k) && v !== ''));
  const env = plainToInstance(EnvironmentVariables, given);
  const problems = validateSync(env).map((e) => {
    const message = Object.values(e.constraints ?? {})[0] ?? 'is invalid';
    const bare = message.startsWith(e.property) ? message.slice(e.property.length + 1) : message;
    return `${e.property} ${bare} (got ${JSON.stringify(given[e.property])})`;
  });
  if (env.RTC_MIN_PORT > env.RTC_MAX_PORT) problems.push('RTC_MIN_PORT must not be above RTC_MAX_PORT');
  const webRtcPorts = [env.RTC_PORT, env.RTC_PORT + env.MEDIASOUP_WORKERS - 1];
  if (webRtcPorts[1] >= env.RTC_MIN_PORT && webRtcPorts[0] <= env.RTC_MAX_PORT) {
    problems.push(`RTC_PORT ${webRtcPorts.join('-')} (one per worker) overlaps RTC_MIN_PORT-RTC_MAX_PORT`);
  }
  problems.push(...turnProblems(env, webRtcPorts));
  if (env.CAPTIONS_ENGINE === 'http' && !env.CAPTIONS_URL)
    problems.push('CAPTIONS_URL is required when CAPTIONS_ENGINE=http');
  if (env.RECORDING_PORT_MIN + 31 > env.RECORDING_PORT_MAX) {
    problems.push('RECORDING_PORT_MAX must be at least RECORDING_PORT_MIN + 31 (32 ports per recording)');
  }
  problems.push(...storageProblems(env));
  if (!existsSync(env.MEDIASOUP_WORKER_BIN)) {
    problems.push(`MEDIASOUP_WORKER_BIN has no worker at ${env.MEDIASOUP_WORKER_BIN} (run: npm run setup)`);
  }
  if (env.REDIS_URL && !env.AUTH_SECRET) {
    problems.push('AUTH_SECRET must be set when REDIS_URL is (every instance signs and checks the same tokens)');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);

  const dataDir = resolve(env.DATA_DIR);
  const url = env.DATABASE_URL ?? `sqlite:${join(dataDir, 'echo-hub.sqlite')}`;
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    dataDir,
    database: url.startsWith('sqlite:')
      ? { type: 'sqlite', path: resolve(url.slice('sqlite:'.length)) }
      : { type: 'postgres', url },
    redis: env.REDIS_URL ? { url: env.REDIS_URL } : undefined,
    mediasoup: {
      workers: env.MEDIASOUP_WORKERS,
      workerBin: env.MEDIASOUP_WORKER_BIN,
      logLevel: env.MEDIASOUP_LOG_LEVEL,
      listenIp: env.RTC_LISTEN_IP,
      announcedIp: env.RTC_ANNOUNCED_IP,
      port: env.RTC_PORT,
      minPort: env.RTC_MIN_PORT,
      maxPort: env.RTC_MAX_PORT,
      lastN: env.LAST_N,
      tcpPort: env.RTC_TCP_PORT,
    },
    turn:
      env.TURN_URLS && env.TURN_SECRET
        ? {
            urls: env.TURN_URLS.split(',').map((u) => u.trim()),
            secret: env.TURN_SECRET,
            ttlSeconds: env.TURN_TTL_SECONDS,
          }
        : undefined,
    logLevel: env.LOG_LEVEL,
    webDistDir: resolve(env.WEB_DIST_DIR),
    trustProxy: ['false', 'none', ''].includes(env.TRUST_PROXY.trim()) ? false : env.TRUST_PROXY,
    auth: {
      secret: env.AUTH_SECRET,
      loginRateLimit: env.LOGIN_RATE_LIMIT,
      loginAddressRateLimit: env.LOGIN_ADDRESS_RATE_LIMIT,
    },
    recordings: {
      dir: resolve(env.RECORDINGS_DIR ?? join(dataDir, 'recordings')),
      portMin: env.RECORDING_PORT_MIN,
      portMax: env.RECORDING_PORT_MAX,
      retentionDays: env.RECORDINGS_RETENTION_DAYS,
      ffmpeg: env.FFMPEG_PATH,
    },
    storage: storageConfig(env),
    captions: { engine: env.CAPTIONS_ENGINE, url: env.CAPTIONS_URL, pocketsphinx: env.POCKETSPHINX_PATH },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    metrics: { token: env.METRICS_TOKEN },
  };
}

/** TURN needs both its URLs and its secret; RTC_TCP_PORT must not collide with the other media ports. */
function turnProblems(env: EnvironmentVariables, webRtcPorts: number[]): string[] {
  const problems: string[] = [];
  if (env.TURN_URLS && !env.TURN_SECRET) problems.push('TURN_SECRET is required when TURN_URLS is set');
  if (env.TURN_SECRET && !env.TURN_URLS) problems.push('TURN_URLS is required when TURN_SECRET is set');
  const tcp = env.RTC_TCP_PORT;
  if (tcp !== undefined) {
    if (tcp >= webRtcPorts[0] && tcp <= webRtcPorts[1]) problems.push(`RTC_TCP_PORT ${tcp} is one of RTC_PORT's`);
    if (tcp >= env.RTC_MIN_PORT && tcp <= env.RTC_MAX_PORT)
      problems.push(`RTC_TCP_PORT ${tcp} is inside RTC_MIN_PORT-RTC_MAX_PORT`);
    const wildcard = (ip: string) => ip === '0.0.0.0' || ip === '::';
    const sameAddress = env.HOST === env.RTC_LISTEN_IP || wildcard(env.HOST) || wildcard(env.RTC_LISTEN_IP);
    if (tcp === env.PORT && sameAddress) {
      problems.push(`RTC_TCP_PORT ${tcp} is PORT on the same address (give media an RTC_LISTEN_IP of its own)`);
    }
  }
  return problems;
}
