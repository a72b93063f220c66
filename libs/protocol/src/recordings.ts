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
