import type { Ack, TextSpan } from './live';

/**
 * Polls and knowledge checks in a live session (issue #19): prepared before the session (attached to an agenda
 * slot) or asked on the spot, launched, answered (the count is live), closed, and their results shared with
 * everyone. A knowledge check has correct answers; the share that got it right counts in the impact report.
 */

export type PollKind = 'single' | 'multiple' | 'scale' | 'text';
export const POLL_KINDS: PollKind[] = ['single', 'multiple', 'scale', 'text'];
/** draft: prepared, not yet asked; open: people answer; closed: no more answers (results shared or not). */
export type PollStatus = 'draft' | 'open' | 'closed';

export const PollLimits = {
  questionMaxLength: 500,
  minOptions: 2,
  maxOptions: 10,
  optionMaxLength: 200,
  textMaxLength: 1000,
  /** A scale poll's options are its points, 1 to `scalePoints`. */
  scalePoints: 5,
  /** Answers (or changes of answer) per person per minute. */
  answersPerMinute: 30,
} as const;

export interface PollQuestion {
  kind: PollKind;
  question: string;
  /** The choices of a single or multiple choice poll (ignored for scale and text). */
  options?: string[];
  /** Indices of the correct options: makes the poll a knowledge check (single or multiple choice only). */
  correct?: number[];
  /** Answers are counted without names (the default); named polls show who answered what to everyone. */
  anonymous?: boolean;
  /** The agenda slot it belongs to (prepared polls). */
  agendaItemId?: string | null;
}

/** The results: counts per option (scale: per point 1–5), free-text answers, the share correct. */
export interface PollResults {
  counts: number[];
  texts: { text: string; displayName: string | null }[];
  /** Named polls: who chose each option. */
  names: string[][] | null;
  /** Knowledge checks: the correct options and the share of answers that got it right (0–1; null: no answers). */
  correct: number[] | null;
  shareCorrect: number | null;
}

/** A poll as everyone in the room sees it: its results only once shared. */
export interface PollView {
  id: string;
  sessionId: string;
  agendaItemId: string | null;
  kind: PollKind;
  question: string;
  /** The choices (scale: "1" to "5"; text: none). */
  options: string[];
  anonymous: boolean;
  knowledgeCheck: boolean;
  status: PollStatus;
  /** How many people answered: live while open. */
  answers: number;
  shared: boolean;
  results: PollResults | null;
}

/** A poll as its hosts prepare it before the session (REST, `/api/sessions/:id/polls`): with its correct options. */
export interface PreparedPoll extends PollView {
  correct: number[];
}

export interface PollAnswerRequest {
  pollId: string;
  /** Option indices (single and scale: exactly one; multiple: one or more). */
  choices?: number[];
  /** The free-text answer; it passes the de-identification gate like chat. */
  text?: string;
  confirmedSpans?: TextSpan[];
}

type AckFn<T = undefined> = (ack: Ack<T>) => void;

export interface PollClientToServerEvents {
  /** Everyone: the session's polls (drafts only for hosts and experts). */
  'poll:list': (req: Record<string, never>, ack: AckFn<PollView[]>) => void;
  /** Hosts and experts: asks a question on the spot (created and launched at once). */
  'poll:ask': (req: PollQuestion, ack: AckFn<PollView>) => void;
  /** Hosts and experts: launches a prepared poll. */
  'poll:launch': (req: { pollId: string }, ack: AckFn<PollView>) => void;
  'poll:answer': (req: PollAnswerRequest, ack: AckFn) => void;
  /** Hosts and experts: no more answers; the ack carries the results (not yet shown to the others). */
  'poll:close': (req: { pollId: string }, ack: AckFn<PollView>) => void;
  /** Hosts and experts: shows the results to everyone (closes the poll first if open). */
  'poll:share': (req: { pollId: string }, ack: AckFn<PollView>) => void;
}

export interface PollServerToClientEvents {
  /** A poll was launched, answered, closed or shared. */
  'poll:update': (poll: PollView) => void;
}
