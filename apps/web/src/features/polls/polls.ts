import type { PollQuestion, PollResults, PollView } from '@echo-hub/protocol';

/** One bar of a poll's result chart: its option, how many chose it, their share of the answers. */
export interface PollBar {
  label: string;
  count: number;
  /** count / answers, 0–1 (0 with no answers). */
  share: number;
  /** Knowledge checks: this option is (one of) the correct answer(s). */
  correct: boolean;
  /** Named polls: who chose it. */
  names: string[] | null;
}

const percentOf = (share: number) => `${Math.round(share * 100)}%`;

/** "No answers yet", "1 answer", "3 answers". */
export function answerCount(n: number): string {
  if (n === 0) return 'No answers yet';
  return n === 1 ? '1 answer' : `${n} answers`;
}

/** The bars of a poll's chart (choice and scale polls); a free-text poll has none. */
export function pollBars(poll: Pick<PollView, 'options' | 'answers'>, results: PollResults): PollBar[] {
  return poll.options.map((label, i) => {
    const count = results.counts[i] ?? 0;
    return {
      label,
      count,
      share: poll.answers ? count / poll.answers : 0,
      correct: results.correct?.includes(i) ?? false,
      names: results.names?.[i] ?? null,
    };
  });
}

/** A bar's value as text, e.g. "2 (67%)". */
export const barValue = (bar: PollBar) => `${bar.count} (${percentOf(bar.share)})`;

/** "67% answered correctly", or null when the poll is not a knowledge check (or nobody answered). */
export function correctText(results: PollResults): string | null {
  return results.shareCorrect === null ? null : `${percentOf(results.shareCorrect)} answered correctly`;
}

/** The results said in one sentence (for screen readers): options and counts, then the share correct. */
export function resultSentence(poll: PollView, results: PollResults): string {
  const parts =
    poll.kind === 'text'
      ? [answerCount(results.texts.length)]
      : pollBars(poll, results).map((b) => `${b.label}: ${barValue(b)}`);
  const correct = correctText(results);
  return `Results of “${poll.question}”: ${parts.join(', ')}.${correct ? ` ${correct}.` : ''}`;
}

/** Puts a poll's new view in the list (in place, or at the end when new). */
export function upsertPoll(polls: PollView[], view: PollView): PollView[] {
  return polls.some((p) => p.id === view.id) ? polls.map((p) => (p.id === view.id ? view : p)) : [...polls, view];
}

/** What a screen reader hears when a poll changes (null: nothing worth saying). */
export function pollAnnouncement(before: PollView | undefined, after: PollView): string | null {
  if (after.status === 'draft') return null;
  if (after.shared && after.results && !before?.shared) return resultSentence(after, after.results);
  if (after.status === 'open' && before?.status !== 'open') return `New poll: ${after.question}`;
  if (after.status === 'closed' && before?.status === 'open') return `Poll closed: ${answerCount(after.answers)}`;
  if (after.status === 'open' && before && after.answers !== before.answers) return answerCount(after.answers);
  return null;
}

/** The question form as typed by a host. */
export interface PollDraft {
  kind: PollQuestion['kind'];
  question: string;
  options: string[];
  /** Indices of the options marked correct (a knowledge check when any). */
  correct: number[];
  anonymous: boolean;
}

export const emptyDraft = (): PollDraft => ({
  kind: 'single',
  question: '',
  options: ['', ''],
  correct: [],
  anonymous: true,
});

/** The request for the hub: options and correct answers only where the kind has them (blank options dropped). */
export function toQuestion(draft: PollDraft, agendaItemId: string | null = null): PollQuestion {
  const choice = draft.kind === 'single' || draft.kind === 'multiple';
  const kept = choice ? draft.options.map((text, i) => ({ text: text.trim(), i })).filter((o) => o.text) : [];
  const correct = kept.flatMap((o, at) => (draft.correct.includes(o.i) ? [at] : []));
  return {
    kind: draft.kind,
    question: draft.question.trim(),
    ...(choice
      ? { options: kept.map((o) => o.text), correct: draft.kind === 'single' ? correct.slice(0, 1) : correct }
      : {}),
    anonymous: draft.anonymous,
    agendaItemId,
  };
}

/** A prepared poll back in the form, to edit it. */
export function draftOf(poll: {
  kind: PollDraft['kind'];
  question: string;
  options: string[];
  correct: number[];
  anonymous: boolean;
}): PollDraft {
  const choice = poll.kind === 'single' || poll.kind === 'multiple';
  return {
    kind: poll.kind,
    question: poll.question,
    options: choice ? [...poll.options] : ['', ''],
    correct: [...poll.correct],
    anonymous: poll.anonymous,
  };
}
