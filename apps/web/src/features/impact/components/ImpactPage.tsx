import type { ImpactFilters, ImpactReport } from '@echo-hub/protocol';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { CoproductionBlock } from '../../coproduction';
import { LearningActivitiesBlock } from '../../exchanges';
import { getProgramOverview, canManage } from '../../programs';
import { downloadAttendanceCsv, getImpact } from '../api/impact';
import { BarChart } from './charts/BarChart';
import { DumbbellChart } from './charts/DumbbellChart';
import { LineChart } from './charts/LineChart';
import { RatingsChart } from './charts/RatingsChart';
import { percent } from './charts/scale';
import { TargetChart } from './charts/TargetChart';
import { GroupTable } from './GroupTable';
import { ImpactFiltersForm } from './ImpactFiltersForm';
import { ImpactSettingsForm } from './ImpactSettingsForm';
import { RegistrationFunnelSection } from './RegistrationFunnelSection';
import { SessionsTable } from './SessionsTable';
import { SurveysSection } from './SurveysSection';
import { RegistrationSettings } from '../../registration';
import '../impact.css';

/** `/programs/:programId/impact`: what the program can show its funders. */
export function ImpactPage() {
  const { programId = '' } = useParams();
  const { user } = useAuth();
  const overview = useResource(`program:${programId}`, () => getProgramOverview(programId));
  const [filters, setFilters] = useState<ImpactFilters>({});
  const [version, setVersion] = useState(0);
  const report = useResource(`impact:${programId}:${JSON.stringify(filters)}:${version}`, () =>
    getImpact(programId, filters),
  );
  const csv = useAction();

  if (overview.status === 'loading') return <Loading>Loading the program…</Loading>;
  if (overview.status === 'error') return <LoadFailure error={overview.error} what="Program" />;
  const { program, sites } = overview.data;
  const manager = canManage(program.myRole, user);

  return (
    <article className="impact">
      <title>{`Impact · ${program.name} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${program.id}`}>← {program.name}</Link>
      </p>
      <div className="page-header">
        <h1>Impact</h1>
        {manager && (
          <button
            type="button"
            className="button"
            disabled={csv.pending}
            onClick={() => void csv.run(() => downloadAttendanceCsv(program.id, filters))}
          >
            Download attendance (CSV)
          </button>
        )}
      </div>
      {csv.error && <ErrorAlert error={csv.error} />}
      <ImpactFiltersForm filters={filters} sites={sites} onChange={setFilters} />
      {report.status === 'loading' && <Loading>Counting attendance…</Loading>}
      {report.status === 'error' && <ErrorAlert error={report.error} />}
      {report.status === 'ready' && <ImpactReportView report={report.data} manager={manager} version={version} />}
      {/* issue 20: registration funnel */}
      <RegistrationFunnelSection programId={program.id} version={version} />
      {manager && <RegistrationSettings programId={program.id} onSaved={() => setVersion((v) => v + 1)} />}
      {manager && (
        <ImpactSettingsForm
          program={program}
          onSaved={(saved) => {
            overview.update((o) => ({ ...o, program: saved }));
            setVersion((v) => v + 1);
          }}
        />
      )}
    </article>
  );
}

function ImpactReportView({
  report: r,
  manager,
  version,
}: {
  report: ImpactReport;
  manager: boolean;
  version: number;
}) {
  const share = Math.round(r.settings.minAttendanceShare * 100);
  const t = r.target;
  const months = r.byMonth.map((m) => ({ key: m.month, label: m.label }));
  return (
    <>
      <dl className="stats" aria-label="Totals">
        <Stat id="sessions" label="Sessions delivered" value={r.sessions} />
        <Stat id="learning-experiences" label="Learning experiences" value={r.learningExperiences} />
        <Stat id="participants" label="People who took part" value={r.uniqueParticipants} />
        <Stat id="hours" label="Hours of learning" value={r.hours.toFixed(1)} />
        <Stat
          id="representation"
          label="Service users and carers"
          value={percent(r.representation.share)}
          detail={`of ${r.representation.attendances} attendances`}
        />
        <Stat
          id="response-rate"
          label="Survey response rate"
          value={percent(r.surveys.responseRate)}
          detail={`${r.surveys.responded} of ${r.surveys.sent}`}
        />
      </dl>
      <p className="hint">
        A learning experience is one person attending at least {share}% of a session’s scheduled time (reconnections
        merged). {r.uniqueLearners} people have at least one.
      </p>
      <section aria-labelledby="target-title" className="panel target-summary">
        <h2 id="target-title">Progress against the target</h2>
        <p data-testid="target-progress">
          {t.target === null
            ? `${t.achieved} learning experiences so far; no target set.`
            : `${t.achieved} of ${t.target} learning experiences (${percent(t.progress)}).`}{' '}
          Forecast: <strong>{t.forecast}</strong> by {formatDate(`${t.horizon.date}T12:00:00Z`)}
          {t.onTrack === null ? '' : t.onTrack ? ' — on track.' : ' — short of the target at the current rate.'}
          {t.projectedReachDate &&
            ` At this rate the target is reached on ${formatDate(`${t.projectedReachDate}T12:00:00Z`)}.`}
        </p>
        <p className="hint">How it is computed: {t.method}</p>
      </section>
      <div className="charts">
        <BarChart
          id="attendance-chart"
          title="Attendance and learning experiences by month"
          summary={r.byMonth
            .map((m) => `${m.label}: ${m.attendances} attendances, ${m.learningExperiences} learning experiences`)
            .join('; ')}
          categories={months}
          series={[
            { name: 'Attendances', className: 'bar-attendance', values: r.byMonth.map((m) => m.attendances) },
            {
              name: 'Learning experiences',
              className: 'bar-learning',
              values: r.byMonth.map((m) => m.learningExperiences),
            },
          ]}
          empty="No delivered sessions in this selection."
        />
        <TargetChart target={t} generatedAt={r.generatedAt} />
        <LineChart
          id="representation-chart"
          title="Service users and carers among attendees"
          summary={r.perSession.map((s) => `${formatDate(s.startsAt)}: ${percent(s.representationShare)}`).join('; ')}
          points={r.perSession.map((s) => ({
            key: s.sessionId,
            label: new Date(s.startsAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }),
            share: s.representationShare,
            detail: `${s.serviceUsersAndCarers} of ${s.present}`,
          }))}
          empty="No attendance in this selection."
        />
        <DumbbellChart items={r.confidence} />
        <RatingsChart ratings={r.ratings} />
      </div>
      <div className="group-tables">
        <GroupTable id="by-site" title="By site" groups={r.bySite} />
        <GroupTable id="by-role" title="By role" groups={r.byRole} />
        <GroupTable id="by-participation" title="By participation type" groups={r.byParticipationType} />
        <CoproductionBlock figures={r.coproduction} />
        <GroupTable id="by-profession" title="By profession" groups={r.byProfession} />
        <LearningActivitiesBlock figures={r.learningActivities} />
      </div>
      <SessionsTable sessions={r.perSession} />
      <SurveysSection programId={r.programId} manager={manager} version={version} />
    </>
  );
}

function Stat({ id, label, value, detail }: { id: string; label: string; value: string | number; detail?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={`stat-${id}`}>
        {value}
        {detail && <span className="stat-detail"> {detail}</span>}
      </dd>
    </div>
  );
}
