import type { Logger } from '@nestjs/common';

/**
 * The listeners of one domain event ("session ended", "recommendations sent"): a lower feature emits it
 * without knowing who listens, the features above register from their module. A listener that fails is
 * logged and never fails the emitter.
 */
export class Listeners<T> {
  private readonly listeners: ((event: T) => Promise<void>)[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly what: (event: T) => string,
  ) {}

  on(listener: (event: T) => Promise<void>): void {
    this.listeners.push(listener);
  }

  async emit(event: T): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (e) {
        this.logger.error(`after ${this.what(event)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
