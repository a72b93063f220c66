import {
  type Breakouts,
  type BreakoutStartRequest,
  HandLimits,
  type LiveParticipant,
  type RoomState,
  sameMediaScope,
} from '@echo-hub/protocol';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RateLimitService } from '../common/rate-limit.service';
import { nowIso } from '../database/columns';
import type { LiveRoom } from './live-room';
import { forbidden, invalid, notFound, withinLimit } from './live.errors';
import { BREAKOUT_ROLES, type LiveClient } from './live.types';
import { RoomRecording } from './room-recording';
import { RoomRegistry } from './room-registry';
import { participantOf } from './room-state';

/** The title of the recording that starts again when breakouts end (one was running when they started). */
export const AFTER_BREAKOUTS_TITLE = 'Session recording (after breakouts)';

/**
 * Breakout rooms: the hub team splits the room into rooms, each its own media scope on the session's one router
 * (consumers only between people of the same room; LiveMedia refuses the others and a move closes them), moves
 * people and joins rooms, broadcasts a message to every room, and ends them (or their timer does): everyone is
 * back in the main room, in the same sockets and transports, so nobody reloads and attendance never closes.
 * The assignment is room state (`breakouts`), so it survives a restart or a takeover. Recording never follows
 * into breakouts: a running recording is stopped when they start and a new one starts when they end.
 */
@Injectable()
export class LiveBreakouts implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveBreakouts.name);
  /** The timer of each session's breakouts on this instance (the owner), by session id. */
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly recording: RoomRecording,
    private readonly limits: RateLimitService,
  ) {}

  async start(client: LiveClient, req: BreakoutStartRequest): Promise<void> {
    const room = await this.runner(client);
    const state = await room.state();
    if (state.breakouts) throw invalid('Breakouts are already running: end them first');
    const groups = req.split === 'hand' ? byHand(state, req) : byRule(state, req.split, req.rooms);
    const names = groups.map((g, i) => (req.split === 'site' ? siteNames(state, g) : '') || `Room ${i + 1}`);
    const minutes = req.minutes ?? null;
    const recordingPaused = state.recording;
    if (recordingPaused) await this.recording.stop(room);
    const breakouts: Breakouts = {
      rooms: groups.map((userIds, i) => ({ id: randomUUID(), name: names[i]!, userIds, helpAt: null })),
      startedAt: nowIso(),
      endsAt: minutes ? new Date(Date.now() + minutes * 60_000).toISOString() : null,
      message: null,
      recordingPaused,
    };
    await room.change(({ state: s }) => (s.breakouts ? {} : { set: { breakouts } }));
    await this.scopesChanged(room);
    this.arm(room, breakouts.endsAt);
  }

  /** A host ends the breakouts: everyone is back in the main room. */
  async end(client: LiveClient): Promise<void> {
    const room = await this.runner(client);
    if (!(await room.state()).breakouts) throw invalid('No breakouts are running');
    await this.finish(room);
  }

  async broadcast(client: LiveClient, text: string): Promise<void> {
    const room = await this.runner(client);
    const message = text.trim();
    if (!message) throw invalid('text: write the message to send to every room');
    await this.changeBreakouts(room, (b) => ({
      ...b,
      message: { text: message, from: client.user.displayName, at: nowIso() },
    }));
  }

  /** Moves someone (or the caller: joining a room) to a breakout room, or back to the main room (null). */
  async move(client: LiveClient, userId: string | undefined, roomId: string | null): Promise<void> {
    const room = await this.runner(client);
    const who = userId ?? client.user.id;
    const state = await room.state();
    if (!state.breakouts) throw invalid('No breakouts are running');
    if (!participantOf(state, who)) throw notFound('userId is not in this session');
    if (roomId !== null && !state.breakouts.rooms.some((r) => r.id === roomId)) {
      throw notFound('roomId: no such breakout room');
    }
    const hub = BREAKOUT_ROLES.includes(participantOf(state, who)!.role);
    await this.changeBreakouts(room, (b) => ({
      ...b,
      rooms: b.rooms.map((r) => {
        const userIds = r.userIds.filter((id) => id !== who);
        if (r.id !== roomId) return { ...r, userIds };
        // A host coming into a room that asked for help answers it.
        return { ...r, userIds: [...userIds, who], helpAt: hub ? null : r.helpAt };
      }),
    }));
    await this.scopesChanged(room);
  }

  /** Someone in a breakout room asks for a host (or withdraws it); the hub team sees which room asks. */
  async help(client: LiveClient, on: boolean): Promise<void> {
    const room = await this.rooms.joined(client, { media: true });
    await withinLimit(this.limits, client, room.sessionId, 'help requests', HandLimits.perMinute);
    const state = await room.state();
    const mine = state.breakouts?.rooms.find((r) => r.userIds.includes(client.user.id));
    if (!mine) throw invalid('You are not in a breakout room');
    await this.changeBreakouts(room, (b) => ({
      ...b,
      rooms: b.rooms.map((r) => (r.id === mine.id ? { ...r, helpAt: on ? (r.helpAt ?? nowIso()) : null } : r)),
    }));
  }

  /** A room opened again on kept state (restart, takeover): the timer of breakouts running then goes on. */
  recover(room: LiveRoom, before: RoomState): void {
    if (before.breakouts) this.arm(room, before.breakouts.endsAt);
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Everyone back to the main room; a recording paused by the breakouts starts again. */
  private async finish(room: LiveRoom): Promise<void> {
    clearTimeout(this.timers.get(room.sessionId));
    this.timers.delete(room.sessionId);
    let ended: Breakouts | null = null;
    await room.change(({ state }) => {
      ended = state.breakouts;
      return ended ? { set: { breakouts: null } } : {};
    });
    if (!ended) return;
    await this.scopesChanged(room);
    if ((ended as Breakouts).recordingPaused) await this.recording.start(room, 'manual', AFTER_BREAKOUTS_TITLE, '');
  }

  private arm(room: LiveRoom, endsAt: string | null): void {
    clearTimeout(this.timers.get(room.sessionId));
    this.timers.delete(room.sessionId);
    if (!endsAt) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(room.sessionId);
        this.finish(room).catch((e: Error) => this.logger.warn(`breakouts of ${room.sessionId}: ${e.message}`));
      },
      Math.max(0, Date.parse(endsAt) - Date.now()),
    );
    timer.unref();
    this.timers.set(room.sessionId, timer);
  }

  private async changeBreakouts(room: LiveRoom, change: (b: Breakouts) => Breakouts): Promise<void> {
    await room.change(({ state }) => {
      if (!state.breakouts) throw invalid('No breakouts are running');
      return { set: { breakouts: change(state.breakouts) } };
    });
  }

  /** After a move: consumers between rooms close, video forwarding follows the rooms (clients consume the rest). */
  private async scopesChanged(room: LiveRoom): Promise<void> {
    const state = await room.state();
    room.media?.closeConsumers((receiverId, ownerId) => sameMediaScope(state, receiverId, ownerId));
    await room.updateVideoForwarding();
  }

  private async runner(client: LiveClient): Promise<LiveRoom> {
    const room = await this.rooms.joined(client);
    const role = participantOf(await room.state(), client.user.id)?.role;
    if (!client.host && !(role && BREAKOUT_ROLES.includes(role))) {
      throw forbidden('Only the hub team (facilitator, coordinator, expert) may run breakout rooms');
    }
    return room;
  }
}

/** The people a split sends to rooms: everyone past the lobby but those who run breakouts (they stay and visit). */
const splittable = (state: RoomState): LiveParticipant[] =>
  state.participants.filter((p) => p.admitted && !BREAKOUT_ROLES.includes(p.role));

/** By site (each site's people together, the largest site first into the emptiest room) or at random (dealt). */
function byRule(state: RoomState, split: 'site' | 'random', count: number): string[][] {
  const rooms: string[][] = Array.from({ length: count }, () => []);
  const people = splittable(state);
  if (split === 'random') {
    shuffle(people).forEach((p, i) => rooms[i % count]!.push(p.userId));
    return rooms;
  }
  const sites = new Map<string, string[]>();
  for (const p of people) {
    const key = p.siteId ?? `person:${p.userId}`;
    sites.set(key, [...(sites.get(key) ?? []), p.userId]);
  }
  for (const group of [...sites.values()].sort((a, b) => b.length - a.length)) {
    rooms.reduce((least, r) => (r.length < least.length ? r : least)).push(...group);
  }
  return rooms;
}

function byHand(state: RoomState, req: BreakoutStartRequest): string[][] {
  const rooms: string[][] = Array.from({ length: req.rooms }, () => []);
  const placed = new Set<string>();
  for (const { userId, room } of req.assignments ?? []) {
    if (!participantOf(state, userId)) throw notFound(`assignments: ${userId} is not in this session`);
    if (room >= req.rooms)
      throw invalid(`assignments: room ${room} is beyond the ${req.rooms} rooms (0 to ${req.rooms - 1})`);
    if (placed.has(userId)) throw invalid(`assignments: ${userId} is listed twice`);
    placed.add(userId);
    rooms[room]!.push(userId);
  }
  return rooms;
}

const siteNames = (state: RoomState, userIds: string[]): string =>
  [...new Set(userIds.map((id) => participantOf(state, id)?.siteName).filter(Boolean))].join(', ');

function shuffle<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
