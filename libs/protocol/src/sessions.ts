import type { QueuedCase } from './cases';
import type { RemovedMetadata } from './metadata';

export const Recurrence = {
  Weekly: 'weekly',
  Fortnightly: 'fortnightly',
  /** Same weekday of the month as the first session (e.g. 2nd Tuesday; 5th becomes "last"). */
  MonthlyByWeekday: 'monthly',
} as const;
export type Recurrence = (typeof Recurrence)[keyof typeof Recurrence];
export const RECURRENCES = Object.values(Recurrence);

export type AgendaItemKind = 'didactic' | 'case';

/** A slot in a session's agenda; `title` is required for didactic slots. */
export interface AgendaItemInput {
  kind: AgendaItemKind;
  title?: string;
  presenterEmail?: string;
  minutes: number;
}

export interface AgendaItemDto {
  id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  minutes: number;
  presenter: { id: string; displayName: string } | null;
  slides: { name: string; url: string } | null;
  /** Only in the upload's answer: the kinds of metadata the hub removed from the file (never their values). */
  removed?: RemovedMetadata[];
}

export type SessionStatus = 'scheduled' | 'live' | 'ended' | 'cancelled';

export interface RecurrenceRequest {
  frequency: Recurrence;
  /** Number of sessions in the series, including the first (max 104). */
  count?: number;
  /** Last possible date (YYYY-MM-DD, in the session's time zone). */
  until?: string;
  /** Dates (YYYY-MM-DD, in the session's time zone) on which no session takes place. */
  exceptions?: string[];
}

export interface CreateSessionRequest {
  title: string;
  /** ISO 8601 with offset. */
  startsAt: string;
  durationMinutes: number;
  /** IANA zone the series keeps its wall-clock time in (default: the program's). */
  timeZone?: string;
  agenda?: AgendaItemInput[];
  recurrence?: RecurrenceRequest;
  /** A dry run: counted nowhere (attendance, impact, certificates) and no survey. Default false. */
  practice?: boolean;
}

export interface UpdateSessionRequest {
  title?: string;
  startsAt?: string;
  durationMinutes?: number;
  status?: 'scheduled' | 'cancelled';
  practice?: boolean;
}

export interface SessionDto {
  id: string;
  programId: string;
  seriesId: string | null;
  title: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  timeZone: string;
  status: SessionStatus;
  /** A dry run: counted nowhere and no survey. */
  practice: boolean;
  agenda: AgendaItemDto[];
  /** Cases in queue order (drafts and withdrawn cases left out). */
  cases: QueuedCase[];
  /** The caller's role in the session's program. */
  myRole: string | null;
  /**
   * True from an hour before the start until the end: the web client shows "Join" (hosts open the room for a
   * sound check; spokes who come early wait in the lobby until it opens).
   */
  joinable: boolean;
}

export interface CreateSessionResponse extends SessionDto {
  /** Every occurrence created (the first is this session). */
  occurrences: { id: string; startsAt: string }[];
}

export interface ReplaceAgendaRequest {
  items: AgendaItemInput[];
}

export interface CalendarLinks {
  /** webcal/https feed URLs with a secret token, for Outlook and Google Calendar. */
  programFeedUrl: string;
  personalFeedUrl: string;
}
