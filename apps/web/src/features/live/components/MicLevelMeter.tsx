import { useEffect, useRef, useState } from 'react';

/** A bar following the microphone's loudness (WebAudio AnalyserNode), drawn without re-rendering every frame. */
export function MicLevelMeter({ track }: { track: MediaStreamTrack | null }) {
  const bar = useRef<HTMLSpanElement>(null);
  const [step, setStep] = useState(0);

  useEffect(() => {
    if (!track) return;
    const context = new AudioContext();
    // Some browsers start audio suspended until the page was used: start it on the first click.
    const resume = () => void context.resume().catch(() => undefined);
    resume();
    document.addEventListener('pointerdown', resume, { once: true });
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    let lastStep = -1;
    const draw = () => {
      analyser.getByteTimeDomainData(samples);
      const rms = Math.sqrt(samples.reduce((sum, v) => sum + ((v - 128) / 128) ** 2, 0) / samples.length);
      const level = Math.min(1, Math.sqrt(rms) * 1.6);
      if (bar.current) bar.current.style.transform = `scaleX(${level})`;
      const next = Math.round(level * 10);
      if (next !== lastStep) {
        lastStep = next;
        setStep(next);
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('pointerdown', resume);
      void context.close();
    };
  }, [track]);

  return (
    <div
      className="live-meter"
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={10}
      aria-valuenow={track ? step : 0}
    >
      <span ref={bar} className="live-meter-bar" />
    </div>
  );
}
