import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { useHealth } from '../hooks/useHealth';
import { StatusTile } from './StatusTile';

export function HomePage() {
  const health = useHealth();
  const { user } = useAuth();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Welcome to ECHO Hub</h1>
      <p className="lede">
        Run teleECHO sessions — a short didactic, then de-identified case presentations with recommendations from the
        hub team — and keep peer-support conversations going between sessions.
      </p>
      {health.state === 'ok' && health.health.firstRun && !user && (
        <div className="card first-run" data-testid="first-run">
          <h2>Set up this hub</h2>
          <p>
            This hub is new: nobody has an account yet. The first account becomes the hub&apos;s administrator, who
            creates programs, adds spoke sites and members, and schedules sessions. A short checklist guides you through
            it.
          </p>
          <ul>
            <li>Live teleECHO sessions with video, a hand queue, chat and recordings (with consent).</li>
            <li>Case presentations checked for patient identifiers before anything is stored.</li>
            <li>Peer-support groups, surveys, certificates and an impact report for funders.</li>
          </ul>
          <p>
            <Link className="button button-primary" to="/sign-up?first=1">
              Create the administrator account
            </Link>
          </p>
        </div>
      )}
      {!user && !(health.state === 'ok' && health.health.firstRun) && (
        <p>
          <Link className="button button-primary" to="/sign-in">
            Sign in
          </Link>{' '}
          <Link to="/connection-test">Test my connection before a session</Link>
        </p>
      )}
      <h2>Hub status</h2>
      {health.state === 'loading' && <p role="status">Checking the hub…</p>}
      {health.state === 'unreachable' && (
        <p role="alert" className="tile tile-bad">
          The hub server is not answering: {health.message}
        </p>
      )}
      {health.state === 'ok' && (
        <div className="tiles" role="status" aria-live="polite" data-testid="health">
          <StatusTile
            label="Hub"
            value={health.health.status === 'ok' ? 'Running' : 'Degraded'}
            good={health.health.status === 'ok'}
          />
          <StatusTile
            label="Database"
            value={health.health.db === 'ok' ? 'Connected' : 'Error'}
            good={health.health.db === 'ok'}
          />
          <StatusTile
            label="Media workers"
            value={`${health.health.mediasoup.workers} running`}
            good={health.health.mediasoup.workers > 0}
          />
          <p className="muted">
            Version {health.health.version} · checked {health.checkedAt.toLocaleTimeString()}
          </p>
        </div>
      )}
    </section>
  );
}
