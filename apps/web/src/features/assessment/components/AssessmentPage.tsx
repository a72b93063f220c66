import type { AssessmentRoundDto, AssessmentRoundSummary } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { ErrorAlert, FormError, LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formReader, optional } from '../../../lib/forms';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { canManage, getProgramWithMembers } from '../../programs';
import { listSessions } from '../../sessions';
import { getRound, listRounds, listTemplates, openRound } from '../api/assessment';
import { AnswerForm } from './AnswerForm';
import { AssessmentResults } from './AssessmentResults';
import { PrioritiesSection } from './PrioritiesSection';
import { TemplatesSection } from './TemplatesSection';
import '../assessment.css';

const YEAR = 365 * 86_400_000;

/** `/programs/:programId/assessment`: the maturity self-assessment, its results, the priorities and the plan. */
export function AssessmentPage() {
  const { programId = '' } = useParams();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  // A template saved below shows at once in "Open a round".
  const [templatesVersion, setTemplatesVersion] = useState(0);
  const overview = useResource(`program-members:${programId}`, () => getProgramWithMembers(programId));
  const rounds = useResource(`rounds:${programId}`, () => listRounds(programId));
  const roundId = params.get('round') ?? (rounds.status === 'ready' ? (rounds.data[0]?.id ?? null) : null);
  const round = useResource(roundId ? `round:${roundId}` : null, () => getRound(programId, roundId ?? ''));
  const sessions = useResource(`sessions:${programId}`, () =>
    listSessions(programId, new Date(Date.now() - YEAR), new Date(Date.now() + YEAR)),
  );

  if (overview.status === 'loading') return <Loading>Loading the program…</Loading>;
  if (overview.status === 'error') return <LoadFailure error={overview.error} what="Program" />;
  const { program, members } = overview.data;
  const manager = canManage(program.myRole, user);
  const choose = (id: string) => setParams({ round: id });

  return (
    <article className="assessment">
      <title>{`Self-assessment · ${program.name} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${program.id}`}>← {program.name}</Link>
      </p>
      <div className="page-header">
        <h1>Self-assessment</h1>
      </div>
      <p className="lede">
        Each member scores how far integrated care is in place, dimension by dimension. The radar and the spread of
        opinion are where the consensus workshop starts; its agreed priorities lead to the learning plan.
      </p>
      {rounds.status === 'loading' && <Loading>Loading the rounds…</Loading>}
      {rounds.status === 'error' && <ErrorAlert error={rounds.error} />}
      {rounds.status === 'ready' && rounds.data.length > 0 && (
        <RoundPicker rounds={rounds.data} current={roundId} onChoose={choose} />
      )}
      {rounds.status === 'ready' && rounds.data.length === 0 && (
        <p className="hint">No self-assessment round has been opened in this program yet.</p>
      )}
      {manager && rounds.status === 'ready' && (
        <OpenRoundForm
          programId={program.id}
          rounds={rounds.data}
          templatesVersion={templatesVersion}
          onOpened={(opened) => {
            rounds.reload();
            choose(opened.id);
          }}
        />
      )}
      {manager && <TemplatesSection programId={program.id} onSaved={() => setTemplatesVersion((v) => v + 1)} />}
      {round.status === 'error' && <ErrorAlert error={round.error} />}
      {round.status === 'ready' && (
        <>
          <section aria-labelledby="round-title" className="panel">
            <h2 id="round-title">{round.data.title}</h2>
            <p className="hint">
              {round.data.templateName} · opened {formatDate(round.data.createdAt)} · {round.data.respondents}{' '}
              {round.data.respondents === 1 ? 'answer' : 'answers'}
            </p>
            <AssessmentResults round={round.data} />
            <AnswerForm programId={program.id} round={round.data} onSaved={(saved) => round.update(() => saved)} />
          </section>
          <PrioritiesSection
            programId={program.id}
            round={round.data}
            manager={manager}
            members={members}
            sessions={sessions.status === 'ready' ? sessions.data : []}
            onChanged={round.reload}
          />
        </>
      )}
    </article>
  );
}

function RoundPicker({
  rounds,
  current,
  onChoose,
}: {
  rounds: AssessmentRoundSummary[];
  current: string | null;
  onChoose: (id: string) => void;
}) {
  return (
    <div className="field round-picker">
      <label htmlFor="round-select">Round</label>
      <select id="round-select" value={current ?? ''} onChange={(e) => onChoose(e.target.value)}>
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title} ({r.respondents} {r.respondents === 1 ? 'answer' : 'answers'})
          </option>
        ))}
      </select>
    </div>
  );
}

function OpenRoundForm({
  programId,
  rounds,
  templatesVersion,
  onOpened,
}: {
  programId: string;
  rounds: AssessmentRoundSummary[];
  templatesVersion: number;
  onOpened: (round: AssessmentRoundDto) => void;
}) {
  const templates = useResource(`templates:${programId}:${templatesVersion}`, () => listTemplates(programId));
  const action = useAction();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    void action.run(async () => {
      const opened = await openRound(programId, {
        title: field('title'),
        templateId: field('templateId'),
        previousRoundId: optional(field('previousRoundId')),
      });
      form.reset();
      onOpened(opened);
    });
  };
  return (
    <details className="panel open-round">
      <summary>Open a round</summary>
      <form className="form" onSubmit={onSubmit} aria-label="Open a self-assessment round">
        <FormError error={action.error} fields={['title', 'templateId', 'previousRoundId']} />
        <Field label="Title" error={action.fieldError('title')}>
          {(p) => <input {...p} name="title" required maxLength={200} placeholder="Baseline self-assessment 2026" />}
        </Field>
        <Field label="Template" error={action.fieldError('templateId')}>
          {(p) => (
            <select {...p} name="templateId" required>
              {templates.status === 'ready' &&
                templates.data.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field
          label="Re-assessment of (optional)"
          hint="Shows the change per dimension since that round."
          error={action.fieldError('previousRoundId')}
        >
          {(p) => (
            <select {...p} name="previousRoundId">
              <option value="">None: a first assessment</option>
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={action.pending}>
            Open round
          </button>
        </div>
      </form>
    </details>
  );
}
