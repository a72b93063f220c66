import type { LearningActivityFigures } from '@echo-hub/protocol';

/** The impact report's block: learning experiences outside sessions (exchanges, visits, mentoring), by kind. */
export function LearningActivitiesBlock({ figures }: { figures: LearningActivityFigures }) {
  return (
    <section aria-labelledby="outside-sessions" className="panel">
      <h3 id="outside-sessions">Learning outside sessions</h3>
      <p data-testid="learning-activities">
        {figures.learningExperiences} learning experiences from {figures.activities}{' '}
        {figures.activities === 1 ? 'activity' : 'activities'} ({figures.hours.toFixed(1)} hours): exchanges,
        job-shadowing, study visits, expert missions, secondments and mentoring, one per person taking part.
      </p>
      {figures.byKind.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="outside-sessions" tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Activities</th>
                <th scope="col">
                  <abbr title="Learning experiences">Learning exp.</abbr>
                </th>
                <th scope="col">Hours</th>
              </tr>
            </thead>
            <tbody>
              {figures.byKind.map((k) => (
                <tr key={k.kind}>
                  <th scope="row">{k.label}</th>
                  <td>{k.activities}</td>
                  <td>{k.learningExperiences}</td>
                  <td>{k.hours.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
