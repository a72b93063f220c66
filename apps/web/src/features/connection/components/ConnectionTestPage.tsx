import type { ConnectionTestInfo } from '@echo-hub/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../lib/api';
import { useAuth } from '../../../lib/auth';
import { type Check, itAdvice, routeCheck, speedCheck } from '../lib/checks';
import { testRoute } from '../lib/route';
import { measureDownload, measureUpload } from '../lib/speed';
import '../connection.css';

type CheckName = 'hub' | 'download' | 'upload' | 'media' | 'relay';

const LABELS: Record<CheckName, string> = {
  hub: 'Reaching the hub',
  download: 'Download speed',
  upload: 'Upload speed',
  media: 'Audio and video',
  relay: 'Relay for strict networks',
};

const STATE_WORDS = {
  waiting: 'Waiting',
  running: 'Checking',
  ok: 'OK',
  warn: 'Works, with limits',
  bad: 'Problem',
  skipped: 'Not checked',
};

const waiting: Check = { state: 'waiting', text: '' };
const initial: Record<CheckName, Check> = {
  hub: waiting,
  download: waiting,
  upload: waiting,
  media: waiting,
  relay: waiting,
};

const failure = (e: unknown): Check => ({ state: 'bad', text: e instanceof Error ? e.message : String(e) });

/**
 * `/connection-test`: before a session, a spoke (or their IT team) checks the clinic's network: the hub's web
 * address, the speed each way, and how audio and video get through (UDP, TCP, or only the relay), with what to
 * ask IT for when something is blocked. The speed test needs no account; the media test needs one.
 */
export function ConnectionTestPage() {
  const auth = useAuth();
  const signedIn = auth.status === 'signed-in';
  const [checks, setChecks] = useState(initial);
  const [advice, setAdvice] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const run = useRef(0);

  const start = useCallback(async () => {
    const id = ++run.current;
    const set = (name: CheckName, check: Check) => {
      if (run.current === id) setChecks((c) => ({ ...c, [name]: check }));
    };
    setChecks(initial);
    setAdvice(null);
    setRunning(true);
    try {
      set('hub', { state: 'running', text: '' });
      const began = performance.now();
      let info: ConnectionTestInfo;
      try {
        info = await api<ConnectionTestInfo>('/connection-test');
      } catch {
        set('hub', {
          state: 'bad',
          text: `Cannot reach the hub at ${window.location.host}. Ask your IT team to allow HTTPS to it.`,
        });
        return;
      }
      set('hub', { state: 'ok', text: `Reached in ${Math.round(performance.now() - began)} ms.` });

      set('download', { state: 'running', text: '' });
      set('download', await measureDownload().then((k) => speedCheck('Download', k), failure));
      set('upload', { state: 'running', text: '' });
      set('upload', await measureUpload().then((k) => speedCheck('Upload', k), failure));

      if (!signedIn) {
        set('media', { state: 'skipped', text: 'Sign in to check audio and video.' });
        set('relay', { state: 'skipped', text: 'Sign in to check the relay.' });
        return;
      }
      set('media', { state: 'running', text: '' });
      const direct = await testRoute(false).then(routeCheck, failure);
      set('media', direct);
      if (info.relays.length === 0) {
        set('relay', { state: 'skipped', text: 'This hub has no relay.' });
      } else {
        set('relay', { state: 'running', text: '' });
        const relay = await testRoute(true).catch(() => ({ route: 'none' as const, relayProtocol: null }));
        set(
          'relay',
          relay.route === 'relay'
            ? { state: 'ok', text: routeCheck(relay).text.replace(/: your network blocks direct media\..*$/, '.') }
            : { state: 'warn', text: 'The relay cannot be reached from this network.' },
        );
      }
      if (direct.state === 'bad' && run.current === id) setAdvice(itAdvice(info));
    } finally {
      if (run.current === id) setRunning(false);
    }
  }, [signedIn]);

  // Leaving the page (or a new run) makes the running one stop saying anything.
  const stop = useCallback(() => void (run.current += 1), []);
  useEffect(() => {
    void start();
    return stop;
  }, [start, stop]);

  return (
    <section className="narrow">
      <title>Test my connection · ECHO Hub</title>
      <h1>Test my connection</h1>
      <p className="lede">
        Check, before a session, that this network reaches the hub and carries audio and video. Nothing is recorded.
      </p>
      <ol className="connection-checks" aria-live="polite">
        {(Object.keys(LABELS) as CheckName[]).map((name) => (
          <li key={name} className={`connection-check connection-${checks[name].state}`}>
            <span className="connection-dot" aria-hidden="true" />
            <span className="connection-label">{LABELS[name]}</span>
            <span className="connection-state">{STATE_WORDS[checks[name].state]}</span>
            {checks[name].text && <span className="connection-text">{checks[name].text}</span>}
          </li>
        ))}
      </ol>
      {advice && (
        <div role="alert" className="notice connection-advice">
          <h2>What to ask your IT team</h2>
          <p>{advice}</p>
        </div>
      )}
      {!signedIn && (
        <p>
          <Link to="/sign-in?next=%2Fconnection-test">Sign in</Link> to check audio and video as well.
        </p>
      )}
      <p>
        <button type="button" className="button" onClick={() => void start()} disabled={running}>
          Test again
        </button>
      </p>
    </section>
  );
}
