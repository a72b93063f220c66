/**
 * Audio first on a weak network: when the link is too slow for any video, video stops (our
 * camera and what we receive) so the audio keeps through. Chosen by the person at any time
 * (`chosen`), or by `AudioOnlyPolicy` from the connection's samples (`auto`).
 */
export type AudioOnlyMode = 'off' | 'auto' | 'chosen';

/** What the person reads while video is off for the network's sake, and once it came back. */
export const AUDIO_ONLY_NOTICE = {
  auto: 'Your connection is too slow for video; audio only to keep you heard. Video returns when the link recovers.',
  /** Automatic, because of loss on what we receive (no send estimate while we send no video). */
  loss: 'Your connection is losing packets; video paused to keep audio. Video returns when the link recovers.',
  chosen: 'Audio only: you send and receive no video. Turn video back on from the controls.',
};

/** Why the policy chose audio only: the send estimate fell below the floor, or what we receive is being lost. */
export type AudioOnlyCause = 'bandwidth' | 'loss';

/** Below this the lowest camera layer (150 kbit/s) and the audio no longer fit. */
export const VIDEO_FLOOR_KBPS = 150;
/** An estimate this high while audio only: video fits again (twice the floor, so the mode does not flap). */
const RECOVER_KBPS = 300;
/** Loss on what we receive, judged when we send no video (no send estimate then). */
const LOSS_PERCENT = 25;
/** Consecutive samples (3 s apart) before a change: one bad sample is noise. */
const ENTER_AFTER = 2;
const RECOVER_AFTER = 2;
/**
 * Audio alone hardly moves the browser's send estimate, so video is tried again after this many
 * samples in auto audio-only, then after twice as many each time the try fails (up to the cap).
 */
const FIRST_TRY_AFTER = 5;
const MAX_TRY_AFTER = 40;
/** A try's first samples are not judged: the estimate ramps up from where audio alone left it. */
const TRY_GRACE = 3;
/** Video that held this many samples resets the wait before the next try. */
const STEADY_AFTER = 10;

export interface LinkSample {
  /** The send transport's available outgoing bitrate (null where the browser has none). */
  availableKbps: number | null;
  /** Loss on the last sample, in percent (null: nothing received). */
  lossPercent: number | null;
  /** Our camera is being sent: only then does the send estimate say something about video. */
  sendingVideo: boolean;
}

/** Decides `auto` audio-only from successive samples, with hysteresis and backed-off tries of video. */
export class AudioOnlyPolicy {
  private on = false;
  private why: AudioOnlyCause = 'bandwidth';
  private bad = 0;
  private good = 0;
  /** Samples since auto audio-only began. */
  private waited = 0;
  private tryAfter = FIRST_TRY_AFTER;
  private grace = 0;
  private steady = 0;

  /** Whether the network wants audio only now. */
  get active(): boolean {
    return this.on;
  }

  /** What made the network want audio only (while `active`). */
  get cause(): AudioOnlyCause {
    return this.why;
  }

  /** Starts over (the person chose, or the media was rebuilt). */
  reset(): void {
    Object.assign(this, { on: false, bad: 0, good: 0, waited: 0, tryAfter: FIRST_TRY_AFTER, grace: 0, steady: 0 });
  }

  /** Takes one sample; returns whether the network wants audio only. */
  sample(s: LinkSample): boolean {
    return this.on ? this.whileAudioOnly(s) : this.whileVideo(s);
  }

  private whileVideo(s: LinkSample): boolean {
    if (this.grace > 0) {
      this.grace--;
      return false;
    }
    const low = s.sendingVideo
      ? s.availableKbps !== null && s.availableKbps < VIDEO_FLOOR_KBPS
      : (s.lossPercent ?? 0) >= LOSS_PERCENT;
    this.bad = low ? this.bad + 1 : 0;
    this.steady = low ? 0 : this.steady + 1;
    if (this.steady >= STEADY_AFTER) this.tryAfter = FIRST_TRY_AFTER;
    if (this.bad < ENTER_AFTER) return false;
    Object.assign(this, {
      on: true,
      why: s.sendingVideo ? 'bandwidth' : 'loss',
      bad: 0,
      good: 0,
      waited: 0,
      steady: 0,
    });
    return true;
  }

  private whileAudioOnly(s: LinkSample): boolean {
    this.waited++;
    this.good = (s.availableKbps ?? 0) >= RECOVER_KBPS ? this.good + 1 : 0;
    const recovered = this.good >= RECOVER_AFTER;
    if (!recovered && this.waited < this.tryAfter) return true;
    // Video again: for good, or as a try that goes back to audio only (and waits longer) if the link is still slow.
    if (!recovered) this.tryAfter = Math.min(this.tryAfter * 2, MAX_TRY_AFTER);
    Object.assign(this, { on: false, grace: TRY_GRACE, bad: 0 });
    return false;
  }
}
