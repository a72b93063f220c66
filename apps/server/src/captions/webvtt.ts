/** One caption as kept with a recording: seconds from the recording's start. */
export interface VttCue {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

const stamp = (s: number) => {
  const ms = Math.max(0, Math.round(s * 1000));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

/** The captions of a recording as WebVTT, each cue voiced by its speaker (`<v Name>`). */
export function webVtt(cues: readonly VttCue[]): string {
  const clean = (t: string) => t.replace(/-->/g, '→').replace(/[<>&]/g, ' ').replace(/\s+/g, ' ').trim();
  const body = cues.map(
    (c) => `${stamp(c.start)} --> ${stamp(Math.max(c.end, c.start + 1))}\n<v ${clean(c.speaker)}>${clean(c.text)}`,
  );
  return ['WEBVTT', ...body].join('\n\n') + '\n';
}
