import type { ImpactGroup } from '@echo-hub/protocol';

/** Figures by site, role, participation type or profession. */
export function GroupTable({ id, title, groups }: { id: string; title: string; groups: ImpactGroup[] }) {
  return (
    <section aria-labelledby={id} className="panel">
      <h3 id={id}>{title}</h3>
      {groups.length === 0 ? (
        <p className="hint">No attendance in this selection.</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{title.replace(/^By /, '')}</th>
                <th scope="col">Attended</th>
                <th scope="col">
                  <abbr title="Learning experiences">Learning exp.</abbr>
                </th>
                <th scope="col">People</th>
                <th scope="col">Hours</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key ?? 'none'}>
                  <th scope="row">{g.label}</th>
                  <td>{g.attendances}</td>
                  <td>{g.learningExperiences}</td>
                  <td>{g.uniqueParticipants}</td>
                  <td>{g.hours.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
