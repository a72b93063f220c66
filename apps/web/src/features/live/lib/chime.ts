import { useEffect, useRef, useState } from 'react';

const MUTED_KEY = 'echo-hub:knock-muted';

/** A short two-tone chime (Web Audio), for what needs a host's attention: someone waiting, a room asking for help. */
export function chime(): void {
  const Context =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return;
  const ctx = new Context();
  for (const [i, frequency] of [660, 880].entries()) {
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.18 + 0.16);
    tone.connect(gain).connect(ctx.destination);
    tone.start(ctx.currentTime + i * 0.18);
    tone.stop(ctx.currentTime + i * 0.18 + 0.17);
  }
  window.setTimeout(() => void ctx.close(), 600);
}

/** Whether the host turned the chimes off (kept in this browser, shared by every panel that chimes). */
export function useChimeMuted(): [boolean, (muted: boolean) => void] {
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTED_KEY) === '1');
  return [
    muted,
    (next) => {
      setMuted(next);
      localStorage.setItem(MUTED_KEY, next ? '1' : '0');
    },
  ];
}

/**
 * Calls `onNew` with the keys that appeared since the last render (not those present at first): who arrived in
 * the lobby, which room began asking for help.
 */
export function useArrivals(keys: string[], onNew: (arrived: string[]) => void): void {
  const seen = useRef(new Set(keys));
  const joined = keys.join(',');
  useEffect(() => {
    const arrived = keys.filter((k) => !seen.current.has(k));
    seen.current = new Set(keys);
    if (arrived.length) onNew(arrived);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the joined keys
  }, [joined]);
}
