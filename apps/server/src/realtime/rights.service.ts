import type { ProgramRole } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { RealtimeService } from './realtime.service';

/**
 * A right that ended: sign-ins of a user (sign-out, password change or reset: `authSessionIds`, or every one of
 * theirs with 'all'), or their membership of a program (removed, role changed, program deleted: `programId`).
 */
export interface RightsLost {
  userId: string;
  authSessionIds?: string[] | 'all';
  programId?: string;
}

/** What a sign-in may do now: whether it is an instance admin, and its role in the program asked about. */
export interface CurrentRights {
  isAdmin: boolean;
  role: ProgramRole | null;
}

/** Reads a sign-in's rights from the database: given by the auth module (realtime sits below auth and programs). */
export type RightsReader = (
  user: { id: string; sessionId: string },
  programId?: string,
) => Promise<CurrentRights | null>;

/** How long a checked right is believed without asking the database again (a lost right clears it at once). */
export const RIGHTS_TTL_MS = 5_000;

/**
 * Rights re-checked where they are used, by long-lived connections that authenticated once: sockets (live and
 * community) and recording playback tickets. `current()` answers from the database, cached for RIGHTS_TTL_MS;
 * `lost()` is called by the places that end a right (auth and programs). It clears the cache here and on every
 * other instance (socket.io's server-side emit through the Redis adapter), closes the user's affected sockets
 * wherever they are connected (their clients reconnect and rejoin only what they still may), and emits 'lost'
 * on each instance so the live rooms there drop the person.
 */
@Injectable()
export class RightsService extends EventEmitter<{ lost: [RightsLost] }> {
  private readonly cache = new Map<string, { at: number; rights: CurrentRights | null }>();
  private reader?: RightsReader;

  constructor(private readonly realtime: RealtimeService) {
    super();
    realtime.onServerSide('rights:lost', (lost: RightsLost) => this.forget(lost));
  }

  provideReader(reader: RightsReader): void {
    if (this.reader) throw new Error('the rights reader is provided twice');
    this.reader = reader;
  }

  /**
   * The rights of a sign-in (the auth session in its token) now, in a program when `programId` is given; null
   * when the sign-in has ended. A non-admin outside the program has role null.
   */
  async current(user: { id: string; sessionId: string }, programId?: string): Promise<CurrentRights | null> {
    const key = `${user.id}|${user.sessionId}|${programId ?? ''}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < RIGHTS_TTL_MS) return cached.rights;
    if (!this.reader) throw new Error('no module provided the rights reader (the auth module does)');
    const rights = await this.reader(user, programId);
    this.cache.set(key, { at: Date.now(), rights });
    return rights;
  }

  /** May this sign-in still act in the program (a member, or an instance admin)? */
  async mayUse(user: { id: string; sessionId: string }, programId: string): Promise<boolean> {
    const rights = await this.current(user, programId);
    return rights !== null && (rights.isAdmin || rights.role !== null);
  }

  /** A right ended: forgotten everywhere, the user's sockets concerned closed (on every instance). */
  async lost(lost: RightsLost): Promise<void> {
    this.forget(lost);
    this.realtime.serverSideEmit('rights:lost', lost);
    const ids = lost.authSessionIds;
    const rooms = ids === undefined || ids === 'all' ? [`user:${lost.userId}`] : ids.map((id) => `auth:${id}`);
    if (rooms.length) await this.realtime.disconnect(rooms);
  }

  private forget(lost: RightsLost): void {
    for (const [key] of this.cache) {
      if (key.startsWith(`${lost.userId}|`)) this.cache.delete(key);
    }
    this.emit('lost', lost);
  }
}
