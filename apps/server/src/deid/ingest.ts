import type { ConfirmedSpan, FieldFinding, FindingBox, RemovedMetadata } from '@echo-hub/protocol';
import { Logger } from '@nestjs/common';
import { refuseIdentifyingFileName, refuseUnconfirmed } from './deid-gate';
import { safeName, sniffType, storeUpload } from '../common/uploads';
import type { StorageService } from '../storage/storage.service';
import { badField, badFile } from './bad-file';
import { refuseDicom } from './dicom';
import { findingsInFile } from './read-text';
import { redact } from './redact';
import { stripMetadata } from './strip-metadata';

/** A file's type: its MIME type and the extension it is stored under. */
export interface UploadType {
  mimeType: string;
  ext: string;
}

export interface IngestOptions {
  /** Where in storage the file goes (`cases`, `community`, `slides`). */
  folder: string;
  /**
   * The type the file is stored as, from the type sniffed from its first bytes (null when not an image
   * or PDF) and its name; null refuses the file with `refusal` (400 naming `file`).
   */
  accept: (sniffed: UploadType | null, name: string) => UploadType | null;
  refusal: string;
  /** Whether the text in the file (OCR, a PDF's text) goes through the gate; slides' text is not read. */
  readText: boolean;
  /** Findings in that text the uploader confirmed identify nobody (offsets into the text read). */
  confirmed?: readonly ConfirmedSpan[];
  /**
   * Boxes the uploader chose to cover: burnt into a new image before the text is read. With them,
   * `confirmed` points into the text as read before they were burnt in (what the uploader was shown);
   * the same findings (kind and text) read afterwards count as confirmed.
   */
  redactions?: readonly FindingBox[];
}

/** What one step of the pipeline found, in words without any value from the file. */
export interface IngestStep {
  step: 'type' | 'name' | 'metadata' | 'redaction' | 'text' | 'store';
  found: string;
}

export interface Ingested {
  /** The name it is stored under in `folder` (random, never the uploader's). */
  storedName: string;
  /** The uploader's file name, made safe, which passed the gate. */
  name: string;
  mimeType: string;
  size: number;
  /** The kinds of metadata removed. */
  removed: RemovedMetadata[];
  /** Findings in the file's text that the uploader confirmed. */
  confirmed: FieldFinding[];
  steps: IngestStep[];
}

/** Accepts the sniffed types `types` (an image or PDF), whatever the file's name. */
export const sniffedAs =
  (types: readonly string[]) =>
  (sniffed: UploadType | null): UploadType | null =>
    sniffed && types.includes(sniffed.mimeType) ? sniffed : null;

const logger = new Logger('Ingest');

/**
 * The one way an upload is stored: type sniffed from its bytes (DICOM refused) → file name through the
 * gate → metadata removed → the boxes the uploader chose burnt in → text read (OCR, PDF text) → every
 * finding in it confirmed, or nothing is stored (422 with the findings and their boxes) → stored under
 * a random name. The original bytes are never stored. What each step found is logged (kinds and
 * counts, never values) and answered.
 */
export async function ingestUpload(
  storage: StorageService,
  file: Express.Multer.File | undefined,
  options: IngestOptions,
): Promise<Ingested> {
  if (!file) throw badFile('file is required (multipart form field "file")');
  const steps: IngestStep[] = [];
  refuseDicom(file.buffer);
  const sniffed = sniffType(file.buffer.subarray(0, 16));
  const name = safeName(file.originalname);
  const type = options.accept(sniffed, name);
  if (!type) throw badFile(options.refusal);
  steps.push({ step: 'type', found: sniffed?.mimeType ?? `not an image or PDF (kept as ${type.mimeType})` });

  refuseIdentifyingFileName(name);
  steps.push({ step: 'name', found: 'no identifier' });

  const stripped = await stripMetadata(file.buffer, sniffed?.mimeType ?? '');
  let bytes = stripped.bytes;
  steps.push({ step: 'metadata', found: stripped.removed.length ? `removed ${stripped.removed.join(', ')}` : 'none' });

  const redactions = options.redactions ?? [];
  let confirmedSpans = options.confirmed ?? [];
  /** Findings confirmed in the text read before redaction (their offsets point there), by kind and text. */
  let confirmedBefore: FieldFinding[] | null = null;
  if (redactions.length) {
    if (!sniffed) throw badField('redactions', 'only images and PDFs can have areas covered');
    if (options.readText && confirmedSpans.length) {
      confirmedBefore = (await findingsInFile(bytes, sniffed.mimeType)).filter((f) => isConfirmed(f, confirmedSpans));
    }
    bytes = await redact(bytes, sniffed.mimeType, redactions);
    steps.push({ step: 'redaction', found: `${redactions.length} area(s) covered` });
  }

  let confirmed: FieldFinding[] = [];
  if (options.readText && sniffed) {
    const findings = await findingsInFile(bytes, sniffed.mimeType);
    steps.push({
      step: 'text',
      found: findings.length ? `${findings.length} possible identifier(s): ${kinds(findings)}` : 'no identifier',
    });
    if (confirmedBefore) {
      const before = confirmedBefore;
      confirmedSpans = findings
        .filter((f) => before.some((b) => b.kind === f.kind && b.text === f.text))
        .map(({ start, end }) => ({ field: 'content' as const, start, end }));
    }
    confirmed = refuseUnconfirmed(findings, confirmedSpans);
  }

  const storedName = await storeUpload(storage, options.folder, bytes, type);
  steps.push({ step: 'store', found: `${bytes.length} bytes` });
  logger.log(`${options.folder}/${storedName}: ${steps.map((s) => `${s.step}: ${s.found}`).join('; ')}`);
  return { storedName, name, mimeType: type.mimeType, size: bytes.length, removed: stripped.removed, confirmed, steps };
}

const isConfirmed = (f: FieldFinding, spans: readonly ConfirmedSpan[]) =>
  spans.some((c) => c.field === f.field && c.start === f.start && c.end === f.end);

const kinds = (findings: FieldFinding[]) => [...new Set(findings.map((f) => f.kind))].join(', ');
