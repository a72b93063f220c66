import type { ParticipationType } from './auth';

/**
 * Co-production (issue #20): service users and carers take part as full participants with a role on a session
 * (assigned by its managers) or in a community group; their time can be paid or their expenses met, and the
 * impact report counts representation by these roles.
 */
export const COPRODUCTION_ROLES = ['co_facilitator', 'lived_experience_expert', 'panel_member'] as const;
export type CoproductionRole = (typeof COPRODUCTION_ROLES)[number];

export const COPRODUCTION_ROLE_LABELS: Record<CoproductionRole, string> = {
  co_facilitator: 'Co-facilitator',
  lived_experience_expert: 'Lived-experience expert',
  panel_member: 'Panel member',
};

/** Someone's co-production role on a session or in a group. */
export interface CoproductionRoleDto {
  userId: string;
  displayName: string;
  participationType: ParticipationType | null;
  role: CoproductionRole;
  assignedAt: string;
}

/** `POST /api/sessions/:id/coproduction-roles` and `POST /api/groups/:id/coproduction-roles`. */
export interface AssignCoproductionRoleRequest {
  userId: string;
  role: CoproductionRole;
}

export const PAYMENT_KINDS = ['payment', 'expenses'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_STATUSES = ['pending', 'approved', 'paid', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment for someone's time, or their expenses, for one session or another activity. */
export interface CoproductionPaymentRequest {
  userId: string;
  /** The session it is for; or else `activity` names what it is for. */
  sessionId?: string;
  activity?: string;
  /** YYYY-MM-DD: the day of the session or activity. */
  date: string;
  hours: number;
  /** In the currency's units, at most two decimals (e.g. 37.50). */
  amount: number;
  /** ISO 4217, e.g. GBP. */
  currency: string;
  kind: PaymentKind;
  status?: PaymentStatus;
  note?: string;
}

export interface PaymentStatusRequest {
  status: PaymentStatus;
}

export interface CoproductionPaymentDto {
  id: string;
  userId: string;
  displayName: string;
  sessionId: string | null;
  sessionTitle: string | null;
  activity: string;
  date: string;
  hours: number;
  amount: number;
  currency: string;
  kind: PaymentKind;
  status: PaymentStatus;
  note: string;
  recordedBy: string;
  createdAt: string;
}

/** The impact report's representation by co-production role (beside the figures by participation type). */
export interface CoproductionFigures {
  /** Delivered sessions in the selection. */
  sessions: number;
  /** Of these, sessions where a service user or carer with the co-facilitator role attended. */
  sessionsWithLivedExperienceCoFacilitator: number;
  share: number | null;
  /** Per role: sessions where someone in the role attended, the people, and their hours attended in the role. */
  byRole: {
    role: CoproductionRole;
    label: string;
    sessions: number;
    people: number;
    livedExperiencePeople: number;
    hours: number;
    /** People holding the role in a community group of the program. */
    inGroups: number;
  }[];
}

/** What the session's facilitators see of people's accessibility needs (from registration): never everyone. */
export interface AccessibilityNeedDto {
  userId: string;
  displayName: string;
  needs: string;
}
