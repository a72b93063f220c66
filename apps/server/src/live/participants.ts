import { type CoproductionRole, type JoinResponse, LiveErrorCode } from '@echo-hub/protocol';
import { scan } from '@echo-hub/deid';
import { Injectable } from '@nestjs/common';
import { refuseUnconfirmed } from '../deid';
import type { AuthUser } from '../auth/auth.types';
import type { Membership } from '../programs/entities/membership.entity';
import { RealtimeService } from '../realtime/realtime.service';
import { encodeOnce } from '../realtime/shared-encoding';
import type { RightsLost } from '../realtime/rights.service';
import { LiveAttendance } from './attendance';
import type { JoinDto } from './dto/live.dto';
import { type LiveRoom, sessionRoom } from './live-room';
import { forbidden, LiveError, notFound } from './live.errors';
import { LiveRecords } from './live.records';
import { HOST_ROLES, HUB_ROLES, type LiveClient, type LiveRole } from './live.types';
import { RoomLifecycle } from './room-lifecycle';
import { RoomRegistry } from './room-registry';
import { participantOf, updateParticipant } from './room-state';

/** Who is in a room: admission (membership, removal, lock), joining and leaving, removal by a host, the lock. */
@Injectable()
export class LiveParticipants {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly lifecycle: RoomLifecycle,
    private readonly records: LiveRecords,
    private readonly attendance: LiveAttendance,
    private readonly realtime: RealtimeService,
  ) {}

  // ---- co-production roles (issue #20): told by the co-production feature; live knows no co-production ----
  private coproductionRoleOf: (sessionId: string, userId: string) => Promise<CoproductionRole | null> = async () =>
    null;

  provideCoproductionRoles(roleOf: (sessionId: string, userId: string) => Promise<CoproductionRole | null>): void {
    this.coproductionRoleOf = roleOf;
  }

  /** A role given or taken during the session shows at once in a room served here (others show it on rejoin). */
  async showCoproductionRole(sessionId: string, userId: string, role: CoproductionRole | null): Promise<void> {
    await this.rooms
      .get(sessionId)
      ?.change(({ state }) => updateParticipant(state, userId, { coproductionRole: role }));
  }

  async join(client: LiveClient, req: JoinDto): Promise<JoinResponse> {
    const { session, membership } = await this.records.sessionAndMembership(req.sessionId, client.user.id);
    if (!session) throw notFound('sessionId is not a session');
    if (session.status === 'ended' || session.status === 'cancelled') {
      throw new LiveError(
        LiveErrorCode.Ended,
        `This session has ${session.status === 'ended' ? 'ended' : 'been cancelled'}`,
      );
    }
    if (!membership && !client.user.isAdmin) throw forbidden('You are not a member of this program');
    const role: LiveRole = membership?.role ?? 'admin';

    // Read before the state: nothing may come between reading the state and answering (patches sent meanwhile
    // would be missing from what this client starts from).
    const places = await this.records.sitePlaces(session.programId);
    const room = await this.lifecycle.ensure(session);
    const { removed } = await room.shared();
    if (removed.includes(client.user.id)) throw forbidden('A host removed you from this session');
    client.host = HOST_ROLES.includes(role);
    // A socket asking again for the session it is in (to resync) keeps its place and attendance.
    const resync = client.sessionId === session.id && room.sockets.has(client.socketId);
    if (!resync) {
      const coproductionRole = await this.coproductionRoleOf(session.id, client.user.id);
      await this.register(client, room, role, membership, coproductionRole);
    }
    const media = await room.ensureMedia();
    const patches = req.sinceVersion === undefined ? null : await room.since(req.sinceVersion);
    return {
      // No copy: the store never changes a state in place (each change makes a new one), so this one stays as
      // it is, and the joiners that get the same version share its encoding.
      state: patches ? null : encodeOnce(await room.state()),
      patches: patches ?? [],
      routerRtpCapabilities: media.rtpCapabilities,
      mediaEpoch: room.mediaEpoch,
      you: { userId: client.user.id, host: client.host },
      places,
    };
  }

  /** A socket leaves (or drops): its attendance closes; the person stays listed, offline, until they return. */
  async leave(client: LiveClient): Promise<void> {
    const room = client.sessionId ? this.rooms.get(client.sessionId) : undefined;
    await this.attendance.close(client);
    client.sessionId = undefined;
    if (!room || !room.sockets.delete(client.socketId)) return;
    if (room.onlineUserIds().has(client.user.id)) return; // another tab is still there
    room.media?.closePeer(client.user.id);
    await room.change(({ state }) => updateParticipant(state, client.user.id, { online: false, producers: [] }));
    await room.updateVideoForwarding();
  }

  /** A host removes someone: they are sent away, may not come back, and leave the hand queue in one patch. */
  async remove(client: LiveClient, userId: string): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    if (userId === client.user.id) throw new LiveError(LiveErrorCode.Invalid, 'you cannot remove yourself');
    if (!participantOf(await room.state(), userId)) throw notFound('userId is not in this session');
    await room.change(({ removed }) => ({ removed: [...removed, userId] }));
    await this.sendAway(room, userId);
  }

  /**
   * A right ended (RightsService 'lost', on every instance): when it was a membership, the rooms of that program
   * here drop the person (their sockets were closed; a rejoin is refused), and a deleted program's rooms end.
   */
  async rightsLost(lost: RightsLost): Promise<void> {
    if (!lost.programId) return; // a sign-in ended: its sockets were closed, and leave() ran for each
    for (const room of this.rooms.list()) {
      if (room.programId !== lost.programId) continue;
      const { session, membership } = await this.records.sessionAndMembership(room.sessionId, lost.userId);
      if (!session) {
        this.realtime.to(sessionRoom(room.sessionId), 'session:kicked', { reason: 'ended' });
        await this.rooms.delete(room.sessionId);
      } else if (!membership && participantOf(await room.state(), lost.userId)) {
        await this.sendAway(room, lost.userId);
      }
    }
  }

  /** Someone leaves the room for good: told so, their sockets out, attendance closed, off the list and queue. */
  private async sendAway(room: LiveRoom, userId: string): Promise<void> {
    this.realtime.to(`user:${userId}`, 'session:kicked', { reason: 'removed' });
    await this.realtime.leaveAll(userId, sessionRoom(room.sessionId));
    for (const [socketId, uid] of room.sockets) {
      if (uid === userId) {
        await this.leave({ socketId, user: { id: userId } as AuthUser, sessionId: room.sessionId });
      }
    }
    await this.attendance.closeAll(room.sessionId, userId);
    await room.change(({ state }) => ({
      set: { hands: state.hands.filter((h) => h.userId !== userId) },
      participants: { remove: [userId] },
    }));
  }

  async lock(client: LiveClient, locked: boolean): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    await room.change({ set: { locked } });
  }

  /** A host lets people in from the lobby (one, several or all): they get media and the room at once. */
  async admit(client: LiveClient, userIds: string[]): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    const current = await room.state();
    if (userIds.some((id) => !participantOf(current, id))) throw notFound('userIds lists someone not in this session');
    await room.change(({ state }) => {
      const waiting = state.participants.filter((p) => userIds.includes(p.userId) && !p.admitted);
      return waiting.length ? { participants: { upsert: waiting.map((p) => ({ ...p, admitted: true })) } } : {};
    });
  }

  /** A host tells the lobby something ("We start at 12:05"); it passes the de-identification gate (no override). */
  async lobbyMessage(client: LiveClient, text: string): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    const message = text.trim();
    refuseUnconfirmed(
      scan(message).map((f) => ({ ...f, field: 'chat' as const })),
      [],
    );
    await room.change({ set: { lobbyMessage: message || null } });
  }

  /** Adds a socket to a room (leaving any other session first): attendance row, participant online. */
  private async register(
    client: LiveClient,
    room: LiveRoom,
    role: LiveRole,
    membership: Membership | null,
    coproductionRole: CoproductionRole | null,
  ): Promise<void> {
    if (client.sessionId) await this.leave(client);
    client.sessionId = room.sessionId;
    room.sockets.set(client.socketId, client.user.id);
    await this.attendance.open(client, room.sessionId, role, membership?.siteId ?? null);
    await room.change(({ state }) => {
      const known = participantOf(state, client.user.id);
      return {
        participants: {
          upsert: [
            {
              userId: client.user.id,
              displayName: client.user.displayName,
              role,
              siteId: membership?.siteId ?? null,
              siteName: membership?.site?.organisation ?? null,
              participationType: membership?.participationType ?? null,
              online: true,
              producers: known?.online ? known.producers : [],
              present: known?.present ?? null,
              // Someone already let in stays in; a newcomer to a locked room (or before it opens) waits.
              admitted: HUB_ROLES.includes(role) || Boolean(known?.admitted) || (state.open && !state.locked),
              coproductionRole,
            },
          ],
        },
      };
    });
  }
}
