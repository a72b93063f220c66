import type { CaseTextField } from '@echo-hub/protocol';
import type { Ref } from 'react';
import type { Confirmation } from '../caseForm';
import type { CaseFinding } from '../hooks/useCaseFindings';

interface FieldFindingsProps {
  id: string;
  findings: CaseFinding[];
  confirmed: Confirmation[];
  onEdit: (f: CaseFinding) => void;
  onConfirm: (f: CaseFinding) => void;
  onUndo: (c: Confirmation) => void;
}

/** Under a field: each flagged span marked, why, and the two ways out (change it, or confirm it). */
export function FieldFindings({ id, findings, confirmed, onEdit, onConfirm, onUndo }: FieldFindingsProps) {
  if (findings.length === 0 && confirmed.length === 0) return null;
  return (
    <div className="case-field-findings">
      {findings.length > 0 && (
        <ul id={id} className="case-finding-list">
          {findings.map((f) => (
            <li key={`${f.start}-${f.end}`} className="case-finding">
              <span>
                Possible identifier: <mark>{f.text}</mark> <span className="hint">({f.reason})</span>
                {f.fromServer && <span className="hint"> flagged by the hub</span>}
              </span>
              <span className="case-finding-actions">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Edit ${f.text}`}
                  onClick={() => onEdit(f)}
                >
                  Edit
                </button>
                <button type="button" className="button button-small" onClick={() => onConfirm(f)}>
                  Not identifying: {f.text}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {confirmed.length > 0 && (
        <ul className="case-finding-list">
          {confirmed.map((c) => (
            <li key={`${c.start}-${c.end}`} className="case-finding case-finding-confirmed">
              <span>
                You confirmed <q>{c.text}</q> is not identifying.
              </span>
              <button type="button" className="button button-small" onClick={() => onUndo(c)}>
                Undo: {c.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FindingsSummaryProps {
  findings: CaseFinding[];
  labels: Record<CaseTextField, string>;
  onShow: (f: CaseFinding) => void;
  ref?: Ref<HTMLHeadingElement>;
}

/** Every open finding of the form in one place, with a count (the region "Possible identifiers"). */
export function FindingsSummary({ findings, labels, onShow, ref }: FindingsSummaryProps) {
  const count = findings.length;
  return (
    <section aria-label="Possible identifiers" className={count ? 'case-summary case-summary-open' : 'case-summary'}>
      <h2 ref={ref} tabIndex={-1}>
        Possible identifiers <span className="badge case-count">{count}</span>
      </h2>
      <p role="status" className="hint">
        {count === 0
          ? 'None found so far. The hub checks again when you submit.'
          : `${count} ${count === 1 ? 'span' : 'spans'} to change or confirm as not identifying.`}
      </p>
      {count > 0 && (
        <ul className="case-summary-list">
          {findings.map((f) => (
            <li key={`${f.field}-${f.start}-${f.end}`}>
              <mark>{f.text}</mark> in{' '}
              <button type="button" className="link-button" onClick={() => onShow(f)}>
                {labels[f.field]}
              </button>
              <span className="hint"> · {f.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
