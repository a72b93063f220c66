import type { CaseDto } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import {
  caseRequest,
  changedRange,
  type Confirmation,
  emptyCaseValues,
  shiftPosition,
  shiftSpans,
  valuesFromCase,
} from './caseForm';

const values = (changes: Partial<ReturnType<typeof emptyCaseValues>>) => ({ ...emptyCaseValues(), ...changes });

describe('the case request built from the form', () => {
  it('sends the required fields, leaves out empty optional ones, and keeps age band and sex when chosen', () => {
    const request = caseRequest(
      values({ title: 'Low mood', presentingQuestion: 'How to help?', summary: 'A man in his 60s', history: 'None' }),
      [],
      false,
    );
    expect(request).toEqual({
      title: 'Low mood',
      presentingQuestion: 'How to help?',
      summary: 'A man in his 60s',
      history: 'None',
      confirmedSpans: [],
    });
    expect(caseRequest(values({ ageBand: '65-74', sex: 'male' }), [], false)).toMatchObject({
      ageBand: '65-74',
      sex: 'male',
    });
  });

  it('sends emptied optional fields as "" on an update, so the server clears them', () => {
    const request = caseRequest(values({ title: 'T', presentingQuestion: 'Q', summary: 'S' }), [], true);
    expect(request.history).toBe('');
    expect(request.specificQuestions).toBe('');
    expect(request.ageBand).toBeUndefined();
  });

  it('trims the title and moves its confirmed spans with it, as the server trims it', () => {
    const confirmations: Confirmation[] = [
      { field: 'title', start: 9, end: 13, text: 'Ards' },
      { field: 'summary', start: 0, end: 4, text: 'Ards' },
    ];
    const request = caseRequest(values({ title: '   Visit Ards centre', summary: 'Ards' }), confirmations, false);
    expect(request.title).toBe('Visit Ards centre');
    expect(request.title.slice(6, 10)).toBe('Ards');
    expect(request.confirmedSpans).toEqual([
      { field: 'title', start: 6, end: 10 },
      { field: 'summary', start: 0, end: 4 },
    ]);
  });

  it('drops confirmations whose text has changed since (they must be looked at again)', () => {
    const confirmations: Confirmation[] = [{ field: 'summary', start: 0, end: 4, text: 'Ards' }];
    expect(caseRequest(values({ summary: 'Down centre' }), confirmations, false).confirmedSpans).toEqual([]);
  });

  it('fills the form from a saved case, with "" for what it lacks', () => {
    const form = valuesFromCase({
      title: 'T',
      presentingQuestion: 'Q',
      summary: 'S',
      history: null,
    } as unknown as CaseDto);
    expect(form.title).toBe('T');
    expect(form.history).toBe('');
    expect(form.sex).toBe('');
  });
});

describe('keeping marks in step with edits', () => {
  it('finds the changed range between two versions', () => {
    expect(changedRange('hello world', 'hello brave world')).toEqual({ start: 6, beforeEnd: 6, afterEnd: 12 });
    expect(changedRange('abcdef', 'abXYef')).toEqual({ start: 2, beforeEnd: 4, afterEnd: 4 });
    expect(changedRange('aaa', 'aa')).toEqual({ start: 2, beforeEnd: 3, afterEnd: 2 });
    expect(changedRange('same', 'same')).toEqual({ start: 4, beforeEnd: 4, afterEnd: 4 });
  });

  it('keeps spans before an edit, moves those after it, and drops those it touched', () => {
    const before = 'Seen by Dr Patel at Ards on Monday';
    const after = 'Seen last week by Dr Patel at Ards on Monday';
    const spans = [
      { start: 0, end: 4, id: 'before' },
      { start: 8, end: 16, id: 'after' },
    ];
    const moved = shiftSpans(spans, before, after);
    expect(moved).toEqual([
      { start: 0, end: 4, id: 'before' },
      { start: 18, end: 26, id: 'after' },
    ]);
    expect(after.slice(18, 26)).toBe('Dr Patel');
    expect(shiftSpans([{ start: 8, end: 16 }], before, 'Seen by Dr Pxtel at Ards on Monday')).toEqual([]);
    expect(shiftSpans(spans, before, before)).toBe(spans);
  });

  it('moves a caret with another person’s edit', () => {
    const before = 'Notes: start here';
    expect(shiftPosition(3, before, 'Notes: start here now')).toBe(3);
    expect(shiftPosition(3, before, 'Our notes: start here')).toBe(7);
    expect(shiftPosition(17, before, 'Notes: we start here')).toBe(20);
    expect(shiftPosition(10, before, 'Notes: begin here')).toBe(12);
    expect(shiftPosition(5, before, before)).toBe(5);
  });
});
