import type { CaseDto } from '@echo-hub/protocol';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { ErrorAlert, LoadFailure, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { getCase, postFollowUp } from '../api/cases';
import { type CaseFormValues, type Confirmation, valuesFromCase } from '../caseForm';
import { sessionOptionLabel, useUpcomingSessions } from '../hooks/useUpcomingSessions';
import { CaseForm } from './CaseForm';
import { confirmationsOf } from './EditCasePage';
import type { CaseSavedState } from './NewCasePage';

const PREFIX = 'Follow-up: ';

/** The original's text to start from: the title marked as a follow-up, its confirmations moved along. */
function startingPoint(c: CaseDto): { values: CaseFormValues; confirmations: Confirmation[] } {
  const values = valuesFromCase(c);
  const prefixed = c.title.startsWith(PREFIX) ? c.title : `${PREFIX}${c.title}`.slice(0, 200);
  const shift = prefixed.length - c.title.length;
  values.title = prefixed;
  values.presentingQuestion = '';
  const confirmations = confirmationsOf(c)
    .map((x) => (x.field === 'title' ? { ...x, start: x.start + shift, end: x.end + shift } : x))
    .filter((x) => values[x.field].slice(x.start, x.end) === x.text);
  return { values, confirmations };
}

/** `/cases/:caseId/follow-up`: the presenter reports back in a later session, linked to the original case. */
export function FollowUpPage() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const original = useResource(`case:${caseId}`, () => getCase(caseId));
  const sessions = useUpcomingSessions(original.status === 'ready' ? original.data.programId : null);
  const [sessionId, setSessionId] = useState('');
  const [sessionError, setSessionError] = useState<string[] | undefined>();

  if (original.status === 'loading') return <Loading>Loading the case…</Loading>;
  if (original.status === 'error') return <LoadFailure error={original.error} what="Case" />;
  const c = original.data;
  const choices = sessions.status === 'ready' ? sessions.data.filter((s) => s.id !== c.sessionId) : [];
  const chosen = sessionId || choices[0]?.id || '';
  const start = startingPoint(c);

  return (
    <article>
      <title>{`Follow-up of ${c.title} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/cases/${c.id}`}>← {c.title}</Link>
      </p>
      <h1>Post a follow-up</h1>
      <p className="lede">
        Tell the hub what happened after the recommendations for <Link to={`/cases/${c.id}`}>{c.title}</Link>. The
        follow-up joins the queue of the session you choose.
      </p>
      {sessions.status === 'loading' && <Loading>Loading the upcoming sessions…</Loading>}
      {sessions.status === 'error' && <ErrorAlert error={sessions.error} />}
      {sessions.status === 'ready' && choices.length === 0 && (
        <p className="notice">There is no upcoming session to present in yet. Ask the coordinator to schedule one.</p>
      )}
      {choices.length > 0 && (
        <CaseForm
          mode="follow-up"
          initial={start.values}
          initialConfirmations={start.confirmations}
          before={
            <Field label="Session" hint="The session to present the follow-up in." error={sessionError}>
              {(control) => (
                <select {...control} value={chosen} onChange={(e) => setSessionId(e.target.value)}>
                  {choices.map((s) => (
                    <option key={s.id} value={s.id}>
                      {sessionOptionLabel(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          }
          onSave={async (request) => {
            setSessionError(undefined);
            try {
              const created = await postFollowUp(c.id, { ...request, sessionId: chosen });
              const state: CaseSavedState = { saved: 'follow-up', position: created.position };
              navigate(`/cases/${created.id}`, { state });
            } catch (e) {
              const fields = (e as { body?: { fields?: { field: string; messages: string[] }[] } }).body?.fields;
              setSessionError(fields?.find((f) => f.field === 'sessionId')?.messages);
              throw e;
            }
          }}
        />
      )}
    </article>
  );
}
