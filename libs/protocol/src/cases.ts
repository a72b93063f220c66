import type { Finding } from './deid-finding';
import type { RemovedMetadata } from './metadata';

export const CaseStatus = {
  Draft: 'draft',
  Submitted: 'submitted',
  Scheduled: 'scheduled',
  Presenting: 'presenting',
  Discussed: 'discussed',
  RecommendationsSent: 'recommendations_sent',
  FollowUp: 'follow_up',
  Withdrawn: 'withdrawn',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];

/** The text fields of a case presentation form, each checked by the de-identification gate. */
export const CASE_TEXT_FIELDS = [
  'title',
  'presentingQuestion',
  'summary',
  'history',
  'medications',
  'investigations',
  'tried',
  'socialContext',
  'specificQuestions',
] as const;
export type CaseTextField = (typeof CASE_TEXT_FIELDS)[number];

export const AGE_BANDS = [
  '0-4',
  '5-11',
  '12-17',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-74',
  '75-84',
  '85-89',
  '90+',
];
export const SEXES = ['female', 'male', 'intersex', 'not stated'];

/** A span the presenter confirmed is not identifying (kept with who and when). */
export interface ConfirmedSpan {
  field: CaseTextField | 'body' | 'notes' | 'chat' | 'poll' | 'content' | 'reflection';
  start: number;
  end: number;
}

export interface CaseFields {
  title: string;
  presentingQuestion: string;
  summary: string;
  ageBand?: string;
  sex?: string;
  history?: string;
  medications?: string;
  investigations?: string;
  tried?: string;
  socialContext?: string;
  specificQuestions?: string;
}

export interface SubmitCaseRequest extends CaseFields {
  confirmedSpans?: ConfirmedSpan[];
  /** Save without submitting (the presenter finishes it later). */
  draft?: boolean;
}

export type UpdateCaseRequest = Partial<SubmitCaseRequest>;

export interface FieldFinding extends Finding {
  /**
   * A case form field, or `body` of a recommendation, or the live `notes`, or the name of an attached
   * `file`, or the `content` of an attached file (text read in an image or a PDF; offsets into that text).
   */
  field: CaseTextField | 'body' | 'notes' | 'file' | 'chat' | 'poll' | 'content' | 'reflection';
  /** For `content` of an image: where the finding is, in the image's pixels (upright). */
  boxes?: FindingBox[];
}

/**
 * A rectangle on page `page` (1 for an image), in pixels from the top left: the image's own pixels, or
 * for a scanned PDF those of the page rendered at 150 dpi.
 */
export interface FindingBox {
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** 422 body when the gate finds identifiers nobody confirmed. */
export interface IdentifiersFoundError {
  statusCode: 422;
  error: 'IDENTIFIERS_FOUND';
  message: string;
  findings: FieldFinding[];
}

export interface RecommendationDto {
  id: string;
  caseId: string;
  author: { id: string; displayName: string };
  body: string;
  createdAt: string;
}

export interface CaseDto extends Required<CaseFields> {
  id: string;
  programId: string;
  sessionId: string | null;
  presenter: { id: string; displayName: string };
  status: CaseStatus;
  /** 1-based place in the session's queue (null when not queued). */
  position: number | null;
  urgent: boolean;
  followUpOfId: string | null;
  confirmations: { field: CaseTextField; start: number; end: number; text: string; by: string; at: string }[];
  recommendations: RecommendationDto[];
  /** Images and PDFs attached by the presenter (read with the same rights as the case). */
  attachments: CaseAttachmentDto[];
  createdAt: string;
}

export const CaseLimits = {
  attachmentBytes: 10 * 1024 * 1024,
  /** What a case attachment may be (sniffed from its bytes, never from its name). */
  attachmentTypes: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'],
} as const;

/**
 * Multipart fields of `POST /cases/:id/attachments` besides `file`: the uploader confirms they removed
 * or covered everything that identifies the patient (recorded with who and when).
 */
export interface CaseAttachmentUploadFields extends FileGateFields {
  confirmIdentifiersRemoved: true;
}

/**
 * Multipart fields of an upload whose text is read (case and community attachments), besides `file`.
 */
export interface FileGateFields {
  /**
   * The text found in the file (OCR of an image, text of a PDF) is gated like a case's fields: each
   * finding of a 422 the uploader confirms is not identifying, as `{ field: 'content', start, end }`
   * (sent as a JSON string in the multipart form).
   */
  confirmedSpans?: ConfirmedSpan[];
  /**
   * Areas to cover in black (the boxes of findings the uploader accepts, or drawn by them), burnt into a
   * new image before the text is read again and the file is stored; the original is never stored
   * (sent as a JSON string in the multipart form).
   */
  redactions?: FindingBox[];
}

export interface CaseAttachmentDto {
  id: string;
  caseId: string;
  name: string;
  mimeType: string;
  size: number;
  uploadedBy: { id: string; displayName: string };
  /** When the uploader confirmed the file identifies nobody. */
  confirmedAt: string;
  createdAt: string;
  /** Only in the upload's answer: the kinds of metadata the hub removed from the file (never their values). */
  removed?: RemovedMetadata[];
}

/** A case as listed in a session's queue. */
export interface QueuedCase {
  id: string;
  title: string;
  presenter: { id: string; displayName: string };
  status: CaseStatus;
  position: number;
  urgent: boolean;
}

export interface ReorderCasesRequest {
  caseIds: string[];
}
export interface MoveCaseRequest {
  sessionId: string;
}
export interface RecommendationRequest {
  body: string;
}

/** The live case flow: spokes ask first, then the hub. */
export const CASE_STAGES = [
  'presentation',
  'clarifying-spokes',
  'clarifying-hub',
  'recommendations-spokes',
  'recommendations-hub',
  'summary',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export interface LiveCase {
  caseId: string;
  stage: CaseStage;
  stageStartedAt: string;
  stageSeconds: number;
  /** Recommendations captured live by the coordinator, seen by everyone. */
  notes: string;
}
