export interface S3Config {
  bucket: string;
  /** Put before every key: '' or ending in '/'. */
  prefix: string;
  /** Unset: AWS itself. */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/** Local disk (DATA_DIR, RECORDINGS_DIR) unless STORAGE_URL names a bucket. */
export type StorageConfig = { type: 'local' } | ({ type: 's3' } & S3Config);

/** The storage variables as EnvironmentVariables holds them (each already checked on its own). */
export interface StorageEnv {
  STORAGE_URL?: string;
  S3_ENDPOINT?: string;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE?: 'true' | 'false';
}

export const STORAGE_URL_PATTERN = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;

/** What is missing from a half-given storage configuration, one line per variable. */
export function storageProblems(env: StorageEnv): string[] {
  if (env.STORAGE_URL) {
    return (['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
      .filter((name) => !env[name])
      .map((name) => `${name} is required when STORAGE_URL is set`);
  }
  const given = (['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const).filter(
    (name) => env[name] !== undefined,
  );
  return given.length ? [`STORAGE_URL is required (s3://bucket/prefix) when ${given.join(', ')} is set`] : [];
}

export function storageConfig(env: StorageEnv): StorageConfig {
  if (!env.STORAGE_URL) return { type: 'local' };
  const [bucket, ...path] = env.STORAGE_URL.slice('s3://'.length).split('/');
  const prefix = path.filter(Boolean).join('/');
  return {
    type: 's3',
    bucket,
    prefix: prefix ? `${prefix}/` : '',
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    // Path-style addressing (host/bucket/key) is what self-hosted S3 servers expect; AWS wants virtual hosts.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(env.S3_ENDPOINT),
  };
}
