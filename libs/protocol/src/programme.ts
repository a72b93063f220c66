import type { ConfirmedSpan, FieldFinding } from './cases';

/**
 * The programme around the sessions (issue #20 part A): a maturity self-assessment answered by members and sites,
 * agreed priorities with their planned activities (the learning plan), and the learning activities outside
 * sessions (exchanges, study visits, mentoring) that count beside session attendance.
 */

// ---- self-assessment -----------------------------------------------------------

export interface AssessmentDimension {
  name: string;
  description: string;
}

/** The scale every answer uses: 0 (nothing in place) to 5 (fully in place across the system). */
export const ASSESSMENT_SCALE = { min: 0, max: 5 } as const;

/**
 * The built-in template: the 12 dimensions of the SCIROCCO Exchange / B3 maturity model for integrated care,
 * each scored 0–5 (id `scirocco-b3`; coordinators copy and edit it as templates of their program).
 */
export const SCIROCCO_B3_TEMPLATE_ID = 'scirocco-b3';
export const SCIROCCO_B3_DIMENSIONS: AssessmentDimension[] = [
  { name: 'Readiness to change', description: 'Shared vision, urgency and a plan for integrated care.' },
  { name: 'Structure & governance', description: 'Bodies, roles and accountability that steer the change.' },
  { name: 'Digital infrastructure', description: 'Shared records, telehealth and data that follow the person.' },
  { name: 'Process coordination', description: 'Care pathways and teams coordinated across providers.' },
  { name: 'Funding', description: 'Money set aside for integrated care, pooled where it helps.' },
  { name: 'Removal of inhibitors', description: 'Legal, cultural and professional barriers addressed.' },
  { name: 'Population approach', description: 'Risk stratification and prevention for the whole population.' },
  { name: 'Citizen empowerment', description: 'People and carers involved in their care and its design.' },
  { name: 'Evaluation methods', description: 'Outcomes measured and used to improve services.' },
  { name: 'Breadth of ambition', description: 'How far integration reaches: health, social care, community.' },
  { name: 'Innovation management', description: 'New ideas found, tested and spread systematically.' },
  { name: 'Capacity building', description: 'Skills and learning for staff to work in integrated ways.' },
];

export interface AssessmentTemplateDto {
  /** `scirocco-b3` for the built-in template, a UUID for a program's own. */
  id: string;
  name: string;
  builtIn: boolean;
  dimensions: AssessmentDimension[];
}

export interface AssessmentTemplateRequest {
  name: string;
  dimensions: AssessmentDimension[];
}

export interface OpenRoundRequest {
  title: string;
  templateId: string;
  /** A re-assessment: the round this one is compared with, dimension by dimension. */
  previousRoundId?: string;
}

export interface AssessmentRoundSummary {
  id: string;
  title: string;
  templateName: string;
  createdAt: string;
  previousRoundId: string | null;
  respondents: number;
}

/** Figures of one dimension over a set of answers. */
export interface DimensionFigure {
  /** Mean score (two decimals), null without answers. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation: the spread of opinion the consensus workshop starts from. */
  sd: number | null;
  n: number;
}

export interface SiteResult {
  /** null: members without a site. */
  siteId: string | null;
  siteName: string;
  respondents: number;
  dimensions: DimensionFigure[];
}

export interface PlannedActivityDto {
  id: string;
  kind: PlannedActivityKind;
  title: string;
  /** A planned ECHO session or series (kind `session` / `series`). */
  sessionId: string | null;
  seriesId: string | null;
  owner: { id: string; displayName: string };
  dueOn: string;
}

export interface PriorityDto {
  id: string;
  /** Index into the round's dimensions. */
  dimension: number;
  title: string;
  description: string;
  activities: PlannedActivityDto[];
}

export interface AssessmentRoundDto extends AssessmentRoundSummary {
  dimensions: AssessmentDimension[];
  /** My own answer in this round (null: not answered yet). */
  myScores: number[] | null;
  /** The whole program, then each site. */
  program: SiteResult;
  sites: SiteResult[];
  /** A re-assessment: the change of the program mean per dimension since the previous round (null where unknown). */
  change: { previousTitle: string; delta: (number | null)[] } | null;
  priorities: PriorityDto[];
}

export interface AnswerRoundRequest {
  /** One score per dimension, in order, each 0–5. */
  scores: number[];
}

export interface PriorityRequest {
  dimension: number;
  title: string;
  description?: string;
}

/** What a planned activity is: an ECHO session or series, or one of the five knowledge-transfer kinds. */
export const PLANNED_ACTIVITY_KINDS = [
  'session',
  'series',
  'expert_mission',
  'event',
  'capacity_building',
  'study_visit',
  'exchange',
] as const;
export type PlannedActivityKind = (typeof PLANNED_ACTIVITY_KINDS)[number];

export const PLANNED_ACTIVITY_LABELS: Record<PlannedActivityKind, string> = {
  session: 'ECHO session',
  series: 'ECHO series',
  expert_mission: 'Expert mission',
  event: 'Event',
  capacity_building: 'Capacity-building',
  study_visit: 'Study visit',
  exchange: 'Exchange or secondment',
};

export interface PlannedActivityRequest {
  kind: PlannedActivityKind;
  title: string;
  sessionId?: string;
  seriesId?: string;
  /** A member of the program. */
  ownerId: string;
  /** YYYY-MM-DD. */
  dueOn: string;
}

// ---- exchanges, study visits, mentoring ---------------------------------------

export const LEARNING_ACTIVITY_KINDS = [
  'exchange',
  'job_shadowing',
  'study_visit',
  'expert_mission',
  'secondment',
  'mentoring',
] as const;
export type LearningActivityKind = (typeof LEARNING_ACTIVITY_KINDS)[number];

export const LEARNING_ACTIVITY_LABELS: Record<LearningActivityKind, string> = {
  exchange: 'Exchange',
  job_shadowing: 'Job-shadowing',
  study_visit: 'Study visit',
  expert_mission: 'Expert mission',
  secondment: 'Secondment',
  mentoring: 'Mentoring meeting',
};

export interface LearningActivityRequest {
  kind: LearningActivityKind;
  title: string;
  /** Where: the host organisation or place. */
  place: string;
  /** YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  /** Hours of learning per person. */
  hours: number;
  /** Members who took part (default: the person logging it). */
  participantIds?: string[];
  /** A mentoring meeting: the pair (its mentor and mentee take part). */
  pairId?: string;
  /** A short reflection; it passes the de-identification gate. */
  reflection?: string;
  /** Spans of the reflection confirmed as not identifying (field `reflection`). */
  confirmedSpans?: Omit<ConfirmedSpan, 'field'>[];
}

export interface LearningActivityDto {
  id: string;
  kind: LearningActivityKind;
  title: string;
  place: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  participants: { id: string; displayName: string }[];
  pairId: string | null;
  reflection: string;
  loggedBy: string;
  createdAt: string;
  confirmedFindings: FieldFinding[];
}

export interface MentoringPairRequest {
  mentorId: string;
  menteeId: string;
  goals?: string;
}

export interface MentoringPairDto {
  id: string;
  mentor: { id: string; displayName: string };
  mentee: { id: string; displayName: string };
  goals: string;
  createdAt: string;
  meetings: number;
  hours: number;
  lastMetOn: string | null;
}

/** The impact report's block of learning experiences outside sessions: one per person per activity. */
export interface LearningActivityFigures {
  activities: number;
  learningExperiences: number;
  hours: number;
  byKind: {
    kind: LearningActivityKind;
    label: string;
    activities: number;
    learningExperiences: number;
    hours: number;
  }[];
}
