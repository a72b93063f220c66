import {
  AGE_BANDS,
  CASE_TEXT_FIELDS,
  type CaseDto,
  type CaseTextField,
  type ConfirmedSpan,
  type SubmitCaseRequest,
  SEXES,
} from '@echo-hub/protocol';

export { AGE_BANDS, CASE_TEXT_FIELDS, SEXES };

/** The case form's labels, in the order of the form (modelled on ECHO case presentation forms). */
export const FIELD_LABELS: Record<CaseTextField, string> = {
  title: 'Title',
  presentingQuestion: 'Presenting question',
  summary: 'Summary',
  history: 'Relevant history',
  medications: 'Current medications',
  investigations: 'Investigations and results',
  tried: 'What has been tried',
  socialContext: 'Social context',
  specificQuestions: 'Specific questions for the hub',
};

export const FIELD_HINTS: Partial<Record<CaseTextField, string>> = {
  title: 'A short description the queue shows, e.g. "Low mood and isolation after a bereavement".',
  presentingQuestion: 'What do you want help with? One or two sentences.',
  summary: 'Who the person is and what is happening, in general terms.',
  tried: 'Referrals, activities, medication changes, conversations so far.',
  socialContext: 'Living situation, support, work, money, community: without naming places or people.',
  specificQuestions: 'The questions you would like the spokes and the hub team to answer.',
};

/** Fields the presenter must fill (the server refuses a case without them). */
export const REQUIRED_FIELDS: CaseTextField[] = ['title', 'presentingQuestion', 'summary'];

export type CaseFormValues = Record<CaseTextField | 'ageBand' | 'sex', string>;

export const emptyCaseValues = (): CaseFormValues => ({
  title: '',
  presentingQuestion: '',
  summary: '',
  ageBand: '',
  sex: '',
  history: '',
  medications: '',
  investigations: '',
  tried: '',
  socialContext: '',
  specificQuestions: '',
});

export function valuesFromCase(c: CaseDto): CaseFormValues {
  const values = emptyCaseValues();
  for (const key of Object.keys(values) as (keyof CaseFormValues)[]) values[key] = c[key] ?? '';
  return values;
}

/** A span the presenter said is not identifying, with the text it covered then. */
export interface Confirmation extends ConfirmedSpan {
  field: CaseTextField;
  text: string;
}

export const sameSpan = (a: ConfirmedSpan, b: ConfirmedSpan) =>
  a.field === b.field && a.start === b.start && a.end === b.end;

/**
 * The request for the form's values: the title trimmed (as the server trims it, so its confirmed
 * spans move along), empty optional fields left out, or sent as '' when `clear` (an update).
 */
export function caseRequest(
  values: CaseFormValues,
  confirmations: Confirmation[],
  clear: boolean,
): SubmitCaseRequest & { confirmedSpans: ConfirmedSpan[] } {
  const lead = values.title.length - values.title.trimStart().length;
  const title = values.title.trim();
  const request: SubmitCaseRequest & { confirmedSpans: ConfirmedSpan[] } = {
    title,
    presentingQuestion: values.presentingQuestion,
    summary: values.summary,
    confirmedSpans: confirmations
      .filter((c) => values[c.field].slice(c.start, c.end) === c.text)
      .map(({ field, start, end }) =>
        field === 'title' ? { field, start: start - lead, end: end - lead } : { field, start, end },
      )
      .filter((c) => c.start >= 0),
  };
  for (const field of CASE_TEXT_FIELDS) {
    if (REQUIRED_FIELDS.includes(field)) continue;
    if (values[field] || clear) request[field] = values[field];
  }
  if (values.ageBand) request.ageBand = values.ageBand;
  if (values.sex) request.sex = values.sex;
  return request;
}

/** Where two versions of a text differ: `[start, beforeEnd)` in the old became `[start, afterEnd)` in the new. */
export function changedRange(before: string, after: string): { start: number; beforeEnd: number; afterEnd: number } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, beforeEnd: before.length - tail, afterEnd: after.length - tail };
}

/**
 * Keeps spans in step with an edit: spans before the change stay, spans after it move with the
 * text, and spans the edit touched are dropped (their text changed, so they must be looked at again).
 */
export function shiftSpans<T extends { start: number; end: number }>(spans: T[], before: string, after: string): T[] {
  if (before === after) return spans;
  const { start, beforeEnd, afterEnd } = changedRange(before, after);
  const delta = afterEnd - beforeEnd;
  return spans.flatMap((s) => {
    if (s.end <= start) return [s];
    if (s.start >= beforeEnd) return [{ ...s, start: s.start + delta, end: s.end + delta }];
    return [];
  });
}

/** Where a caret at `position` belongs after the text changed under it (another person's edit). */
export function shiftPosition(position: number, before: string, after: string): number {
  if (before === after) return position;
  const { start, beforeEnd, afterEnd } = changedRange(before, after);
  if (position <= start) return position;
  if (position >= beforeEnd) return position + afterEnd - beforeEnd;
  return afterEnd;
}

export const sexLabel = (sex: string) => (sex ? sex[0].toUpperCase() + sex.slice(1) : '');
