import { useEffect, useRef, useState } from 'react';

const TONE_SECONDS = 1.2;

/** Plays a short generated tone (WebAudio), so people know they will hear the session. */
export function SpeakerTest() {
  const context = useRef<AudioContext | null>(null);
  const [playing, setPlaying] = useState(false);
  useEffect(
    () => () => {
      void context.current?.close();
    },
    [],
  );

  const play = () => {
    const ctx = (context.current ??= new AudioContext());
    void ctx.resume();
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    const t = ctx.currentTime;
    oscillator.frequency.setValueAtTime(523.25, t);
    oscillator.frequency.setValueAtTime(659.25, t + TONE_SECONDS / 2);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.3, t + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + TONE_SECONDS);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.onended = () => setPlaying(false);
    oscillator.start(t);
    oscillator.stop(t + TONE_SECONDS);
    setPlaying(true);
  };

  return (
    <p className="live-speaker-test">
      <button type="button" className="button" onClick={play} disabled={playing}>
        Test speakers
      </button>{' '}
      <span role="status" className="hint">
        {playing ? 'Playing a test sound…' : ''}
      </span>
    </p>
  );
}
