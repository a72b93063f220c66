import type { CaseTextField, ConfirmedSpan, SubmitCaseRequest } from '@echo-hub/protocol';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { toApiError } from '../../../lib/api';
import { useAction } from '../../../lib/useAction';
import { identifierFindings } from '../../../lib/api';
import {
  AGE_BANDS,
  CASE_TEXT_FIELDS,
  type CaseFormValues,
  caseRequest,
  type Confirmation,
  FIELD_HINTS,
  FIELD_LABELS,
  REQUIRED_FIELDS,
  sameSpan,
  SEXES,
  sexLabel,
  shiftSpans,
} from '../caseForm';
import { type CaseFinding, useCaseFindings } from '../hooks/useCaseFindings';
import { FindingsSummary, FieldFindings } from './Findings';
import '../cases.css';

export type CaseFormMode = 'new' | 'draft' | 'submitted' | 'follow-up';

export interface CaseSaveRequest extends SubmitCaseRequest {
  confirmedSpans: ConfirmedSpan[];
}

interface CaseFormProps {
  mode: CaseFormMode;
  initial: CaseFormValues;
  initialConfirmations?: Confirmation[];
  /** Controls shown above the case fields (the follow-up's session). */
  before?: ReactNode;
  /** Saves the case; `draft` says which button was used. Throws ApiError (422 findings are shown by the form). */
  onSave: (request: CaseSaveRequest, draft: boolean) => Promise<void>;
  onWithdraw?: () => Promise<void>;
}

const REMINDER =
  'Remove names, dates, addresses and numbers that could identify the patient; give an age band, not a date of birth.';

/**
 * The case presentation form. Every text field is scanned for identifiers as the presenter types;
 * each flagged span is changed or confirmed "not identifying" (sent with the case, recorded by the
 * hub). The server checks again and is the authority: its findings are shown next to their fields.
 */
export function CaseForm({ mode, initial, initialConfirmations = [], before, onSave, onWithdraw }: CaseFormProps) {
  const idPrefix = useId();
  const fieldId = (field: string) => `${idPrefix}-${field}`;
  const [values, setValues] = useState(initial);
  const [confirmations, setConfirmations] = useState<Confirmation[]>(initialConfirmations);
  const [serverFindings, setServerFindings] = useState<CaseFinding[]>([]);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const action = useAction();
  const withdrawAction = useAction();
  const findings = useCaseFindings(values, confirmations, serverFindings);

  const change = (field: keyof CaseFormValues, value: string) => {
    const before = values[field];
    setValues((v) => ({ ...v, [field]: value }));
    if (field === 'ageBand' || field === 'sex') return;
    // Confirmations and the hub's findings move with the text; an edit inside one drops it.
    const inField = <T extends { field: string }>(list: T[]) => list.filter((x) => x.field === field);
    const outside = <T extends { field: string }>(list: T[]) => list.filter((x) => x.field !== field);
    setConfirmations((list) => [...outside(list), ...shiftSpans(inField(list), before, value)]);
    setServerFindings((list) => [...outside(list), ...shiftSpans(inField(list), before, value)]);
  };

  const confirm = (f: CaseFinding) =>
    setConfirmations((list) => [
      ...list.filter((c) => !sameSpan(c, f)),
      { field: f.field, start: f.start, end: f.end, text: f.text },
    ]);
  const unconfirm = (c: Confirmation) => setConfirmations((list) => list.filter((x) => !sameSpan(x, c)));

  /** Puts the caret on a flagged span so the presenter can change it. */
  const edit = (f: { field: CaseTextField; start: number; end: number }) => {
    const el = document.getElementById(fieldId(f.field));
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      el.focus();
      el.setSelectionRange(f.start, f.end);
    }
  };

  const save = (draft: boolean) =>
    void action.run(async () => {
      try {
        await onSave(caseRequest(values, findings.confirmed, mode !== 'new' && mode !== 'follow-up'), draft);
      } catch (e) {
        const found = identifierFindings(toApiError(e));
        if (found.length) {
          setServerFindings(
            found
              .filter((f): f is typeof f & { field: CaseTextField } =>
                CASE_TEXT_FIELDS.includes(f.field as CaseTextField),
              )
              .map((f) => {
                // The server saw the trimmed title: its offsets are put back on the title as typed.
                const lead = f.field === 'title' ? values.title.length - values.title.trimStart().length : 0;
                return {
                  ...f,
                  start: f.start + lead,
                  end: f.end + lead,
                  reason: f.reason ?? 'Flagged by the hub',
                  fromServer: true,
                };
              }),
          );
          requestAnimationFrame(() => summaryHeading.current?.focus());
        }
        throw e;
      }
    });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save(false);
  };

  const identifiersRefused = identifierFindings(action.error).length > 0;
  const textField = (field: CaseTextField) => {
    const open = findings.open.filter((f) => f.field === field);
    const confirmed = findings.confirmed.filter((c) => c.field === field);
    const listId = `${fieldId(field)}-findings`;
    return (
      <Field
        key={field}
        id={fieldId(field)}
        label={
          <>
            {FIELD_LABELS[field]}
            {REQUIRED_FIELDS.includes(field) && <span className="case-required"> (required)</span>}
          </>
        }
        hint={FIELD_HINTS[field]}
        error={action.fieldError(field)}
      >
        {(control) => {
          const props = {
            ...control,
            'aria-describedby':
              [control['aria-describedby'], open.length ? listId : undefined].filter(Boolean).join(' ') || undefined,
            'aria-required': REQUIRED_FIELDS.includes(field) || undefined,
            value: values[field],
            onChange: (e: { target: { value: string } }) => change(field, e.target.value),
            className: open.length ? 'case-flagged' : undefined,
          };
          return (
            <>
              {field === 'title' ? (
                <input {...props} type="text" maxLength={200} autoComplete="off" />
              ) : (
                <textarea {...props} rows={field === 'summary' ? 5 : 3} maxLength={10_000} />
              )}
              <FieldFindings
                id={listId}
                findings={open}
                confirmed={confirmed}
                onEdit={edit}
                onConfirm={confirm}
                onUndo={unconfirm}
              />
            </>
          );
        }}
      </Field>
    );
  };

  return (
    <div className="case-form-layout">
      <form className="form card case-form" onSubmit={onSubmit} aria-label="Case presentation" noValidate>
        {before}
        {identifiersRefused ? (
          <p role="alert" className="alert">
            The hub found possible identifiers. Change each one, or confirm it is not identifying, then try again.
          </p>
        ) : (
          <FormError error={action.error} fields={[...CASE_TEXT_FIELDS, 'ageBand', 'sex']} />
        )}
        {textField('title')}
        {textField('presentingQuestion')}
        {textField('summary')}
        <div className="field-row">
          <Field label="Age band" hint="An age band, never a date of birth." error={action.fieldError('ageBand')}>
            {(control) => (
              <select {...control} value={values.ageBand} onChange={(e) => change('ageBand', e.target.value)}>
                <option value="">Not given</option>
                {AGE_BANDS.map((band) => (
                  <option key={band} value={band}>
                    {band}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Sex" error={action.fieldError('sex')}>
            {(control) => (
              <select {...control} value={values.sex} onChange={(e) => change('sex', e.target.value)}>
                <option value="">Not given</option>
                {SEXES.map((sex) => (
                  <option key={sex} value={sex}>
                    {sexLabel(sex)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {(['history', 'medications', 'investigations', 'tried', 'socialContext', 'specificQuestions'] as const).map(
          textField,
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={action.pending}>
            {mode === 'submitted' ? 'Save changes' : mode === 'follow-up' ? 'Post follow-up' : 'Submit case'}
          </button>
          {(mode === 'new' || mode === 'draft') && (
            <button type="button" className="button" disabled={action.pending} onClick={() => save(true)}>
              Save draft
            </button>
          )}
          {onWithdraw && !confirmWithdraw && (
            <button type="button" className="button button-danger" onClick={() => setConfirmWithdraw(true)}>
              Withdraw case
            </button>
          )}
          <p role="status" className="hint">
            {action.pending ? 'Saving…' : ''}
          </p>
        </div>
        {onWithdraw && confirmWithdraw && (
          <div className="case-confirm" role="group" aria-label="Confirm withdrawing the case">
            <p>Withdraw this case? It leaves the queue and will not be presented.</p>
            <FormError error={withdrawAction.error} />
            <div className="actions">
              <button
                type="button"
                className="button button-danger"
                disabled={withdrawAction.pending}
                onClick={() => void withdrawAction.run(onWithdraw)}
              >
                Yes, withdraw
              </button>
              <button type="button" className="button" onClick={() => setConfirmWithdraw(false)}>
                Keep the case
              </button>
            </div>
          </div>
        )}
      </form>
      <aside className="case-form-aside">
        <div className="case-reminder" role="note" aria-label="De-identify the case">
          <p>
            <strong>Before you write:</strong> {REMINDER}
          </p>
        </div>
        <FindingsSummary ref={summaryHeading} findings={findings.open} labels={FIELD_LABELS} onShow={edit} />
      </aside>
    </div>
  );
}
