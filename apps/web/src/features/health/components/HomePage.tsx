import { useHealth } from '../hooks/useHealth';
import { StatusTile } from './StatusTile';

export function HomePage() {
  const health = useHealth();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Welcome to ECHO Hub</h1>
      <p className="lede">
        Run teleECHO sessions — a short didactic, then de-identified case presentations with recommendations from the
        hub team — and keep peer-support conversations going between sessions.
      </p>
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
