import { PERMISSIONS, type ProgramRole } from '@echo-hub/protocol';
import type { AuthUser } from '../auth/auth.types';

/** Who is behind a socket, once it has joined a session. */
export interface LiveClient {
  socketId: string;
  user: AuthUser;
  sessionId?: string;
  host?: boolean;
  attendanceId?: string;
  /** On the instance the socket is connected to: the owner instance its session's calls are bridged to. */
  owner?: string;
}

export type LiveRole = ProgramRole | 'admin';

/** Run the room: open it, change phase, mute, remove, record, end (`live.host` in the permission table). */
export const HOST_ROLES: LiveRole[] = ['admin', ...PERMISSIONS['live.host']];
/** The hub team skips the lobby; spokes wait until a host opens the room (`live.join-closed`). */
export const HUB_ROLES: LiveRole[] = ['admin', ...PERMISSIONS['live.join-closed']];
/** Who writes the open case's recommendations in the shared editor (`live.write-notes`). */
export const NOTE_WRITER_ROLES: LiveRole[] = ['admin', ...PERMISSIONS['live.write-notes']];
/** Who asks, launches, closes and shares polls in the room (`live.run-polls`). */
export const POLL_ROLES: LiveRole[] = ['admin', ...PERMISSIONS['live.run-polls']];
/** Who splits the room into breakout rooms, moves people, broadcasts to the rooms and ends them (`live.run-breakouts`). */
export const BREAKOUT_ROLES: LiveRole[] = ['admin', ...PERMISSIONS['live.run-breakouts']];
