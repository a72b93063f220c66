import {
  type InvitationDto,
  type InvitationPreview,
  type MemberDto,
  type ParticipationType,
  type ProgramDto,
  type ProgramOverview,
  type ProgramRole,
  type SiteDto,
  seesMemberEmails,
} from '@echo-hub/protocol';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { newToken, sha256 } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth.types';
import type { Page, PageQueryDto } from '../common/page';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { nowIso } from '../database/columns';
import { MailService } from '../mail/mail.service';
import { RightsService } from '../realtime/rights.service';
import type {
  AcceptInvitationDto,
  AddMemberDto,
  CreateInvitationDto,
  CreateProgramDto,
  CreateSiteDto,
  UpdateMemberDto,
  UpdateProgramDto,
} from './dto/programs.dto';
import type { Invitation } from './entities/invitation.entity';
import type { Membership } from './entities/membership.entity';
import type { Program } from './entities/program.entity';
import type { Site } from './entities/site.entity';
import { ProgramRecords } from './programs.records';

const notFound = (what: string) => new NotFoundException({ error: 'NOT_FOUND', message: `${what} not found` });

export const toProgramDto = (p: Program, myRole: ProgramRole | null): ProgramDto => ({
  id: p.id,
  name: p.name,
  description: p.description,
  topic: p.topic,
  targetAudience: p.targetAudience,
  learningTarget: p.learningTarget,
  learningTargetDate: p.learningTargetDate,
  minAttendanceShare: p.minAttendanceShare,
  certificateShare: p.certificateShare,
  certificateMinSessions: p.certificateMinSessions,
  timeZone: p.timeZone,
  memberEmailsVisible: p.memberEmailsVisible,
  createdAt: p.createdAt,
  myRole,
});

const toSiteDto = (s: Site): SiteDto => ({
  id: s.id,
  programId: s.programId,
  organisation: s.organisation,
  locality: s.locality,
  country: s.country,
});

const toMemberDto = (m: Membership): MemberDto => ({
  id: m.id,
  programId: m.programId,
  user: { id: m.user?.id ?? m.userId, email: m.user?.email ?? '', displayName: m.user?.displayName ?? '' },
  role: m.role,
  siteId: m.siteId,
  profession: m.profession,
  participationType: m.participationType,
  joinedAt: m.createdAt,
});

/** Who is looking at a list of members (what they may see of it). */
interface Viewer {
  user: AuthUser;
  role: ProgramRole | null;
}

@Injectable()
export class ProgramsService {
  constructor(
    private readonly records: ProgramRecords,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rights: RightsService,
  ) {}

  /** Programs the caller belongs to; an instance admin sees them all. */
  async list(user: AuthUser): Promise<ProgramDto[]> {
    const mine = await this.records.membershipsOf(user.id);
    const roles = new Map(mine.map((m) => [m.programId, m.role]));
    const programs = user.isAdmin
      ? await this.records.allPrograms()
      : await this.records.programsByIds(mine.map((m) => m.programId));
    return mine.length || user.isAdmin ? programs.map((p) => toProgramDto(p, roles.get(p.id) ?? null)) : [];
  }

  async create(dto: CreateProgramDto): Promise<ProgramDto> {
    const program = await this.records.addProgram({
      name: dto.name,
      description: dto.description ?? '',
      topic: dto.topic ?? '',
      targetAudience: dto.targetAudience ?? '',
      learningTarget: dto.learningTarget ?? null,
      learningTargetDate: dto.learningTargetDate ?? null,
      minAttendanceShare: dto.minAttendanceShare ?? 0.5,
      certificateShare: dto.certificateShare ?? 0.8,
      certificateMinSessions: dto.certificateMinSessions ?? 1,
      timeZone: dto.timeZone ?? 'Europe/London',
      memberEmailsVisible: dto.memberEmailsVisible ?? false,
      calendarToken: newToken(),
    });
    return toProgramDto(program, null);
  }

  async overview(id: string, myRole: ProgramRole | null): Promise<ProgramOverview> {
    const program = await this.records.programOrFail(id);
    return {
      program: toProgramDto(program, myRole),
      sites: await this.listSites(id),
    };
  }

  async update(id: string, dto: UpdateProgramDto, myRole: ProgramRole | null): Promise<ProgramDto> {
    if (Object.keys(dto).length) await this.records.updateProgram(id, dto);
    return toProgramDto(await this.records.programOrFail(id), myRole);
  }

  async listSites(programId: string): Promise<SiteDto[]> {
    return (await this.records.sitesOf(programId)).map(toSiteDto);
  }

  async addSite(programId: string, dto: CreateSiteDto): Promise<SiteDto> {
    const site = await this.records.addSite({
      programId,
      organisation: dto.organisation,
      locality: dto.locality ?? '',
      country: dto.country ?? '',
    });
    return toSiteDto(site);
  }

  /** A page of the program's members by name, as `viewer` may see them. */
  async memberPage(programId: string, viewer: Viewer, page: PageQueryDto): Promise<Page<MemberDto>> {
    const { items, next } = await this.records.memberPage(programId, page);
    return { next, items: await this.asSeenBy(programId, viewer, items) };
  }

  private async asSeenBy(programId: string, viewer: Viewer, members: Membership[]): Promise<MemberDto[]> {
    const program = await this.records.programOrFail(programId);
    const seesEmails = seesMemberEmails({ isAdmin: viewer.user.isAdmin, role: viewer.role }, program);
    return members
      .map(toMemberDto)
      .map((m) => (seesEmails || m.user.id === viewer.user.id ? m : { ...m, user: { ...m.user, email: null } }));
  }

  /**
   * Adding someone by e-mail invites them (an invitation bound to that e-mail, emailed when SMTP is set): the
   * answer is the same whether the e-mail has an account or is a member already, so it reveals neither, and
   * nobody is put into a program without accepting.
   */
  addMember(programId: string, dto: AddMemberDto, by: AuthUser): Promise<InvitationDto> {
    return this.createInvitation(programId, { email: dto.email, role: dto.role, siteId: dto.siteId }, by);
  }

  /**
   * Puts an existing account into the program directly, with no invitation: for trusted server-side callers
   * only (the demo seed), never an API route.
   */
  async enrol(
    programId: string,
    dto: Pick<MemberDto, 'role'> & {
      email: string;
      siteId?: string;
      profession?: string;
      participationType?: ParticipationType;
    },
  ): Promise<MemberDto> {
    const user = await this.records.userByEmail(dto.email);
    if (!user) {
      throw new NotFoundException({
        error: 'NOT_FOUND',
        message: `No account uses ${dto.email}: send an invitation link instead`,
      });
    }
    if (await this.records.membership(programId, user.id)) {
      throw new ConflictException({ error: 'ALREADY_MEMBER', message: `${dto.email} is already a member` });
    }
    await this.checkSite(programId, dto.siteId);
    const member = await this.records.addMember({
      programId,
      userId: user.id,
      role: dto.role,
      siteId: dto.siteId ?? null,
      profession: dto.profession ?? null,
      participationType: dto.participationType ?? 'staff',
    });
    return toMemberDto({ ...member, user } as Membership);
  }

  async updateMember(programId: string, memberId: string, dto: UpdateMemberDto): Promise<MemberDto> {
    const member = await this.records.member(programId, memberId, true);
    if (!member) throw notFound(`member ${memberId}`);
    await this.checkSite(programId, dto.siteId);
    const roleBefore = member.role;
    // Only the fields sent: the DTO's other (declared) fields are undefined and would blank the answer.
    Object.assign(member, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
    const saved = toMemberDto(await this.records.saveMember(member));
    // A new role: the person's sockets reconnect and rejoin with it (a host demoted stops being one at once).
    if (member.role !== roleBefore) await this.rights.lost({ userId: member.userId, programId });
    return saved;
  }

  async removeMember(programId: string, memberId: string): Promise<void> {
    const member = await this.records.member(programId, memberId);
    const removed = await this.records.removeMember(programId, memberId);
    if (!member || !removed) throw notFound(`member ${memberId}`);
    await this.rights.lost({ userId: member.userId, programId }); // out of its live sessions and community rooms
  }

  /** Deletes a program with everything in it (sessions, cases, community, recordings' rows); its members lose it. */
  async remove(programId: string): Promise<void> {
    const members = await this.records.membersOnly(programId);
    if (!(await this.records.removeProgram(programId))) throw notFound(`program ${programId}`);
    for (const m of members) await this.rights.lost({ userId: m.userId, programId });
  }

  async createInvitation(programId: string, dto: CreateInvitationDto, by: AuthUser): Promise<InvitationDto> {
    await this.checkSite(programId, dto.siteId);
    const token = newToken();
    const days = dto.expiresInDays ?? 14;
    const invitation = await this.records.addInvitation({
      programId,
      tokenHash: sha256(token),
      role: dto.role,
      email: dto.email?.toLowerCase() ?? null,
      siteId: dto.siteId ?? null,
      createdById: by.id,
      expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
      acceptedAt: null,
    });
    const inviteUrl = `${this.config.publicUrl}/invite/${token}`;
    let emailed = false;
    if (invitation.email) {
      const program = await this.records.programOrFail(programId);
      emailed = await this.mail.send(
        invitation.email,
        `You are invited to ${program.name}`,
        `${by.displayName} invites you to join ${program.name} on ECHO Hub as ${dto.role}.\n\n` +
          `Accept within ${days} days: ${inviteUrl}\n`,
      );
    }
    return { ...this.toInvitationDto(invitation), inviteUrl, emailed };
  }

  async listInvitations(programId: string): Promise<InvitationDto[]> {
    const rows = await this.records.invitationsOf(programId);
    return rows.map((i) => this.toInvitationDto(i));
  }

  async previewInvitation(token: string): Promise<InvitationPreview> {
    const invitation = await this.openInvitation(token);
    const program = await this.records.programOrFail(invitation.programId);
    return { programName: program.name, role: invitation.role, expiresAt: invitation.expiresAt };
  }

  /** The signed-in person joins the program with the invitation's role (once). */
  async acceptInvitation(token: string, dto: AcceptInvitationDto, user: AuthUser): Promise<MemberDto> {
    const invitation = await this.openInvitation(token);
    if (invitation.email && invitation.email !== user.email) {
      throw new BadRequestException({
        error: 'INVITATION_FOR_ANOTHER_EMAIL',
        message: 'This invitation was sent to another email address',
      });
    }
    const existing = await this.records.membership(invitation.programId, user.id);
    if (existing) throw new ConflictException({ error: 'ALREADY_MEMBER', message: 'You are already a member' });
    const member = await this.records.addMember({
      programId: invitation.programId,
      userId: user.id,
      role: invitation.role,
      siteId: invitation.siteId,
      profession: dto.profession ?? null,
      participationType: dto.participationType ?? 'staff',
    });
    await this.records.markAccepted(invitation.id, nowIso());
    const account = await this.records.userOrFail(user.id);
    return toMemberDto({ ...member, user: account } as Membership);
  }

  private async openInvitation(token: string): Promise<Invitation> {
    const invitation = await this.records.openInvitation(sha256(token));
    if (!invitation || invitation.expiresAt < nowIso())
      throw notFound('invitation (it may have been used or have expired)');
    return invitation;
  }

  private async checkSite(programId: string, siteId: string | undefined | null): Promise<void> {
    if (siteId && !(await this.records.hasSite(programId, siteId))) {
      throw new BadRequestException({ error: 'VALIDATION_FAILED', message: 'siteId is not a site of this program' });
    }
  }

  private toInvitationDto(i: Invitation): InvitationDto {
    return {
      id: i.id,
      programId: i.programId,
      role: i.role,
      email: i.email,
      siteId: i.siteId,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
    };
  }
}
