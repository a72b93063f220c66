import type { ProgramOverview, RecordingDto, RecordingTicket } from '@echo-hub/protocol';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { LoadMore } from '../../../components/LoadMore';
import { api, apiPage, request } from '../../../lib/api';
import { useResource } from '../../../lib/useResource';

const size = (bytes: number) => (bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`);
const minutes = (s: number | null) => (s === null ? '—' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);
const STATUS: Record<RecordingDto['status'], string> = {
  recording: 'Recording now',
  storing: 'Saving…',
  complete: 'Complete',
  partial: 'Partial (the recorder stopped early)',
  failed: 'Failed',
};

/** The program's recordings library: didactic talks (and consented cases), playable with seeking. */
export function RecordingsPage() {
  const { programId = '' } = useParams();
  const overview = useResource(`program:${programId}`, () => api<ProgramOverview>(`/programs/${programId}`));
  const page = (cursor?: string | null) => apiPage<RecordingDto>(`/programs/${programId}/recordings`, cursor);
  const recordings = useResource(`recordings:${programId}`, () => page());
  const more = async () => {
    if (recordings.status !== 'ready' || !recordings.data.next) return;
    const next = await page(recordings.data.next);
    recordings.update((data) => ({ items: [...data.items, ...next.items], next: next.next }));
  };
  const [playing, setPlaying] = useState<(RecordingTicket & { id: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const play = async (r: RecordingDto) => {
    setError(null);
    try {
      const ticket = await api<RecordingTicket>(`/recordings/${r.id}/ticket`, request('POST'));
      setPlaying({ id: r.id, ...ticket });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="recordings-title">
      <h1 id="recordings-title">Recordings{overview.status === 'ready' ? ` — ${overview.data.program.name}` : ''}</h1>
      <p className="hint">
        Didactic talks are recorded; case discussions only with everyone’s consent. Visible to program members only.
      </p>
      {error && <p role="alert">{error}</p>}
      {recordings.status === 'loading' && <p role="status">Loading recordings…</p>}
      {recordings.status === 'error' && <p role="alert">{recordings.error.message}</p>}
      {recordings.status === 'ready' && recordings.data.items.length === 0 && <p>No recordings yet.</p>}
      {recordings.status === 'ready' && recordings.data.items.length > 0 && (
        <table className="table" aria-label="Recordings">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Presenter</th>
              <th scope="col">Date</th>
              <th scope="col">Length</th>
              <th scope="col">Size</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {recordings.data.items.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.title}
                  {r.consented && <span className="badge"> Case, with consent</span>}
                  <div className="hint">{r.sessionTitle}</div>
                </td>
                <td>{r.presenterName || '—'}</td>
                <td>{new Date(r.startedAt).toLocaleString()}</td>
                <td>{minutes(r.durationSeconds)}</td>
                <td>{size(r.sizeBytes)}</td>
                <td>{STATUS[r.status]}</td>
                <td>
                  {(r.status === 'complete' || r.status === 'partial') && (
                    <button type="button" className="button button-small" onClick={() => void play(r)}>
                      Play {r.title}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recordings.status === 'ready' && recordings.data.next && <LoadMore what="recordings" onMore={more} />}
      {playing && (
        <figure className="card">
          <video
            key={playing.id}
            src={playing.url}
            controls
            preload="metadata"
            style={{ width: '100%', maxWidth: '48rem' }}
            aria-label="Recording player"
          >
            {playing.captionsUrl && (
              <track kind="captions" src={playing.captionsUrl} srcLang="en" label="Captions" default />
            )}
          </video>
          <figcaption>
            <a href={playing.url} download>
              Download
            </a>
            {playing.captionsUrl && (
              <>
                {' · '}
                <a href={playing.captionsUrl} download>
                  Captions (WebVTT)
                </a>
              </>
            )}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
