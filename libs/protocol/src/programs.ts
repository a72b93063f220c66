import type { ParticipationType, ProgramRole, UserDto } from './auth';
import { can, type Grantee } from './permissions';

export interface ProgramDto {
  id: string;
  name: string;
  description: string;
  topic: string;
  targetAudience: string;
  /** Learning-experience target, e.g. 1020. */
  learningTarget: number | null;
  /** Date (YYYY-MM-DD) the target should be met by; the forecast looks ahead to it (else to the last scheduled session). */
  learningTargetDate: string | null;
  /** Share of a session's scheduled duration a person must attend for a learning experience (0–1, default 0.5). */
  minAttendanceShare: number;
  /** Certificate rule: share of a session attended for it to count on a certificate (0–1, default 0.8). */
  certificateShare: number;
  /** Certificate rule: sessions so attended needed in a period (a month or a year) for its certificate (default 1). */
  certificateMinSessions: number;
  timeZone: string;
  /** Whether every member sees the other members' e-mail addresses (see `seesMemberEmails`); off by default. */
  memberEmailsVisible: boolean;
  createdAt: string;
  /** The caller's role in this program (null for an instance admin who is not a member). */
  myRole: ProgramRole | null;
}

export interface CreateProgramRequest {
  name: string;
  description?: string;
  topic?: string;
  targetAudience?: string;
  learningTarget?: number;
  /** YYYY-MM-DD; null clears it. */
  learningTargetDate?: string | null;
  minAttendanceShare?: number;
  certificateShare?: number;
  certificateMinSessions?: number;
  timeZone?: string;
  memberEmailsVisible?: boolean;
}

/**
 * Whether `viewer` sees the e-mail addresses of a program's members (member lists, community groups, anywhere
 * people are listed): those who manage the members always, everyone else only where the program allows it.
 * Everyone sees their own.
 */
export const seesMemberEmails = (viewer: Grantee, program: { memberEmailsVisible: boolean }): boolean =>
  program.memberEmailsVisible || can(viewer, 'members.manage');

export type UpdateProgramRequest = Partial<CreateProgramRequest>;

export interface SiteDto {
  id: string;
  programId: string;
  organisation: string;
  locality: string;
  country: string;
}

export interface CreateSiteRequest {
  organisation: string;
  locality?: string;
  country?: string;
}

export interface MemberDto {
  id: string;
  programId: string;
  /**
   * `email` is null where the viewer may not see it (`seesMemberEmails`): members see each other's e-mail only
   * when they manage the program's members (facilitator, coordinator, instance admin) or the program allows it.
   */
  user: Pick<UserDto, 'id' | 'displayName'> & { email: string | null };
  role: ProgramRole;
  siteId: string | null;
  profession: string | null;
  participationType: ParticipationType;
  joinedAt: string;
}

/**
 * `POST /api/programs/:id/members`: invites the person with this e-mail (202 with an invitation bound to it,
 * emailed when the hub can send e-mail). The answer is the same whether or not the e-mail has an account,
 * and nobody joins a program without accepting: they give their profession and participation type then.
 */
export interface AddMemberRequest {
  email: string;
  role: ProgramRole;
  siteId?: string;
}

export interface UpdateMemberRequest {
  role?: ProgramRole;
  siteId?: string;
  profession?: string;
  participationType?: ParticipationType;
}

export interface CreateInvitationRequest {
  role: ProgramRole;
  email?: string;
  siteId?: string;
  /** Days until the link stops working (default 14). */
  expiresInDays?: number;
}

export interface InvitationDto {
  id: string;
  programId: string;
  role: ProgramRole;
  email: string | null;
  siteId: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  /** Only in the answer that creates it: the link to share. */
  inviteUrl?: string;
  emailed?: boolean;
}

export interface InvitationPreview {
  programName: string;
  role: ProgramRole;
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  profession?: string;
  participationType?: ParticipationType;
}

/** The program dashboard in one call; its members are a list of their own (`GET /programs/:id/members`, paged). */
export interface ProgramOverview {
  program: ProgramDto;
  sites: SiteDto[];
}
