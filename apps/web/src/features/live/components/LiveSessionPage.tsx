import type { SessionDto } from '@echo-hub/protocol';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LoadFailure, Loading } from '../../../components/Status';
import { api } from '../../../lib/api';
import { useResource } from '../../../lib/useResource';
import type { MediaPreferences } from '../lib/LiveMediaClient';
import { installTestHook } from '../lib/testHook';
import { DeviceCheck } from './DeviceCheck';
import '../live.css';

/**
 * The room (media client, case panel, scanner) is a chunk of its own: the device check appears without it on a
 * slow link, and fetches it in the background while the person checks their camera, so Join does not wait.
 */
const loadRoom = () => import('./LiveRoom');
const LiveRoom = lazy(async () => ({ default: (await loadRoom()).LiveRoom }));

/** `/sessions/:sessionId/live`: the device check, then the live room. */
export function LiveSessionPage() {
  const { sessionId = '' } = useParams();
  const session = useResource(`live-session:${sessionId}`, () =>
    api<SessionDto>(`/sessions/${encodeURIComponent(sessionId)}`),
  );
  const [prefs, setPrefs] = useState<MediaPreferences | null>(null);
  useEffect(() => installTestHook(), []);
  useEffect(() => {
    void loadRoom().catch(() => undefined); // retried by the lazy component when it is needed
  }, []);

  if (session.status === 'loading') return <Loading>Loading the session…</Loading>;
  if (session.status === 'error') return <LoadFailure error={session.error} what="Session" />;
  const s = session.data;
  if (s.status === 'ended' || s.status === 'cancelled') {
    return (
      <section>
        <title>{`${s.title} · ECHO Hub`}</title>
        <h1>{s.title}</h1>
        <p className="notice">This session has {s.status === 'ended' ? 'ended' : 'been cancelled'}.</p>
        <p>
          <Link to={`/sessions/${s.id}`}>Back to the session page</Link>
        </p>
      </section>
    );
  }
  if (prefs) {
    return (
      <Suspense fallback={<Loading>Opening the room…</Loading>}>
        <LiveRoom session={s} prefs={prefs} />
      </Suspense>
    );
  }
  return (
    <>
      <title>{`Join ${s.title} · ECHO Hub`}</title>
      <DeviceCheck title={s.title} onJoin={setPrefs} />
    </>
  );
}
