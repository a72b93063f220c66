import { Injectable, Logger } from '@nestjs/common';
import { Listeners } from '../common/listeners';

/**
 * What happens to a session that other features react to, without the live service knowing
 * them: the live service says a session ended, the impact feature sends its survey.
 */
@Injectable()
export class SessionEvents {
  private readonly endedListeners = new Listeners<string>(new Logger('SessionEvents'), (id) => `session ${id} ended`);

  onEnded(listener: (sessionId: string) => Promise<void>): void {
    this.endedListeners.on(listener);
  }

  /** Runs every listener; one that fails is logged and never fails the caller (ending a session). */
  async ended(sessionId: string): Promise<void> {
    await this.endedListeners.emit(sessionId);
  }
}
