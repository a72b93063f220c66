import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/time';
import { useResource } from '../../../lib/useResource';
import { verifyCertificate } from '../api/certificates';

/**
 * `/certificates/verify/:code?`, public: whom a certificate code certifies, for what and how many hours. Without a
 * code (or to check another), a form takes the code as people type it: any case, with or without dashes.
 */
export function VerifyCertificatePage() {
  const { code = '' } = useParams();
  return (
    <section className="narrow">
      <title>{`Check a certificate · ECHO Hub`}</title>
      <h1>Check an attendance certificate</h1>
      {code && <Verification key={code} code={code} />}
      <CodeForm again={code !== ''} />
      <p>
        <Link to="/">ECHO Hub</Link>
      </p>
    </section>
  );
}

function CodeForm({ again }: { again: boolean }) {
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = typed.trim();
    if (code) navigate(`/certificates/verify/${encodeURIComponent(code)}`);
  };
  return (
    <form onSubmit={submit} className="stack">
      <label>
        {again ? 'Check another code' : 'Certificate code'}
        <input
          name="code"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          placeholder="ABCD-EFGH-JKMN"
          aria-describedby="code-hint"
        />
      </label>
      <small id="code-hint">As printed on the certificate; upper or lower case, dashes optional.</small>
      <button type="submit">Check</button>
    </form>
  );
}

function Verification({ code }: { code: string }) {
  const result = useResource(`verify:${code}`, () => verifyCertificate(code));
  return (
    <>
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
    </>
  );
}
