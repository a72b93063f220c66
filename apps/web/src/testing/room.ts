import { emptyRoomState, type LiveParticipant, type RoomState } from '@echo-hub/protocol';

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
  admitted: true,
  ...changes,
});

/** A live room's state: session s1 at version 1, in the lobby, nobody in it, then `changes`. */
export const roomState = (changes: Partial<RoomState>): RoomState => ({
  ...emptyRoomState('s1'),
  version: 1,
  ...changes,
});
