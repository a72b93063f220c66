import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { downloadCertificate, listCertificatePeriods } from '../api/certificates';

/** My CPD/CME attendance certificates: one per month or year with learning experiences. */
export function CertificatesSection({ programId }: { programId: string }) {
  const [issued, setIssued] = useState<{ period: string; code: string } | null>(null);
  const periods = useResource(`certificates:${programId}:${issued?.code ?? ''}`, () =>
    listCertificatePeriods(programId),
  );
  const action = useAction();
  const download = (period: string) =>
    action.run(async () => {
      const code = await downloadCertificate(programId, period);
      setIssued({ period, code });
    });
  return (
    <section aria-labelledby="certificates-title" className="panel">
      <h2 id="certificates-title">Your attendance certificates</h2>
      <p className="hint">
        A CPD/CME certificate of the sessions you attended, with the hours, for a month or a whole year. Anyone can
        check its code.
      </p>
      {periods.status === 'loading' && <Loading>Loading your attendance…</Loading>}
      {periods.status === 'error' && <ErrorAlert error={periods.error} />}
      {action.error && <ErrorAlert error={action.error} />}
      {periods.status === 'ready' &&
        (periods.data.length === 0 ? (
          <p>No attended sessions to certify yet.</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="certificates-title" tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Sessions</th>
                  <th scope="col">Hours</th>
                  <th scope="col">Certificate</th>
                </tr>
              </thead>
              <tbody>
                {periods.data.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.label}</th>
                    <td>{p.sessions}</td>
                    <td>{p.hours.toFixed(2)}</td>
                    <td>
                      {p.sessions < p.sessionsNeeded ? (
                        <span>The programme’s certificate needs {p.sessionsNeeded} sessions in the period</span>
                      ) : (
                        <button
                          type="button"
                          className="button button-small"
                          disabled={action.pending}
                          onClick={() => void download(p.period)}
                        >
                          Download certificate for {p.label}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {issued && (
        <p role="status" className="notice">
          Certificate downloaded. Verification code <strong data-testid="certificate-code">{issued.code}</strong> —{' '}
          <Link to={`/certificates/verify/${issued.code}`}>check it</Link>.
        </p>
      )}
    </section>
  );
}
