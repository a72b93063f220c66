import type { AssessmentRoundDto } from '@echo-hub/protocol';
import { RadarChart } from './RadarChart';

const show = (n: number | null) => (n === null ? '–' : String(n));
const signed = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

/** The radar (program and sites) and the table of every figure: mean, spread of opinion, each site, change. */
export function AssessmentResults({ round }: { round: AssessmentRoundDto }) {
  if (round.respondents === 0) return <p className="hint">Nobody has answered this round yet.</p>;
  return (
    <div className="assessment-results">
      <RadarChart dimensions={round.dimensions} series={[round.program, ...round.sites]} />
      <div className="table-wrap" role="region" aria-labelledby="spread-title" tabIndex={0}>
        <table className="data" data-testid="assessment-table">
          <caption id="spread-title">
            Scores by dimension: the program’s mean and spread of opinion, each site’s mean
            {round.change ? `, and the change since “${round.change.previousTitle}”` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Mean</th>
              <th scope="col">Min</th>
              <th scope="col">Max</th>
              <th scope="col">
                <abbr title="Standard deviation">SD</abbr>
              </th>
              {round.sites.map((s) => (
                <th scope="col" key={s.siteId ?? 'none'}>
                  {s.siteName}
                </th>
              ))}
              {round.change && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {round.dimensions.map((d, i) => {
              const f = round.program.dimensions[i];
              return (
                <tr key={d.name}>
                  <th scope="row">
                    {i + 1}. {d.name}
                  </th>
                  <td>{show(f.mean)}</td>
                  <td>{show(f.min)}</td>
                  <td>{show(f.max)}</td>
                  <td>{show(f.sd)}</td>
                  {round.sites.map((s) => (
                    <td key={s.siteId ?? 'none'}>{show(s.dimensions[i].mean)}</td>
                  ))}
                  {round.change && <td>{signed(round.change.delta[i])}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
