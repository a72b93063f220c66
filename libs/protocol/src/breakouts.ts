import type { Ack } from './live';

/**
 * Breakout rooms in a live session (issue #19): a host splits the room (by site, at random or by hand) into
 * rooms with their own media scope, optionally on a timer; broadcasts a message to every room; people in a room
 * ask for help; hosts join any room; ending them (or the timer) brings everyone back without a reload.
 * The assignment is part of RoomState (`breakouts`), so it survives restarts and instance changes.
 */

export type BreakoutSplit = 'site' | 'random' | 'hand';
export const BREAKOUT_SPLITS: BreakoutSplit[] = ['site', 'random', 'hand'];

export const BreakoutLimits = { minRooms: 2, maxRooms: 20, maxMinutes: 240, maxMessageLength: 300 } as const;

export interface BreakoutRoom {
  id: string;
  name: string;
  userIds: string[];
  /** When someone in the room asked for help (null: nobody waiting for a host). */
  helpAt: string | null;
}

export interface Breakouts {
  rooms: BreakoutRoom[];
  startedAt: string;
  /** When the timer brings everyone back (null: no timer, a host ends them). */
  endsAt: string | null;
  /** The last message a host broadcast to every room. */
  message: { text: string; from: string; at: string } | null;
  /** A recording was running when breakouts started: it is paused and starts again when they end. */
  recordingPaused: boolean;
}

export interface BreakoutAssignment {
  userId: string;
  /** Index of the room, 0 to rooms − 1. */
  room: number;
}

export interface BreakoutStartRequest {
  split: BreakoutSplit;
  rooms: number;
  /** Minutes until everyone is brought back (omit or null: no timer). */
  minutes?: number | null;
  /** By hand: who goes to which room (anyone not listed stays in the main room). */
  assignments?: BreakoutAssignment[];
}

/** Moves someone (omit `userId`: yourself) to a breakout room, or back to the main room (`roomId` null). */
export interface BreakoutMoveRequest {
  userId?: string;
  roomId: string | null;
}

/** The breakout room someone is in (null: the main room, or no breakouts running). */
export function breakoutOf(state: { breakouts: Breakouts | null }, userId: string): BreakoutRoom | null {
  return state.breakouts?.rooms.find((r) => r.userIds.includes(userId)) ?? null;
}

/** Whether two people share a media scope: the same breakout room, or both in the main room. */
export function sameMediaScope(state: { breakouts: Breakouts | null }, a: string, b: string): boolean {
  return breakoutOf(state, a)?.id === breakoutOf(state, b)?.id;
}

type AckFn<T = undefined> = (ack: Ack<T>) => void;

export interface BreakoutClientToServerEvents {
  /** Hub team (`live.run-breakouts`): splits the room. */
  'breakout:start': (req: BreakoutStartRequest, ack: AckFn) => void;
  /** Hub team: everyone back to the main room. */
  'breakout:end': (req: Record<string, never>, ack: AckFn) => void;
  /** Hub team: a message shown in every room. */
  'breakout:broadcast': (req: { text: string }, ack: AckFn) => void;
  /** Hub team: moves someone (or themselves: joining a room) between rooms. */
  'breakout:move': (req: BreakoutMoveRequest, ack: AckFn) => void;
  /** Someone in a breakout room asks for a host (`on: false` withdraws it). */
  'breakout:help': (req: { on: boolean }, ack: AckFn) => void;
}
