import { Injectable, Logger } from '@nestjs/common';

type EndedListener = (sessionId: string) => Promise<void>;

/**
 * What happens to a session that other features react to, without the live service knowing
 * them: the live service says a session ended, the impact feature sends its survey.
 */
@Injectable()
export class SessionEvents {
  private readonly logger = new Logger('SessionEvents');
  private readonly endedListeners: EndedListener[] = [];

  onEnded(listener: EndedListener): void {
    this.endedListeners.push(listener);
  }

  /** Runs every listener; one that fails is logged and never fails the caller (ending a session). */
  async ended(sessionId: string): Promise<void> {
    for (const listener of this.endedListeners) {
      try {
        await listener(sessionId);
      } catch (e) {
        this.logger.error(`after session ${sessionId} ended: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
