import { useEffect, useRef, useState } from 'react';

/** A track in a muted `<video>` (sound plays through RemoteAudio); fades in once frames arrive. */
export function VideoView({
  track,
  mirror = false,
  fit = 'cover',
}: {
  track: MediaStreamTrack;
  mirror?: boolean;
  fit?: 'cover' | 'contain';
}) {
  const ref = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    setPlaying(false);
    video.srcObject = new MediaStream([track]);
    video.play().catch(() => undefined);
    return () => {
      video.srcObject = null;
    };
  }, [track]);
  const classes = ['live-video', `live-video-${fit}`, mirror && 'is-mirrored', playing && 'is-playing'];
  return (
    <video
      ref={ref}
      className={classes.filter(Boolean).join(' ')}
      autoPlay
      playsInline
      muted
      onPlaying={() => setPlaying(true)}
    />
  );
}
