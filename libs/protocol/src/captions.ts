import type { Ack } from './live';

/**
 * Captions in a live session (issue #19): a captioner the facilitator assigns (a human CART captioner types) and
 * automatic captions from the active speaker's audio through an offline speech engine. Lines stream to everyone's
 * caption bar; they are kept (as WebVTT with the recording) only while the room is recorded.
 */

export type CaptionSource = 'captioner' | 'auto';

export const CaptionLimits = {
  textMaxLength: 500,
  /** Lines a captioner may send per minute (partial lines as they type count too). */
  linesPerMinute: 240,
} as const;

/** Who captions the room: the assigned captioner (a person in the room) and whether automatic captions run. */
export interface CaptionsState {
  captionerId: string | null;
  auto: boolean;
}

export interface CaptionLine {
  source: CaptionSource;
  /** Who spoke (automatic captions: the active speaker) or typed (captioner). */
  userId: string;
  displayName: string;
  text: string;
  /** False while a captioner is still typing the line (the bar shows it and replaces it with the next). */
  final: boolean;
  at: string;
}

export interface CaptionRequest {
  text: string;
  final?: boolean;
}

type AckFn<T = undefined> = (ack: Ack<T>) => void;

export interface CaptionClientToServerEvents {
  /** `live.captions`: makes someone in the room the captioner (null: nobody). */
  'host:captioner': (req: { userId: string | null }, ack: AckFn) => void;
  /** `live.captions`: automatic captions of the active speaker on or off. */
  'host:autoCaptions': (req: { on: boolean }, ack: AckFn) => void;
  /** The captioner: a line as typed so far (final: false) or finished. */
  'caption:send': (req: CaptionRequest, ack: AckFn) => void;
}

export interface CaptionServerToClientEvents {
  'caption:line': (line: CaptionLine) => void;
}
