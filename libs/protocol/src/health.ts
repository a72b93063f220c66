/** `GET /api/health`: liveness plus what a newcomer wants to see working. */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: 'ok' | 'error';
  mediasoup: {
    workers: number;
  };
  version: string;
  uptimeSeconds: number;
}
