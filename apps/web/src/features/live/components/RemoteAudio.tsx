import { useCallback, useEffect, useRef, useState } from 'react';
import type { RemoteMedia } from '../lib/LiveMediaClient';

function AudioSink({ track, onBlocked }: { track: MediaStreamTrack; onBlocked: () => void }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = new MediaStream([track]);
    audio.play().catch((e: unknown) => {
      if (e instanceof DOMException && e.name === 'NotAllowedError') onBlocked();
    });
    return () => {
      audio.srcObject = null;
    };
  }, [track, onBlocked]);
  return <audio ref={ref} autoPlay />;
}

/** Plays everyone's audio; if the browser blocks autoplay, offers a button to turn the sound on. */
export function RemoteAudio({ streams }: { streams: RemoteMedia[] }) {
  const [blocked, setBlocked] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const onBlocked = useCallback(() => setBlocked(true), []);
  const unblock = () => {
    const players = [...(container.current?.querySelectorAll('audio') ?? [])];
    void Promise.all(players.map((a) => a.play())).then(
      () => setBlocked(false),
      () => undefined,
    );
  };
  return (
    <div ref={container} className="live-audio">
      {streams
        .filter((s) => s.kind === 'audio')
        .map((s) => (
          <AudioSink key={s.consumerId} track={s.track} onBlocked={onBlocked} />
        ))}
      {blocked && (
        <p role="alert" className="live-banner live-banner-warn">
          The browser blocked the sound.{' '}
          <button type="button" className="button button-small" onClick={unblock}>
            Turn on sound
          </button>
        </p>
      )}
    </div>
  );
}
