import type { LiveSnapshot } from '../lib/LiveRoomClient';
import { connectionWarning } from '../lib/quality';

interface RoomBannersProps {
  snapshot: LiveSnapshot;
  onRetryMedia: () => void;
  onDismiss: () => void;
}

/** Reconnecting, a weak connection in words, recording, and what went wrong. */
export function RoomBanners({ snapshot, onRetryMedia, onDismiss }: RoomBannersProps) {
  const { media, status, state, actionError } = snapshot;
  const reconnecting = status === 'reconnecting' || status === 'connecting';
  const problem = media.problem ?? actionError;
  const warning = media.status === 'ready' ? connectionWarning(media.quality, media.audioOnly !== 'off') : null;
  return (
    <div className="live-banners">
      <div role="status">
        {reconnecting && <p className="live-banner live-banner-warn">Reconnecting…</p>}
        {!reconnecting && media.status === 'reconnecting' && (
          <p className="live-banner live-banner-warn">Reconnecting audio and video…</p>
        )}
        {media.notice && media.status !== 'failed' && <p className="live-banner live-banner-warn">{media.notice}</p>}
        {media.audioOnlyNotice && media.status !== 'failed' && (
          <p className="live-banner live-banner-warn">{media.audioOnlyNotice}</p>
        )}
        {warning && <p className="live-banner live-banner-warn">{warning}</p>}
        {state?.recording && (
          <p className="live-banner live-banner-recording">
            <span className="live-rec-dot" aria-hidden="true" /> This part of the session is being recorded
          </p>
        )}
      </div>
      {media.status === 'failed' ? (
        <p role="alert" className="live-banner live-banner-bad">
          {media.problem ?? 'Audio and video could not connect.'}{' '}
          <button type="button" className="button button-small" onClick={onRetryMedia}>
            Try again
          </button>
        </p>
      ) : (
        problem && (
          <p role="alert" className="live-banner live-banner-bad">
            {problem}{' '}
            <button type="button" className="button button-small" onClick={onDismiss}>
              Dismiss
            </button>
          </p>
        )
      )}
    </div>
  );
}
