import type { LiveParticipant, RoomState } from '@echo-hub/protocol';

/** A participant online with no media, named after their id unless said otherwise. */
export const person = (userId: string, changes: Partial<LiveParticipant> = {}): LiveParticipant => ({
  userId,
  displayName: userId,
  role: 'participant',
  siteId: null,
  siteName: null,
  participationType: null,
  online: true,
  producers: [],
  present: null,
  ...changes,
});

/**
 * A live room's state: session s1 at version 1, in the lobby, nobody in it, then `changes`. (A cast, with the newer
 * fields such as videoSpareId, so that specs compile with and without them in the protocol.)
 */
export const roomState = (changes: Partial<RoomState>): RoomState =>
  ({
    sessionId: 's1',
    version: 1,
    phase: 'lobby',
    open: false,
    locked: false,
    timer: { slot: null, startedAt: null, seconds: 0 },
    presenterId: null,
    spotlightId: null,
    activeSpeakerId: null,
    hands: [],
    participants: [],
    chat: [],
    videoUserIds: [],
    videoSpareId: null,
    liveCase: null,
    recording: false,
    endedAt: null,
    ...changes,
  }) as RoomState;
