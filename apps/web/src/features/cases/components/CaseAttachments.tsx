import { scanFileName } from '@echo-hub/deid';
import { type CaseAttachmentDto, type CaseDto, CaseLimits, type FieldFinding } from '@echo-hub/protocol';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { UploadProgress, useUpload } from '../../../components/UploadProgress';
import { identifierFindings, toApiError } from '../../../lib/api';
import { useAction } from '../../../lib/useAction';
import { deleteCaseAttachment, fetchCaseAttachment, uploadCaseAttachment } from '../api/cases';
import '../cases.css';
import { FileFindings, NO_CHOICE, type RedactionChoice, redactionFields } from '../../../components/FileFindings';

export const IDENTIFIERS_REMINDER =
  'Remove or cover anything that identifies the patient (name, date of birth, NHS/H&C number, address, faces, barcodes) before uploading.';

const MB = 1024 * 1024;
const sizeText = (bytes: number) =>
  bytes < MB ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / MB).toFixed(1)} MB`;

/** Opens a file fetched with the reader's token in a new tab. */
async function openAttachment(caseId: string, a: CaseAttachmentDto): Promise<void> {
  const url = URL.createObjectURL(await fetchCaseAttachment(caseId, a.id));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A case's files: images as thumbnails, PDFs as links (fetched with the reader's token). */
export function CaseAttachmentList({
  caseId,
  attachments,
  onRemove,
}: {
  caseId: string;
  attachments: CaseAttachmentDto[];
  /** Given when the reader may remove files. */
  onRemove?: (a: CaseAttachmentDto) => void;
}) {
  return (
    <ul className="case-attachments" aria-label="Attachments">
      {attachments.map((a) => (
        <li key={a.id} className="case-attachment">
          {a.mimeType.startsWith('image/') ? (
            <Thumbnail caseId={caseId} a={a} />
          ) : (
            <a
              href={`/api/cases/${caseId}/attachments/${a.id}`}
              onClick={(e) => {
                e.preventDefault();
                void openAttachment(caseId, a);
              }}
            >
              {a.name}
            </a>
          )}
          <span className="hint">
            {a.mimeType === 'application/pdf' ? 'PDF' : 'Image'}, {sizeText(a.size)}
          </span>
          {onRemove && (
            <button type="button" className="link-button" onClick={() => onRemove(a)}>
              Remove<span className="sr-only"> {a.name}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function Thumbnail({ caseId, a }: { caseId: string; a: CaseAttachmentDto }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    fetchCaseAttachment(caseId, a.id).then(
      (blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [caseId, a.id]);
  return (
    <a
      href={`/api/cases/${caseId}/attachments/${a.id}`}
      onClick={(e) => {
        e.preventDefault();
        if (src) window.open(src, '_blank', 'noopener');
      }}
    >
      {src ? <img className="case-attachment-thumb" src={src} alt={a.name} /> : null}
      <span className={src ? 'sr-only' : undefined}>
        {a.name}
        {failed ? ' (not available)' : ''}
      </span>
    </a>
  );
}

/** The case page's files, with the upload form for whoever may edit the case. */
export function CaseAttachmentsSection({
  c,
  editable,
  onChange,
}: {
  c: CaseDto;
  editable: boolean;
  /** Applied to the latest list (not the one this render saw), so quick removals and uploads all stick. */
  onChange: (change: (attachments: CaseAttachmentDto[]) => CaseAttachmentDto[]) => void;
}) {
  const removal = useAction();
  const remove = (a: CaseAttachmentDto) =>
    void removal.run(async () => {
      await deleteCaseAttachment(c.id, a.id);
      onChange((list) => list.filter((x) => x.id !== a.id));
    });
  return (
    <section aria-labelledby="attachments-title" className="panel">
      <h2 id="attachments-title">Images and documents</h2>
      <FormError error={removal.error} />
      {c.attachments.length ? (
        <CaseAttachmentList caseId={c.id} attachments={c.attachments} onRemove={editable ? remove : undefined} />
      ) : (
        <p>No images or documents attached.</p>
      )}
      {editable && <CaseAttachmentForm caseId={c.id} onAdded={(a) => onChange((list) => [...list, a])} />}
    </section>
  );
}

/** Upload an image or PDF: the reminder to remove identifiers, and a confirmation the uploader must tick. */
function CaseAttachmentForm({ caseId, onAdded }: { caseId: string; onAdded: (a: CaseAttachmentDto) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  /** What the hub first read in the file that may identify someone (shown until another file is chosen). */
  const [shown, setShown] = useState<FieldFinding[]>([]);
  /** For each of those: cover it or it identifies nobody; and areas drawn to cover. */
  const [choice, setChoice] = useState<RedactionChoice>(NO_CHOICE);
  const upload = useUpload();
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const nameFindings = file ? scanFileName(file.name) : [];
  const refused = identifierFindings(action.error);
  const nameRefused = refused.filter((f) => f.field !== 'content');
  const contentRefused = refused.filter((f) => f.field === 'content');
  const fields = redactionFields(shown, choice);
  const reset = () => {
    setShown([]);
    setChoice(NO_CHOICE);
  };
  const tooBig = Boolean(file && file.size > CaseLimits.attachmentBytes);
  const localError = tooBig
    ? ['The file is larger than 10 MB.']
    : nameFindings.length
      ? [
          `The file name may identify the patient: ${nameFindings.map((f) => `"${f.text}"`).join(', ')}. Rename the file first.`,
        ]
      : undefined;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) return;
    setAdded(null);
    void action.run(async () => {
      const a = await upload
        .send(file, (onProgress, signal) => uploadCaseAttachment(caseId, file, onProgress, signal, fields))
        .catch((e: unknown) => {
          // The first findings in this file are the ones to choose for; later ones are what covering left.
          const content = identifierFindings(toApiError(e)).filter((f) => f.field === 'content');
          if (!shown.length && content.length) setShown(content);
          throw e;
        });
      if (!a) return; // the form is gone: nothing to show
      onAdded(a);
      setFile(null);
      setConfirmed(false);
      reset();
      if (input.current) input.current.value = '';
      setAdded(a.name);
    });
  };

  return (
    <form className="form case-attachment-form" onSubmit={onSubmit} aria-label="Attach a file" noValidate>
      <h3>Attach an image or PDF</h3>
      <div className="case-reminder" role="note">
        <p>
          <strong>Before you upload:</strong> {IDENTIFIERS_REMINDER} Check the file name too.
        </p>
      </div>
      {nameRefused.length > 0 ? (
        <p role="alert" className="alert">
          The file name may identify the patient: {nameRefused.map((f) => `"${f.text}"`).join(', ')}. Rename the file
          and try again.
        </p>
      ) : file && shown.length > 0 ? (
        <fieldset className="alert">
          <legend>The file shows what may identify the patient</legend>
          <p role="alert">
            {contentRefused.length > 0 && shown !== contentRefused
              ? `Still readable after covering: ${contentRefused.map((f) => `“${f.text}”`).join(', ')}. Draw a larger area over it, or choose that it identifies nobody.`
              : 'The hub read possible identifiers in the file. Each is covered in black in the stored copy unless you say it identifies nobody; the original is not kept.'}
          </p>
          <FileFindings file={file} findings={shown} choice={choice} onChange={setChoice} />
        </fieldset>
      ) : (
        <FormError error={action.error} fields={['file', 'confirmIdentifiersRemoved']} />
      )}
      <Field
        label="File"
        hint="A PNG, JPEG or WebP image, or a PDF, up to 10 MB."
        error={localError ?? action.fieldError('file')}
      >
        {(control) => (
          <input
            {...control}
            ref={input}
            type="file"
            accept={CaseLimits.attachmentTypes.join(',')}
            onChange={(e) => {
              setAdded(null);
              reset();
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I have removed or
        covered everything that identifies the patient
      </label>
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={!file || !confirmed || Boolean(localError) || action.pending}
        >
          {fields.redactions.length
            ? `Attach with ${fields.redactions.length} area${fields.redactions.length === 1 ? '' : 's'} covered`
            : 'Attach file'}
        </button>
        <p role="status" className="hint">
          {added ? `Attached ${added}.${upload.removed && ` ${upload.removed}.`}` : ''}
        </p>
      </div>
      {upload.sending && <UploadProgress {...upload.sending} />}
    </form>
  );
}
