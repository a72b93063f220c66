/** `GET /api/health`: liveness plus what a newcomer wants to see working. */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: 'ok' | 'error';
  mediasoup: {
    workers: number;
  };
  /** `error` when the last recording failed (the sessions themselves go on). */
  recordings: 'ok' | 'error';
  /** Present when the hub scales out with REDIS_URL: whether Redis answers. */
  redis?: 'ok' | 'error';
  /** `error` when the file storage (local disk or the S3 bucket) cannot be reached. */
  storage: 'ok' | 'error';
  version: string;
  uptimeSeconds: number;
  /** A new hub: nobody has an account yet (the first to sign up becomes its administrator). */
  firstRun: boolean;
}

/** GET /api/ready, for load balancers: 200 when this instance takes new work, 503 with the reason otherwise. */
export interface ReadyResponse {
  ready: boolean;
  /** Why not: `draining` (shutting down), `db`, `redis`, `mediasoup` or `storage` (down). */
  reason?: 'draining' | 'db' | 'redis' | 'mediasoup' | 'storage';
}
