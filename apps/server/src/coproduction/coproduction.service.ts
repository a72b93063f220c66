import {
  type AccessibilityNeedDto,
  COPRODUCTION_ROLE_LABELS,
  COPRODUCTION_ROLES,
  type CoproductionFigures,
  type CoproductionRole,
  type CoproductionRoleDto,
  LIVED_EXPERIENCE_TYPES,
  type ParticipationType,
} from '@echo-hub/protocol';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { invalidField, notFound } from '../common/domain-error';
import { CommunityAccessService } from '../community';
import { ImpactService, type PersonSession } from '../impact';
import { LiveParticipants } from '../live';
import { RealtimeService } from '../realtime/realtime.service';
import type { EchoSession } from '../sessions';
import { CoproductionRecords, FIGURE_INPUTS, type RolePlace } from './coproduction.records';
import type { AssignRoleDto } from './dto/coproduction.dto';
import type { CoproductionRoleEntity } from './entities/coproduction-role.entity';

/** How long the roles of a session are kept for joins (a hundred people joining: one query). */
const ROLES_TTL_MS = 30_000;

/** Between instances: a session role was given or taken (each forgets its cache and updates a room it serves). */
const ROLE_CHANGED = 'coproduction:roleChanged';
interface RoleChange {
  sessionId: string;
  userId: string;
  role: CoproductionRole | null;
}

const livedExperience = (type: ParticipationType | null | undefined) =>
  type !== null && type !== undefined && LIVED_EXPERIENCE_TYPES.includes(type);

/**
 * Co-production roles: service users and carers (or anyone) as co-facilitators, lived-experience experts or panel
 * members on a session (assigned by its managers) or in a community group; shown in the live participant list,
 * and counted in the impact report. Live and impact know nothing of this feature: it tells them (inverted).
 */
@Injectable()
export class CoproductionService implements OnModuleInit {
  private readonly cache = new Map<string, { roles: Map<string, CoproductionRole>; until: number }>();

  constructor(
    private readonly records: CoproductionRecords,
    private readonly impact: ImpactService,
    private readonly live: LiveParticipants,
    private readonly community: CommunityAccessService,
    private readonly realtime: RealtimeService,
  ) {}

  onModuleInit(): void {
    this.live.provideCoproductionRoles((sessionId, userId) => this.roleOf(sessionId, userId));
    this.impact.provideCoproduction(
      (programId, sessions, present) => this.figures(programId, sessions, present),
      FIGURE_INPUTS,
    );
    // A role changed through another instance: its session's room may be served here, or join here next.
    this.realtime.onServerSide<RoleChange>(ROLE_CHANGED, (change) => void this.show(change));
  }

  // ---- sessions ----------------------------------------------------------------------

  async sessionRoles(sessionId: string): Promise<CoproductionRoleDto[]> {
    return (await this.records.roles({ sessionId })).map(toDto(await this.participationTypes(sessionId)));
  }

  async assignOnSession(sessionId: string, body: AssignRoleDto, by: AuthUser): Promise<CoproductionRoleDto[]> {
    const session = await this.sessionOrFail(sessionId);
    await this.assign(session.programId, { sessionId }, body, by);
    await this.changed({ sessionId, userId: body.userId, role: body.role });
    return this.sessionRoles(sessionId);
  }

  async unassignOnSession(sessionId: string, userId: string): Promise<void> {
    await this.sessionOrFail(sessionId);
    if (!(await this.records.unassign({ sessionId }, userId))) throw notFound(`co-production role of ${userId}`);
    await this.changed({ sessionId, userId, role: null });
  }

  /** A session role given or taken: shown here and told to the other instances (the room may be served there). */
  private async changed(change: RoleChange): Promise<void> {
    this.realtime.serverSideEmit(ROLE_CHANGED, change);
    await this.show(change);
  }

  private async show({ sessionId, userId, role }: RoleChange): Promise<void> {
    this.cache.delete(sessionId);
    await this.live.showCoproductionRole(sessionId, userId, role);
  }

  /** The accessibility needs given at registration by the program's members (for the session's facilitators). */
  async accessibilityNeeds(sessionId: string): Promise<AccessibilityNeedDto[]> {
    const session = await this.sessionOrFail(sessionId);
    const needs = await this.records.accessibilityNeeds(session.programId);
    if (!needs.size) return [];
    const members = [...(await this.records.members(session.programId)).values()];
    return members
      .filter((m) => m.user && needs.has(m.user.email.toLowerCase()))
      .map((m) => ({
        userId: m.userId,
        displayName: m.user?.displayName ?? '',
        needs: needs.get(m.user?.email.toLowerCase() ?? '') ?? '',
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  // ---- groups ------------------------------------------------------------------------

  /** A group's roles, for those who may read the group (403 PRIVATE_GROUP otherwise). */
  async groupRoles(groupId: string, viewer: AuthUser): Promise<CoproductionRoleDto[]> {
    const { group } = await this.community.readableGroup(viewer, groupId);
    const members = await this.records.members(group.programId);
    return (await this.records.roles({ groupId })).map(
      toDto(new Map([...members].map(([id, m]) => [id, m.participationType]))),
    );
  }

  async assignInGroup(groupId: string, body: AssignRoleDto, by: AuthUser): Promise<CoproductionRoleDto[]> {
    const { group } = await this.community.readableGroup(by, groupId);
    await this.assign(group.programId, { groupId }, body, by);
    return this.groupRoles(groupId, by);
  }

  async unassignInGroup(groupId: string, userId: string, by: AuthUser): Promise<void> {
    await this.community.readableGroup(by, groupId);
    if (!(await this.records.unassign({ groupId }, userId))) throw notFound(`co-production role of ${userId}`);
  }

  // ---- what live and impact are told ------------------------------------------------------

  /** Someone's role on a session (for the live participant list), from a short-lived cache of the session's roles. */
  async roleOf(sessionId: string, userId: string): Promise<CoproductionRole | null> {
    const now = Date.now();
    let cached = this.cache.get(sessionId);
    if (!cached || cached.until < now) {
      const rows = await this.records.roles({ sessionId });
      cached = { roles: new Map(rows.map((r) => [r.userId, r.role])), until: now + ROLES_TTL_MS };
      this.cache.set(sessionId, cached);
    }
    return cached.roles.get(userId) ?? null;
  }

  /**
   * Representation by role in the impact report: per role, the sessions where someone in it attended, the people
   * and their hours attended in it; and how many sessions had a service user or carer co-facilitating.
   */
  async figures(programId: string, sessions: EchoSession[], present: PersonSession[]): Promise<CoproductionFigures> {
    const roles = await this.records.sessionRoles(sessions.map((s) => s.id));
    const roleAt = new Map(roles.map((r) => [`${r.sessionId}:${r.userId}`, r.role]));
    const groupRoles = await this.records.groupRoles(programId);
    const members = groupRoles.length ? await this.records.members(programId) : new Map();
    const livedCoFacilitated = new Set<string>();
    const byRole = new Map(
      COPRODUCTION_ROLES.map((role) => [
        role,
        { sessions: new Set<string>(), people: new Set<string>(), lived: new Set<string>(), ms: 0 },
      ]),
    );
    for (const r of present) {
      const role = roleAt.get(`${r.session.id}:${r.userId}`);
      if (!role) continue;
      const figures = byRole.get(role);
      if (!figures) continue;
      figures.sessions.add(r.session.id);
      figures.people.add(r.userId);
      if (livedExperience(r.participationType)) figures.lived.add(r.userId);
      figures.ms += r.ms;
      if (role === 'co_facilitator' && livedExperience(r.participationType)) livedCoFacilitated.add(r.session.id);
    }
    const sessionCount = sessions.length;
    return {
      sessions: sessionCount,
      sessionsWithLivedExperienceCoFacilitator: livedCoFacilitated.size,
      share: sessionCount ? Math.round((livedCoFacilitated.size / sessionCount) * 1000) / 1000 : null,
      byRole: COPRODUCTION_ROLES.map((role) => {
        const f = byRole.get(role) as { sessions: Set<string>; people: Set<string>; lived: Set<string>; ms: number };
        return {
          role,
          label: COPRODUCTION_ROLE_LABELS[role],
          sessions: f.sessions.size,
          people: f.people.size,
          livedExperiencePeople: f.lived.size,
          hours: Math.round((f.ms / 3_600_000) * 10) / 10,
          inGroups: new Set(groupRoles.filter((g) => g.role === role && members.has(g.userId)).map((g) => g.userId))
            .size,
        };
      }),
    };
  }

  // ---- helpers -----------------------------------------------------------------------

  private async sessionOrFail(sessionId: string): Promise<EchoSession> {
    const session = await this.records.session(sessionId);
    if (!session) throw notFound(`session ${sessionId}`);
    return session;
  }

  private async assign(programId: string, place: RolePlace, body: AssignRoleDto, by: AuthUser): Promise<void> {
    if (!(await this.records.membership(programId, body.userId))) {
      throw invalidField('userId', 'must be a member of the program');
    }
    await this.records.assign({ programId, userId: body.userId, role: body.role, assignedBy: by.id }, place);
  }

  private async participationTypes(sessionId: string): Promise<Map<string, ParticipationType>> {
    const session = await this.sessionOrFail(sessionId);
    const members = await this.records.members(session.programId);
    return new Map([...members].map(([id, m]) => [id, m.participationType]));
  }
}

const toDto =
  (types: Map<string, ParticipationType>) =>
  (r: CoproductionRoleEntity): CoproductionRoleDto => ({
    userId: r.userId,
    displayName: r.user?.displayName ?? 'Former account',
    participationType: types.get(r.userId) ?? null,
    role: r.role,
    assignedAt: r.createdAt,
  });
