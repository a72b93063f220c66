import { scan } from '@echo-hub/deid';
import type { CaseTextField, FieldFinding } from '@echo-hub/protocol';
import { useMemo } from 'react';
import { CASE_TEXT_FIELDS, type CaseFormValues, type Confirmation, sameSpan } from '../caseForm';
import { useDebounced } from './useDebounced';

/** How long typing must pause before the fields are scanned again. */
export const SCAN_DELAY_MS = 300;

export interface CaseFinding extends FieldFinding {
  field: CaseTextField;
  reason: string;
  /** Found by the hub's gate when the case was sent (the form's own scan did not see it). */
  fromServer: boolean;
}

export interface CaseFindings {
  /** Flagged spans nobody confirmed, in form order. */
  open: CaseFinding[];
  /** Confirmations that still cover the same text. */
  confirmed: Confirmation[];
}

/**
 * Scans every text field with the shared de-identification scanner as the presenter types
 * (debounced), adds what the server's gate reported for text that has not changed since, and
 * splits the result into open findings and confirmed spans.
 */
export function useCaseFindings(
  values: CaseFormValues,
  confirmations: Confirmation[],
  serverFindings: CaseFinding[],
): CaseFindings {
  const settled = useDebounced(values, SCAN_DELAY_MS);
  const scanned = useMemo(
    () =>
      CASE_TEXT_FIELDS.flatMap((field) =>
        scan(settled[field]).map((f): CaseFinding => ({ ...f, field, fromServer: false })),
      ),
    [settled],
  );
  return useMemo(() => {
    // Findings of text that changed since the scan are left out until the next scan.
    const current = (f: CaseFinding) => values[f.field].slice(f.start, f.end) === f.text;
    const all = [...scanned.filter(current)];
    for (const f of serverFindings.filter(current)) if (!all.some((x) => sameSpan(x, f))) all.push(f);
    const confirmed = confirmations.filter((c) => values[c.field].slice(c.start, c.end) === c.text);
    const order = (f: CaseFinding) => CASE_TEXT_FIELDS.indexOf(f.field) * 1e6 + f.start;
    return {
      open: all.filter((f) => !confirmed.some((c) => sameSpan(c, f))).sort((a, b) => order(a) - order(b)),
      confirmed,
    };
  }, [scanned, serverFindings, confirmations, values]);
}
