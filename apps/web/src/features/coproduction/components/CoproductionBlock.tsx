import type { CoproductionFigures } from '@echo-hub/protocol';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** The impact report's representation by co-production role, beside the figures by participation type. */
export function CoproductionBlock({ figures }: { figures: CoproductionFigures }) {
  return (
    <section aria-labelledby="coproduction-figures" className="panel">
      <h3 id="coproduction-figures">By co-production role</h3>
      <p data-testid="coproduction-summary">
        {figures.sessionsWithLivedExperienceCoFacilitator} of {figures.sessions}{' '}
        {figures.sessions === 1 ? 'session' : 'sessions'} ({percent(figures.share)}) had a service user or carer as
        co-facilitator.
      </p>
      <div className="table-wrap" role="region" aria-labelledby="coproduction-figures" tabIndex={0}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Sessions</th>
              <th scope="col">People</th>
              <th scope="col">
                <abbr title="Service users and carers">Lived exp.</abbr>
              </th>
              <th scope="col">Hours</th>
              <th scope="col">In groups</th>
            </tr>
          </thead>
          <tbody>
            {figures.byRole.map((r) => (
              <tr key={r.role}>
                <th scope="row">{r.label}</th>
                <td>{r.sessions}</td>
                <td>{r.people}</td>
                <td>{r.livedExperiencePeople}</td>
                <td>{r.hours.toFixed(1)}</td>
                <td>{r.inGroups}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
