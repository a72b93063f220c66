// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CaseFormValues, type Confirmation, emptyCaseValues } from '../caseForm';
import { type CaseFinding, SCAN_DELAY_MS, useCaseFindings } from './useCaseFindings';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const form = (changes: Partial<CaseFormValues>): CaseFormValues => ({ ...emptyCaseValues(), ...changes });
const NHS = '943 476 5919';

function render(initial: { values: CaseFormValues; confirmations?: Confirmation[]; server?: CaseFinding[] }) {
  return renderHook(({ values, confirmations = [], server = [] }) => useCaseFindings(values, confirmations, server), {
    initialProps: initial,
  });
}

describe('useCaseFindings: the case form’s scanner marks', () => {
  it('marks identifiers in every field, in form order, with the scanner’s reason', () => {
    const { result } = render({
      values: form({ summary: `NHS ${NHS} seen at home`, title: 'Mrs Jane Doe' }),
    });
    expect(result.current.open.map((f) => [f.field, f.text, f.fromServer])).toEqual([
      ['title', 'Mrs Jane Doe', false],
      ['summary', NHS, false],
    ]);
    expect(result.current.open[1].reason).toMatch(/NHS number/);
  });

  it('scans again only once typing pauses, and never marks text that has changed since the scan', () => {
    const { result, rerender } = render({ values: form({ summary: `NHS ${NHS}` }) });
    expect(result.current.open).toHaveLength(1);

    rerender({ values: form({ summary: `NHS ${NHS.slice(0, 5)}` }) });
    expect(result.current.open).toEqual([]); // the old mark no longer fits the text
    rerender({ values: form({ summary: `NHS ${NHS}, phone 07700 900123` }) });
    expect(result.current.open.map((f) => f.text)).toEqual([NHS]); // still the old scan
    act(() => vi.advanceTimersByTime(SCAN_DELAY_MS));
    expect(result.current.open.map((f) => f.text)).toEqual([NHS, '07700 900123']);
  });

  it('leaves confirmed spans out of the open marks while their text is unchanged', () => {
    const values = form({ summary: 'Mrs Jane Doe came' });
    const confirmation: Confirmation = { field: 'summary', start: 0, end: 12, text: 'Mrs Jane Doe' };
    const { result, rerender } = render({ values, confirmations: [confirmation] });
    expect(result.current.open).toEqual([]);
    expect(result.current.confirmed).toEqual([confirmation]);

    rerender({ values: form({ summary: 'Mrs Jane Dog came' }), confirmations: [confirmation] });
    expect(result.current.confirmed).toEqual([]);
  });

  it('adds what the hub’s gate found that the form did not, once, and drops it when its text changes', () => {
    const values = form({ history: 'Lives near the old mill' });
    const fromHub: CaseFinding = {
      field: 'history',
      kind: 'PLACE',
      start: 15,
      end: 23,
      text: 'old mill',
      reason: 'Place name',
      fromServer: true,
    };
    const { result, rerender } = render({ values, server: [fromHub, { ...fromHub }] });
    expect(result.current.open).toEqual([fromHub]);

    rerender({ values: form({ history: 'Lives near the new mill' }), server: [fromHub] });
    expect(result.current.open).toEqual([]);
  });
});
