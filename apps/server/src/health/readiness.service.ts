import type { ReadyResponse } from '@echo-hub/protocol';
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** A part's own readiness: why this instance may not take work yet (undefined: ready as far as it goes). */
export type ReadinessCheck = () => ReadyResponse['reason'] | undefined;

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

  private readonly checks: ReadinessCheck[] = [];

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  /** A part that must be up before this instance takes work (e.g. the live bridge's Redis channel). */
  require(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  /** The first reason a part gives for not being ready. */
  notReadyBecause(): ReadyResponse['reason'] {
    for (const check of this.checks) {
      const reason = check();
      if (reason) return reason;
    }
    return undefined;
  }

  drain(): void {
    this.drainingSince ??= new Date();
  }

  beforeApplicationShutdown(): void {
    this.drain();
  }
}
