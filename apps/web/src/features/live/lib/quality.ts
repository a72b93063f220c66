import type { QualityReport } from '@echo-hub/protocol';
import { type NetworkQuality, POOR } from './stats';

/** The figures a connection is described by: our own (NetworkQuality) or a participant's sample. */
type Figures = Pick<QualityReport, 'level' | 'lossPercent' | 'roundTripMs' | 'sendKbps' | 'recvKbps'> & {
  availableKbps?: number | null;
  downlinkKbps?: number | null;
};

export const LEVEL_WORDS = { good: 'Good', fair: 'Fair', poor: 'Poor', unknown: 'Measuring' } as const;

/** "12% packet loss, 900 ms round trip, sending 300 kbit/s, receiving 450 kbit/s" (what is known of it). */
export function qualityDetails(q: Figures): string {
  return [
    q.lossPercent !== null && `${q.lossPercent}% packet loss`,
    q.roundTripMs !== null && `${q.roundTripMs} ms round trip`,
    q.sendKbps != null && `sending ${q.sendKbps} kbit/s`,
    q.recvKbps != null && `receiving ${q.recvKbps} kbit/s`,
    q.availableKbps != null && `${q.availableKbps} kbit/s available to send`,
    q.downlinkKbps != null && `${q.downlinkKbps} kbit/s available to receive`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * What the person reads about their own connection when it is poor, in words that say what it does to the
 * session (null: nothing to say, or audio only already says it).
 */
export function connectionWarning(q: NetworkQuality, audioOnly: boolean): string | null {
  if (q.level !== 'poor' || audioOnly) return null;
  if ((q.lossPercent ?? 0) > POOR.lossPercent) {
    return `Your connection is losing packets (${q.lossPercent}%); voices and video may break up. Audio only can help.`;
  }
  if ((q.roundTripMs ?? 0) > POOR.roundTripMs) {
    return `Your connection is slow to respond (${q.roundTripMs} ms); expect a delay when you speak and listen.`;
  }
  if (q.availableKbps !== null && q.availableKbps < POOR.kbps) {
    return `Your connection is too slow for good video (${q.availableKbps} kbit/s); your video is sent smaller to keep audio.`;
  }
  return 'Your connection is poor; audio and video may break up.';
}
