import type { ParticipationType } from './auth';

/** A question of a program's public registration form, beside the fixed ones (name, e-mail, site, consent…). */
export interface RegistrationQuestion {
  /** Assigned by the server: q1, q2, … */
  id: string;
  label: string;
  required: boolean;
  /** Choices offered; none: a free-text answer. */
  options: string[];
}

export interface RegistrationQuestionInput {
  label: string;
  required?: boolean;
  options?: string[];
}

/** The form a coordinator configures for a program (or one of its series): public, no sign-in needed. */
export interface RegistrationFormDto {
  id: string;
  programId: string;
  programName: string;
  /** The series it registers for, if only one. */
  seriesId: string | null;
  title: string;
  intro: string;
  questions: RegistrationQuestion[];
  /** Ask about accessibility needs (captions, BSL, breaks…). */
  askAccessibility: boolean;
  /** Sessions attended (each a learning experience) to complete the series, for the funnel. */
  completionSessions: number;
  open: boolean;
  /** The program's sites to choose from. */
  sites: { id: string; organisation: string }[];
}

export interface SaveRegistrationFormRequest {
  title: string;
  intro?: string;
  seriesId?: string | null;
  questions?: RegistrationQuestionInput[];
  askAccessibility?: boolean;
  completionSessions?: number;
  open?: boolean;
}

/** What a person sends through the public form. */
export interface RegistrationRequest {
  name: string;
  email: string;
  siteId?: string;
  /** Their job or role, e.g. "Practice nurse", "Family carer". */
  profession?: string;
  participationType: ParticipationType;
  answers?: { questionId: string; answer: string }[];
  consentToContact: boolean;
  accessibilityNeeds?: string;
}

export interface RegistrationResponse {
  /** An invitation was e-mailed (SMTP configured); otherwise the hub team sends it. */
  emailed: boolean;
}

export interface RegistrationDto {
  id: string;
  name: string;
  email: string;
  siteName: string | null;
  profession: string | null;
  participationType: ParticipationType;
  consentToContact: boolean;
  accessibilityNeeds: string;
  answers: { questionId: string; answer: string }[];
  createdAt: string;
  /** Their account, once they accepted the invitation and joined. */
  joined: boolean;
}

export type FunnelStage = 'registered' | 'attended' | 'completed' | 'certified';
export const FUNNEL_STAGES: FunnelStage[] = ['registered', 'attended', 'completed', 'certified'];

/** People at each stage, in order; `dropOff` is the share lost from the stage before (null for the first). */
export interface FunnelFigures {
  stages: { stage: FunnelStage; label: string; people: number; dropOff: number | null }[];
}

export interface FunnelGroup extends FunnelFigures {
  key: string | null;
  label: string;
}

/** `GET /api/programs/:id/registration/funnel`: registered → attended ≥1 → completed the series → certified. */
export interface RegistrationFunnel extends FunnelFigures {
  completionSessions: number;
  bySite: FunnelGroup[];
  byRole: FunnelGroup[];
  byParticipationType: FunnelGroup[];
}
