import type { ConnectionLevel } from '@echo-hub/protocol';

/**
 * Reading WebRTC stats the same way in Chromium and Firefox: the fields used here are
 * optional because each browser fills a different subset.
 */
interface StatEntry {
  id: string;
  type: string;
  kind?: string;
  state?: string;
  nominated?: boolean;
  /** Firefox marks the candidate pair in use with `selected`. */
  selected?: boolean;
  /** Chromium points from the transport entry to the candidate pair in use. */
  selectedCandidatePairId?: string;
  currentRoundTripTime?: number;
  roundTripTime?: number;
  availableOutgoingBitrate?: number;
  availableIncomingBitrate?: number;
  packetsLost?: number;
  packetsReceived?: number;
  fractionLost?: number;
  framesDecoded?: number;
  frameHeight?: number;
  framesEncoded?: number;
  bytesReceived?: number;
  bytesSent?: number;
  totalAudioEnergy?: number;
  audioLevel?: number;
  concealedSamples?: number;
  silentConcealedSamples?: number;
  totalSamplesReceived?: number;
  codecId?: string;
  sdpFmtpLine?: string;
}

function statEntries(report: RTCStatsReport | null): StatEntry[] {
  const entries: StatEntry[] = [];
  report?.forEach((entry: StatEntry) => entries.push(entry));
  return entries;
}

const sum = (entries: StatEntry[], field: keyof StatEntry): number =>
  entries.reduce((total, e) => total + (typeof e[field] === 'number' ? e[field] : 0), 0);

/** What the test hook reports for one received stream. */
export interface ReceivedCounters {
  framesDecoded: number;
  /** Video: the height of the last decoded frame (the simulcast layer received); 0 for audio. */
  frameHeight: number;
  totalAudioEnergy: number;
  bytesReceived: number;
  /**
   * Audio: samples the decoder made up for lost or late packets, those of them in silence (Opus DTX
   * sends nothing then), and all samples received.
   */
  concealedSamples: number;
  silentConcealedSamples: number;
  totalSamplesReceived: number;
}

/** Counters of a consumer's stats; audio energy from inbound-rtp, else any track/playout entry, else `fallbackLevel`. */
export function receivedCounters(report: RTCStatsReport | null, fallbackLevel: number): ReceivedCounters {
  const entries = statEntries(report);
  const inbound = entries.filter((e) => e.type === 'inbound-rtp');
  const energy = entries.find((e) => typeof e.totalAudioEnergy === 'number')?.totalAudioEnergy;
  const level = entries.find((e) => typeof e.audioLevel === 'number')?.audioLevel;
  return {
    framesDecoded: sum(inbound, 'framesDecoded'),
    frameHeight: Math.max(0, ...inbound.map((e) => e.frameHeight ?? 0)),
    totalAudioEnergy: energy ?? level ?? fallbackLevel,
    bytesReceived: sum(inbound, 'bytesReceived'),
    concealedSamples: sum(inbound, 'concealedSamples'),
    silentConcealedSamples: sum(inbound, 'silentConcealedSamples'),
    totalSamplesReceived: sum(inbound, 'totalSamplesReceived'),
  };
}

/** What the test hook reports for one sent stream (simulcast layers summed). */
export interface SentCounters {
  framesEncoded: number;
  totalAudioEnergy: number;
  bytesSent: number;
  /** The negotiated format parameters of what is sent (e.g. Opus `useinbandfec=1;usedtx=1`). */
  fmtp: string | null;
}

export function sentCounters(report: RTCStatsReport | null): SentCounters {
  const entries = statEntries(report);
  const outbound = entries.filter((e) => e.type === 'outbound-rtp');
  const source = entries.find((e) => e.type === 'media-source' && typeof e.totalAudioEnergy === 'number');
  return {
    framesEncoded: sum(outbound, 'framesEncoded'),
    totalAudioEnergy: source?.totalAudioEnergy ?? 0,
    bytesSent: sum(outbound, 'bytesSent'),
    fmtp: entries.find((e) => e.type === 'codec' && e.id === outbound[0]?.codecId)?.sdpFmtpLine ?? null,
  };
}

// ---- network quality ----------------------------------------------------------------

export type QualityLevel = ConnectionLevel;

export interface NetworkQuality {
  level: QualityLevel;
  /** Packet loss over the last sample, in percent. */
  lossPercent: number | null;
  roundTripMs: number | null;
  /** The browser's estimate of the bandwidth available for sending (Chromium only). */
  availableKbps: number | null;
  /** What we sent and received since the last sample (the candidate pairs in use), in kbit/s. */
  sendKbps: number | null;
  recvKbps: number | null;
}

export const UNKNOWN_QUALITY: NetworkQuality = {
  level: 'unknown',
  lossPercent: null,
  roundTripMs: null,
  availableKbps: null,
  sendKbps: null,
  recvKbps: null,
};

function selectedPair(entries: StatEntry[]): StatEntry | undefined {
  const pairs = entries.filter((e) => e.type === 'candidate-pair');
  const pairId = entries.find((e) => e.type === 'transport' && e.selectedCandidatePairId)?.selectedCandidatePairId;
  return (
    pairs.find((p) => p.id === pairId) ??
    pairs.find((p) => p.selected) ??
    pairs.find((p) => p.nominated && p.state === 'succeeded')
  );
}

/** Beyond these (loss above, round trip above, send estimate below) a connection is poor, or fair. */
export const POOR = { lossPercent: 8, roundTripMs: 800, kbps: 150 } as const;
export const FAIR = { lossPercent: 2, roundTripMs: 300, kbps: 500 } as const;

const beyond = (t: typeof POOR | typeof FAIR, loss: number | null, rtt: number | null, kbps: number | null) =>
  (loss ?? 0) > t.lossPercent || (rtt ?? 0) > t.roundTripMs || (kbps !== null && kbps < t.kbps);

function qualityLevel(lossPercent: number | null, roundTripMs: number | null, kbps: number | null): QualityLevel {
  if (lossPercent === null && roundTripMs === null && kbps === null) return 'unknown';
  if (beyond(POOR, lossPercent, roundTripMs, kbps)) return 'poor';
  if (beyond(FAIR, lossPercent, roundTripMs, kbps)) return 'fair';
  return 'good';
}

/**
 * Turns successive send/recv transport stats into a good/fair/poor level: loss from the
 * received packet counters since the previous sample (and the far end's report on what we
 * send), round trip from the candidate pair in use, bandwidth from the send estimate.
 */
export class QualityMeter {
  private lost = 0;
  private received = 0;
  private bytes: { sent: number; received: number; at: number } | null = null;

  /**
   * `sendingVideo`: the send estimate only says something while video is sent (audio alone never ramps it up).
   * `now`: when the stats were read, in ms (for the bitrates).
   */
  sample(
    send: RTCStatsReport | null,
    recv: RTCStatsReport | null,
    sendingVideo: boolean,
    now = performance.now(),
  ): NetworkQuality {
    const sendEntries = statEntries(send);
    const recvEntries = statEntries(recv);
    const inbound = recvEntries.filter((e) => e.type === 'inbound-rtp');
    const lost = sum(inbound, 'packetsLost');
    const received = sum(inbound, 'packetsReceived');
    const dLost = Math.max(0, lost - this.lost);
    const dReceived = Math.max(0, received - this.received);
    this.lost = lost;
    this.received = received;
    const remoteLoss = sendEntries
      .filter((e) => e.type === 'remote-inbound-rtp' && typeof e.fractionLost === 'number')
      .map((e) => (e.fractionLost ?? 0) * 100);
    const losses = [...(dLost + dReceived > 0 ? [(dLost / (dLost + dReceived)) * 100] : []), ...remoteLoss];
    const lossPercent = losses.length ? Math.max(...losses) : null;

    const rtts = [selectedPair(sendEntries), selectedPair(recvEntries)]
      .map((p) => p?.currentRoundTripTime)
      .concat(sendEntries.filter((e) => e.type === 'remote-inbound-rtp').map((e) => e.roundTripTime))
      .filter((v): v is number => typeof v === 'number');
    const roundTripMs = rtts.length ? Math.round(Math.max(...rtts) * 1000) : null;

    const bitrate = selectedPair(sendEntries)?.availableOutgoingBitrate;
    const availableKbps = typeof bitrate === 'number' ? Math.round(bitrate / 1000) : null;
    return {
      level: qualityLevel(lossPercent, roundTripMs, sendingVideo ? availableKbps : null),
      lossPercent: lossPercent === null ? null : Math.round(lossPercent * 10) / 10,
      roundTripMs,
      availableKbps,
      ...this.bitrates(selectedPair(sendEntries), selectedPair(recvEntries), now),
    };
  }

  /** Bitrates from the byte counters of the pairs in use since the previous sample (null on the first). */
  private bitrates(send: StatEntry | undefined, recv: StatEntry | undefined, now: number) {
    const bytes = { sent: send?.bytesSent ?? 0, received: recv?.bytesReceived ?? 0, at: now };
    const last = this.bytes;
    this.bytes = bytes;
    const kbps = (to: number, from: number) =>
      last && bytes.at > last.at && to >= from ? Math.round(((to - from) * 8) / (bytes.at - last.at)) : null;
    return {
      sendKbps: send ? kbps(bytes.sent, last?.sent ?? 0) : null,
      recvKbps: recv ? kbps(bytes.received, last?.received ?? 0) : null,
    };
  }
}

interface CandidateEntry extends StatEntry {
  localCandidateId?: string;
  candidateType?: string;
  protocol?: string;
  relayProtocol?: string;
}

/** Our end of the candidate pair in use (null before ICE connects). */
export interface LocalCandidate {
  /** `host`, `srflx`, `prflx` or `relay`. */
  candidateType: string | null;
  /** `udp` or `tcp` between us and the hub (or the relay). */
  protocol: string | null;
  /** For a relay candidate: how we reach the relay (`udp`, `tcp` or `tls`). */
  relayProtocol: string | null;
}

export function selectedLocalCandidate(report: RTCStatsReport | null): LocalCandidate | null {
  const entries = statEntries(report) as CandidateEntry[];
  const pair = selectedPair(entries) as CandidateEntry | undefined;
  const local = entries.find((e) => e.id === pair?.localCandidateId);
  if (!local) return null;
  return {
    candidateType: local.candidateType ?? null,
    protocol: local.protocol ?? null,
    relayProtocol: local.relayProtocol ?? null,
  };
}

/** The type of our end of the candidate pair in use: `host`, `srflx`, `prflx` or `relay` (null before ICE connects). */
export function selectedCandidateType(report: RTCStatsReport | null): string | null {
  return selectedLocalCandidate(report)?.candidateType ?? null;
}
