export interface RecordingDto {
  id: string;
  sessionId: string;
  sessionTitle: string;
  title: string;
  presenterName: string;
  kind: 'didactic' | 'case' | 'manual';
  /** `partial`: ffmpeg failed part-way; the file holds what was recorded until then. */
  status: 'recording' | 'storing' | 'complete' | 'partial' | 'failed';
  startedAt: string;
  endedAt: string | null;
  durationSeconds: number | null;
  sizeBytes: number;
  /** A case slot recorded with everyone's consent. */
  consented: boolean;
  /** Plays with seeking (HTTP range requests); needs the bearer token. */
  mediaUrl: string;
}

/** A short-lived playback link for a <video> element (it cannot send a bearer token), and its captions' link. */
export interface RecordingTicket {
  url: string;
  /** The recording's captions as WebVTT, for a <track>; null when no captions were given while it recorded. */
  captionsUrl: string | null;
  expiresAt: string;
}
