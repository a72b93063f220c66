import type { ParticipationType, ProgramRole } from './auth';
import type { CoproductionFigures } from './coproduction';
import type { LearningActivityFigures } from './programme';

/**
 * Impact: attendance from the live session's join/leave rows, learning experiences,
 * representation, surveys and certificates. Payloads of `/api/programs/:id/impact` and friends.
 */

/** A role as recorded on attendance: a program role, or an instance admin who is not a member. */
export type AttendanceRole = ProgramRole | 'admin';

/** Filters every impact route accepts (query string); all optional. */
export interface ImpactFilters {
  /** Sessions starting on or after this date (YYYY-MM-DD, program time zone) or instant (ISO 8601). */
  from?: string;
  /** Sessions starting before the end of this date (YYYY-MM-DD) or before this instant. */
  to?: string;
  siteId?: string;
  role?: AttendanceRole;
  participationType?: ParticipationType;
}

/** One slice of the figures (a site, a role, a participation type, a profession). */
export interface ImpactGroup {
  /** The site id, role, participation type or profession; null for "none recorded". */
  key: string | null;
  label: string;
  /** Person-sessions attended (a person at a session, however many connections). */
  attendances: number;
  learningExperiences: number;
  uniqueParticipants: number;
  hours: number;
}

export interface ImpactMonth {
  /** YYYY-MM in the program's time zone. */
  month: string;
  /** "June 2026". */
  label: string;
  sessions: number;
  attendances: number;
  learningExperiences: number;
  uniqueParticipants: number;
  hours: number;
  /** Attendances by service users and carers, and their share of all attendances (null with none). */
  serviceUsersAndCarers: number;
  representationShare: number | null;
}

export interface ImpactSession {
  sessionId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  status: 'live' | 'ended';
  /** Members registered when the session ended (after the people filters). */
  registered: number;
  /** People who attended at all (members or not). */
  present: number;
  /** Registered members who did not attend. */
  absent: number;
  learningExperiences: number;
  hours: number;
  serviceUsersAndCarers: number;
  representationShare: number | null;
  /** The post-session survey, once sent. */
  survey: { id: string; sent: number; responded: number; responseRate: number | null } | null;
  /** The session's knowledge checks launched in the room, in the order asked (the same question asked before and
   * after a didactic shows the change). Everyone who answered counts, whatever the people filters. */
  knowledgeChecks: KnowledgeCheckFigure[];
}

export interface KnowledgeCheckFigure {
  pollId: string;
  question: string;
  agendaItemId: string | null;
  answers: number;
  correct: number;
  /** correct / answers (null: no answers). */
  shareCorrect: number | null;
}

export interface ImpactTarget {
  /** The program's learning-experience target (null: none set). */
  target: number | null;
  /** Learning experiences so far, all sessions and all people (the target is program-wide). */
  achieved: number;
  remaining: number | null;
  /** achieved / target (null without a target). */
  progress: number | null;
  /** Learning experiences per week since the first delivered session. */
  ratePerWeek: number;
  weeksElapsed: number;
  /** The date the forecast looks ahead to, and where it came from. */
  horizon: { date: string; source: 'target-date' | 'series-end' | 'today' };
  weeksRemaining: number;
  /** achieved + ratePerWeek × weeksRemaining, rounded down. */
  forecast: number;
  /** Whether the forecast reaches the target by the horizon (null without a target). */
  onTrack: boolean | null;
  /** When the current rate reaches the target (null: no target, already reached, or no rate). */
  projectedReachDate: string | null;
  /** How the forecast was computed, in words. */
  method: string;
  /** Cumulative learning experiences after each delivered session, for the chart. */
  cumulative: { date: string; total: number }[];
}

export interface RatingSummary {
  question: string;
  /** Answers received. */
  n: number;
  mean: number | null;
  /** Count of answers 1…5 (index 0 is 1). */
  distribution: number[];
}

export interface ConfidenceSummary {
  item: string;
  n: number;
  meanBefore: number | null;
  meanAfter: number | null;
  /** meanAfter − meanBefore. */
  shift: number | null;
  /** Answers where "after" is higher than "before". */
  improved: number;
}

export interface SurveyRates {
  sent: number;
  responded: number;
  responseRate: number | null;
}

export interface ImpactReport {
  programId: string;
  generatedAt: string;
  filters: ImpactFilters;
  settings: {
    minAttendanceShare: number;
    certificateShare: number;
    certificateMinSessions: number;
    learningTarget: number | null;
    learningTargetDate: string | null;
    timeZone: string;
  };
  /** Delivered sessions (live or ended) in the period. */
  sessions: number;
  /** Person-sessions attended for at least the program's minimum share of the scheduled duration. */
  learningExperiences: number;
  /** People who attended at least one session (any length). */
  uniqueParticipants: number;
  /** People with at least one learning experience. */
  uniqueLearners: number;
  /** Person-sessions attended (any length). */
  attendances: number;
  /** Hours attended, all people, reconnects merged. */
  hours: number;
  bySite: ImpactGroup[];
  byRole: ImpactGroup[];
  byParticipationType: ImpactGroup[];
  byProfession: ImpactGroup[];
  byMonth: ImpactMonth[];
  perSession: ImpactSession[];
  representation: { serviceUsersAndCarers: number; attendances: number; share: number | null };
  target: ImpactTarget;
  surveys: SurveyRates;
  ratings: RatingSummary[];
  confidence: ConfidenceSummary[];
  /** Learning experiences outside sessions: exchanges, study visits, missions, secondments, mentoring (issue #20). */
  learningActivities: LearningActivityFigures;
  /** Representation by co-production role (issue #20): told by the co-production feature. */
  coproduction: CoproductionFigures;
}

/** One person at one session: a row of attendance.csv and of a session's attendance list. */
export interface AttendanceRecord {
  sessionId: string;
  sessionTitle: string;
  sessionStartsAt: string;
  userId: string;
  displayName: string;
  email: string;
  role: AttendanceRole;
  siteId: string | null;
  siteName: string | null;
  profession: string | null;
  participationType: ParticipationType | null;
  minutes: number;
  present: boolean;
  learningExperience: boolean;
  /** The minutes the connection rows give; `minutes` differs when a coordinator corrected them. */
  recordedMinutes: number;
  corrected: boolean;
}

/** A coordinator's change to one person's minutes at one session (the rows it overrides stay). */
export interface AttendanceCorrectionDto {
  id: string;
  sessionId: string;
  userId: string;
  displayName: string;
  minutesBefore: number;
  minutesAfter: number;
  reason: string;
  correctedBy: { id: string; displayName: string } | null;
  createdAt: string;
}

export interface CorrectAttendanceRequest {
  userId: string;
  /** The minutes the person attended, as corrected. */
  minutes: number;
  reason: string;
}

// ---- surveys -------------------------------------------------------------------

export type SurveyQuestionKind = 'rating' | 'confidence' | 'text' | 'choice';
export const SURVEY_QUESTION_KINDS: SurveyQuestionKind[] = ['rating', 'confidence', 'text', 'choice'];

export interface SurveyQuestion {
  /** Assigned by the server: q1, q2, … */
  id: string;
  kind: SurveyQuestionKind;
  text: string;
  required: boolean;
  /** For `choice`: the options. */
  options?: string[];
  /** For `rating`: words for 1 and 5 (e.g. Poor, Excellent). */
  scale?: [string, string];
}

/** A question as a coordinator writes it (the server numbers them). */
export type SurveyQuestionInput = Omit<SurveyQuestion, 'id' | 'required'> & { required?: boolean };

export type SurveyAudience = 'participants' | 'everyone';

/** A survey sent to me (`GET /api/me/surveys/:id`). */
export interface SurveyDto {
  id: string;
  programId: string;
  programName: string;
  /** Set for a post-session survey. */
  sessionId: string | null;
  sessionTitle: string | null;
  sessionStartsAt: string | null;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
  createdAt: string;
  closesAt: string | null;
  /** Whether I have answered it already (once only). */
  answered: boolean;
}

export interface SurveySummaryDto extends SurveyRates {
  id: string;
  programId: string;
  sessionId: string | null;
  title: string;
  createdAt: string;
  closesAt: string | null;
}

export interface PendingSurveyDto {
  id: string;
  programId: string;
  programName: string;
  sessionId: string | null;
  title: string;
  sentAt: string;
  closesAt: string | null;
}

export interface CreateSurveyRequest {
  title: string;
  intro?: string;
  questions: SurveyQuestionInput[];
  /** Who is asked: participants (default) or every member. */
  audience?: SurveyAudience;
  /** ISO 8601; after it the survey no longer shows as pending. */
  closesAt?: string;
}

export interface SurveyAnswer {
  questionId: string;
  /** rating / confidence "now": 1–5. */
  value?: number;
  /** confidence before the session: 1–5. */
  before?: number;
  /** text or choice. */
  text?: string;
}

export interface SubmitSurveyRequest {
  answers: SurveyAnswer[];
}

export interface SurveyResultsDto extends SurveySummaryDto {
  questions: (SurveyQuestion & {
    rating?: RatingSummary;
    confidence?: ConfidenceSummary;
    /** Free-text and choice answers, without names. */
    answers?: string[];
  })[];
}

// ---- certificates --------------------------------------------------------------

export interface CertificatePeriodDto {
  /** YYYY-MM (a month) or YYYY (a year), in the program's time zone. */
  period: string;
  label: string;
  sessions: number;
  minutes: number;
  hours: number;
  /** The latest certificate issued with exactly these figures, if any. */
  code: string | null;
  /** The program's rule: sessions needed in the period for its certificate (fewer: none can be issued). */
  sessionsNeeded: number;
}

/** `GET /api/certificates/verify/:code`: who, what, how many hours; nothing more. */
export interface CertificateVerification {
  valid: true;
  code: string;
  holder: string;
  program: string;
  period: string;
  periodLabel: string;
  sessions: number;
  hours: number;
  issuedAt: string;
}

/** Words for the five points of a confidence item (retrospective before/after). */
export const CONFIDENCE_SCALE = [
  'Not at all confident',
  'Slightly confident',
  'Moderately confident',
  'Very confident',
  'Extremely confident',
] as const;

/** Service users and carers: the people representation figures count. */
export const LIVED_EXPERIENCE_TYPES: ParticipationType[] = ['service_user', 'carer'];
