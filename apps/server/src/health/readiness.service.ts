import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/**
 * Whether this instance takes new work. SIGTERM drains it first (closeOnSignals): /api/ready
 * answers 503 from then on, so a load balancer sends newcomers elsewhere while the app closes.
 */
@Injectable()
export class ReadinessService implements BeforeApplicationShutdown {
  private drainingSince?: Date;
  private readonly features = new Map<string, () => 'ok' | 'error'>();

  /** A feature reports its own state in /api/health (recordings: whether the last recording failed). */
  reportStatus(feature: string, status: () => 'ok' | 'error'): void {
    this.features.set(feature, status);
  }

  statusOf(feature: string): 'ok' | 'error' {
    return this.features.get(feature)?.() ?? 'ok';
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  drain(): void {
    this.drainingSince ??= new Date();
  }

  beforeApplicationShutdown(): void {
    this.drain();
  }
}
