import type { FunnelGroup, RegistrationFunnel } from '@echo-hub/protocol';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { getRegistrationFunnel } from '../api/impact';
import { BarChart } from './charts/BarChart';
import { percent } from './charts/scale';

/** Registered → attended at least one session → completed the series → certified, with the drop-off (issue #20). */
export function RegistrationFunnelSection({ programId, version }: { programId: string; version: number }) {
  const funnel = useResource(`funnel:${programId}:${version}`, () => getRegistrationFunnel(programId));
  return (
    <section aria-labelledby="funnel-title" className="panel">
      <h2 id="funnel-title">From registration to certificate</h2>
      {funnel.status === 'loading' && <Loading>Counting registrations…</Loading>}
      {funnel.status === 'error' && <ErrorAlert error={funnel.error} />}
      {funnel.status === 'ready' && <FunnelView funnel={funnel.data} />}
    </section>
  );
}

function FunnelView({ funnel: f }: { funnel: RegistrationFunnel }) {
  return (
    <>
      <p className="hint">
        People who registered through the public form, followed to their account: attended at least one session,
        completed the series ({f.completionSessions} sessions attended as learning experiences), certified (a
        certificate issued).
      </p>
      <BarChart
        id="funnel-chart"
        title="Registration funnel"
        summary={f.stages
          .map((s) => `${s.label}: ${s.people}${s.dropOff === null ? '' : ` (drop-off ${percent(s.dropOff)})`}`)
          .join('; ')}
        categories={f.stages.map((s) => ({ key: s.stage, label: s.label }))}
        series={[{ name: 'People', className: 'bar-attendance', values: f.stages.map((s) => s.people) }]}
        empty="Nobody has registered yet."
      />
      <FunnelTable id="funnel-site" title="By site" groups={f.bySite} />
      <FunnelTable id="funnel-role" title="By role" groups={f.byRole} />
      <FunnelTable id="funnel-type" title="By participation type" groups={f.byParticipationType} />
    </>
  );
}

function FunnelTable({ id, title, groups }: { id: string; title: string; groups: FunnelGroup[] }) {
  if (!groups.length) return null;
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data">
        <caption id={id}>{`Registration funnel ${title.toLowerCase()}`}</caption>
        <thead>
          <tr>
            <th scope="col">{title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}</th>
            {groups[0].stages.map((s) => (
              <th scope="col" key={s.stage}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key ?? ''}>
              <th scope="row">{g.label}</th>
              {g.stages.map((s) => (
                <td key={s.stage}>
                  {s.people}
                  {s.dropOff !== null && s.dropOff > 0 ? ` (−${percent(s.dropOff)})` : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
