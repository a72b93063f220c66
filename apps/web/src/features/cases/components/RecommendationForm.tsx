import { scan } from '@echo-hub/deid';
import type { RecommendationDto } from '@echo-hub/protocol';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { identifierFindings } from '../../../lib/api';
import { addRecommendation } from '../api/cases';
import { SCAN_DELAY_MS } from '../hooks/useCaseFindings';
import { useDebounced } from '../hooks/useDebounced';

/** Facilitators and experts write recommendations; identifiers must be taken out (they cannot be confirmed here). */
export function RecommendationForm({ caseId, onAdded }: { caseId: string; onAdded: (r: RecommendationDto) => void }) {
  const [body, setBody] = useState('');
  const [added, setAdded] = useState(false);
  const action = useAction();
  const findingsId = useId();
  const settled = useDebounced(body, SCAN_DELAY_MS);
  const findings = useMemo(() => scan(settled).filter((f) => body.slice(f.start, f.end) === f.text), [settled, body]);
  const refused = identifierFindings(action.error);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAdded(false);
    void action.run(async () => {
      onAdded(await addRecommendation(caseId, body));
      setBody('');
      setAdded(true);
    });
  };

  return (
    <form className="form card" onSubmit={onSubmit} aria-label="Add recommendation" noValidate>
      <h2>Add recommendation</h2>
      {refused.length > 0 ? (
        <p role="alert" className="alert">
          Take out what could identify the patient: {refused.map((f) => `"${f.text}"`).join(', ')}.
        </p>
      ) : (
        <FormError error={action.error} fields={['body']} />
      )}
      <Field
        label="Recommendation"
        hint="Written for the presenter: next steps, referrals, what to review and when."
        error={action.fieldError('body')}
      >
        {(control) => (
          <textarea
            {...control}
            aria-describedby={
              [control['aria-describedby'], findings.length ? findingsId : undefined].filter(Boolean).join(' ') ||
              undefined
            }
            rows={5}
            maxLength={10_000}
            value={body}
            onChange={(e) => {
              setAdded(false);
              setBody(e.target.value);
            }}
          />
        )}
      </Field>
      {findings.length > 0 && (
        <ul id={findingsId} className="case-finding-list">
          {findings.map((f) => (
            <li key={`${f.start}-${f.end}`} className="case-finding">
              <span>
                Possible identifier: <mark>{f.text}</mark> <span className="hint">({f.reason})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending || !body.trim()}>
          Add recommendation
        </button>
        <p role="status" className="hint">
          {added ? 'Recommendation added.' : ''}
        </p>
      </div>
    </form>
  );
}
