/** `GET /api/health`: liveness plus what a newcomer wants to see working. */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: 'ok' | 'error';
  mediasoup: {
    workers: number;
  };
  /** `error` when the last recording failed (the sessions themselves go on). */
  recordings: 'ok' | 'error';
  /** `error` when the file storage (local disk or the S3 bucket) cannot be reached. */
  storage: 'ok' | 'error';
  version: string;
  uptimeSeconds: number;
}
