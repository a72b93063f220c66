import { Link, useParams } from 'react-router-dom';
import { Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/time';
import { useResource } from '../../../lib/useResource';
import { verifyCertificate } from '../api/certificates';

/** `/certificates/verify/:code`, public: whom a certificate code certifies, for what and how many hours. */
export function VerifyCertificatePage() {
  const { code = '' } = useParams();
  const result = useResource(`verify:${code}`, () => verifyCertificate(code));
  return (
    <section className="narrow">
      <title>{`Check a certificate · ECHO Hub`}</title>
      <h1>Check an attendance certificate</h1>
      {result.status === 'loading' && <Loading>Checking {code}…</Loading>}
      {result.status === 'error' && (
        <p role="alert" className="alert">
          {result.error.body.statusCode === 404
            ? `No certificate has the code ${code}. Check it was typed as printed.`
            : result.error.body.message}
        </p>
      )}
      {result.status === 'ready' && (
        <div role="status" className="notice">
          <p>
            <strong>Valid certificate {result.data.code}.</strong>
          </p>
          <dl className="facts">
            <dt>Awarded to</dt>
            <dd>{result.data.holder}</dd>
            <dt>Programme</dt>
            <dd>{result.data.program}</dd>
            <dt>Period</dt>
            <dd>{result.data.periodLabel}</dd>
            <dt>Sessions</dt>
            <dd>{result.data.sessions}</dd>
            <dt>Hours</dt>
            <dd>{result.data.hours.toFixed(2)}</dd>
            <dt>Issued</dt>
            <dd>{formatDate(result.data.issuedAt)}</dd>
          </dl>
        </div>
      )}
      <p>
        <Link to="/">ECHO Hub</Link>
      </p>
    </section>
  );
}
