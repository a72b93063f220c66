import {
  CommunityLimits,
  type ConfirmedSpan,
  type FieldFinding,
  type FileGateFields,
  type GroupMemberDto,
  type PreviewResponse,
} from '@echo-hub/protocol';
import {
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type Ref,
} from 'react';
import { FileFindings, NO_CHOICE, type RedactionChoice, redactionFields } from '../../../components/FileFindings';
import { UploadProgress, useUpload } from '../../../components/UploadProgress';
import { type ApiError, identifierFindings, toApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { previewPost, uploadAttachment } from '../api/community';
import { useGroupPeople } from '../hooks/useGroupPeople';
import { PostBody } from './PostBody';

export interface ComposerHandle {
  /** Adds text at the end (e.g. a quote) and focuses the box. */
  insert(text: string): void;
  focus(): void;
}

interface ComposerProps {
  groupId: string;
  /** The text box's accessible name, e.g. "Your reply". */
  label: string;
  submitLabel: string;
  initial?: string;
  /**
   * Throws to keep the text (the error is shown); resolves to clear it. `confirmedSpans` are the
   * possible identifiers of an earlier 422 the author confirmed identify nobody.
   */
  onSubmit: (body: string, confirmedSpans: ConfirmedSpan[]) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
  ref?: Ref<ComposerHandle>;
}

interface MentionState {
  /** Where the `@` is. */
  start: number;
  query: string;
  matches: GroupMemberDto[];
  active: number;
}

const handleOf = (m: GroupMemberDto) => m.user.email?.split('@')[0] ?? '';

/** People whose name (or a word of it) or email local part starts with what follows the `@`. */
function matchPeople(people: GroupMemberDto[], query: string): GroupMemberDto[] {
  const q = query.toLowerCase();
  return people
    .filter((m) => {
      const name = m.user.displayName.toLowerCase();
      return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q)) || handleOf(m).startsWith(q);
    })
    .slice(0, 6);
}

/** The `@name` being typed just before the caret, if any. */
function mentionAt(text: string, caret: number, people: GroupMemberDto[]): MentionState | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\p{L}\p{N}_])@([\p{L}\p{N}._'-]+(?: [\p{L}\p{N}._'-]*)?)?$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  const matches = matchPeople(people, query);
  if (!matches.length) return null;
  return { start: before.length - query.length - 1, query, matches, active: 0 };
}

/** The findings of a 422 IDENTIFIERS_FOUND answer (none for any other error). */
function identifiersIn(error: ApiError): FieldFinding[] {
  if (error.body.error !== ('IDENTIFIERS_FOUND' as string)) return [];
  const findings = (error.body as unknown as { findings?: FieldFinding[] }).findings;
  return Array.isArray(findings) ? findings : [];
}

/**
 * A Markdown text box with a server-rendered preview, @mention suggestions from the group's
 * people (arrow keys and Enter, or click), image and PDF attachments, and Ctrl+Enter to send.
 */
export function Composer({
  groupId,
  label,
  submitLabel,
  initial = '',
  onSubmit,
  onCancel,
  autoFocus,
  ref,
}: ComposerProps) {
  const id = useId();
  const people = useGroupPeople(groupId);
  const box = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [mention, setMention] = useState<MentionState | null>(null);
  const [pending, setPending] = useState(false);
  /** The attachment being uploaded, and how much of it has gone. */
  const upload = useUpload();
  const uploading = upload.sending !== null;
  const [error, setError] = useState<ApiError | null>(null);
  /** What the de-identification gate found in the text sent (a warning the author may confirm). */
  const [warning, setWarning] = useState<FieldFinding[]>([]);
  /**
   * A file in which the hub read what may identify someone: the findings first shown (to choose for), those
   * still readable after the last try, and the author's choice (cover each, or it identifies nobody).
   */
  const [check, setCheck] = useState<{
    file: File;
    findings: FieldFinding[];
    left: FieldFinding[];
    choice: RedactionChoice;
  } | null>(null);

  useImperativeHandle(ref, () => ({
    insert: (more: string) => {
      setMode('write');
      setText((t) => (t.trim() ? `${t.trimEnd()}\n\n${more}` : more));
      requestAnimationFrame(() => box.current?.focus());
    },
    focus: () => box.current?.focus(),
  }));

  useEffect(() => {
    if (mode !== 'preview') return;
    let live = true;
    previewPost(groupId, text).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [mode, groupId, text]);

  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    setText(e.target.value);
    setWarning([]);
    setMention(mentionAt(e.target.value, e.target.selectionStart, people));
  };

  const choose = (m: GroupMemberDto) => {
    if (!mention) return;
    const after = text.slice(mention.start + 1 + mention.query.length);
    const inserted = `@${m.user.displayName} `;
    const next = text.slice(0, mention.start) + inserted + after.replace(/^ /, '');
    setText(next);
    setMention(null);
    const caret = mention.start + inserted.length;
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(caret, caret);
    });
  };

  /** Sends the text; `confirmed`: the author confirmed the gate's findings identify nobody. */
  const send = async (confirmed = false) => {
    if (!text.trim() || pending) return;
    setPending(true);
    setError(null);
    try {
      const spans = warning.flatMap(({ field, start, end }) => (field === 'file' ? [] : [{ field, start, end }]));
      await onSubmit(text, confirmed ? spans : []);
      setText('');
      setMode('write');
      setPreview(null);
      setWarning([]);
    } catch (e) {
      const err = toApiError(e);
      const findings = identifiersIn(err);
      if (findings.length) setWarning(findings);
      else setError(err);
    } finally {
      setPending(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mention) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setMention({ ...mention, active: (mention.active + step + mention.matches.length) % mention.matches.length });
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        choose(mention.matches[mention.active]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setMention(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };

  const attach = async (file: File, fields?: FileGateFields) => {
    setError(null);
    try {
      const a = await upload.send(file, (onProgress, signal) =>
        uploadAttachment(groupId, file, onProgress, signal, fields),
      );
      setCheck(null);
      if (a) setText((t) => `${t}${t && !t.endsWith('\n') ? '\n' : ''}${a.markdown}\n`);
    } catch (err) {
      const e = toApiError(err);
      const found = identifierFindings(e).filter((f) => f.field === 'content');
      if (!found.length) return setError(e);
      setCheck((c) =>
        c && fields ? { ...c, left: found } : { file, findings: found, left: found, choice: NO_CHOICE },
      );
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setCheck(null);
    await attach(file);
  };

  const onSubmitForm = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  const listId = `${id}-mentions`;
  const optionId = (i: number) => `${id}-mention-${i}`;
  return (
    <form className="composer" onSubmit={onSubmitForm}>
      <div className="composer-tabs" role="group" aria-label="Editor mode">
        <button type="button" className="tab-button" aria-pressed={mode === 'write'} onClick={() => setMode('write')}>
          Write
        </button>
        <button
          type="button"
          className="tab-button"
          aria-pressed={mode === 'preview'}
          onClick={() => setMode('preview')}
          disabled={!text.trim()}
        >
          Preview
        </button>
      </div>
      <label htmlFor={`${id}-text`} className="sr-only">
        {label}
      </label>
      <div className="composer-box" hidden={mode !== 'write'}>
        <textarea
          id={`${id}-text`}
          ref={box}
          value={text}
          onChange={onChange}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setMention(null), 150)}
          rows={5}
          maxLength={CommunityLimits.body}
          autoFocus={autoFocus}
          placeholder="Write in Markdown. Type @ to mention someone. Never include anything that identifies a patient."
          aria-describedby={`${id}-hint`}
          aria-autocomplete="list"
          aria-controls={mention ? listId : undefined}
          aria-expanded={mention ? true : undefined}
          aria-activedescendant={mention ? optionId(mention.active) : undefined}
        />
        {mention && (
          <ul id={listId} role="listbox" className="mention-list" aria-label="People to mention">
            {mention.matches.map((m, i) => (
              <li
                key={m.user.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === mention.active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(m);
                }}
              >
                {m.user.displayName} {m.user.email && <span className="muted-inline">@{handleOf(m)}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {mode === 'preview' && (
        <div className="composer-preview" aria-live="polite">
          {preview ? <PostBody html={preview.html} /> : <p className="loading">Rendering the preview…</p>}
          {preview && preview.mentioned.length > 0 && (
            <p className="hint">Will notify {preview.mentioned.map((m) => m.displayName).join(', ')}.</p>
          )}
        </div>
      )}
      <p id={`${id}-hint`} className="hint">
        **bold**, *italic*, &gt; quote, [link](https://…); Ctrl+Enter sends.
      </p>
      {error && (
        <p role="alert" className="alert">
          {error.body.statusCode === 0
            ? 'Not sent: the hub cannot be reached. Try again, it will be sent once.'
            : errorText(error)}
        </p>
      )}
      {warning.length > 0 && (
        <div role="alert" className="alert composer-warning">
          <p>
            This may identify someone:{' '}
            {warning.map((f) => `“${f.text}” (${f.field === 'title' ? 'title: ' : ''}${f.reason})`).join(', ')}. Change
            it, or post it if none of these identifies a patient.
          </p>
          <button type="button" className="button button-small" disabled={pending} onClick={() => void send(true)}>
            None of these identifies a patient: {submitLabel.toLowerCase()}
          </button>
        </div>
      )}
      {check && (
        <fieldset className="alert composer-file-check">
          <legend>The file shows what may identify someone</legend>
          <p role="alert">
            {check.left !== check.findings
              ? `Still readable after covering: ${check.left.map((f) => `“${f.text}”`).join(', ')}. Draw a larger area over it, or choose that it identifies nobody.`
              : 'The hub read possible identifiers in the file. Each is covered in black in the stored copy unless you say it identifies nobody; the original is not kept.'}
          </p>
          <FileFindings
            file={check.file}
            findings={check.findings}
            choice={check.choice}
            onChange={(choice) => setCheck({ ...check, choice })}
          />
          <div className="actions">
            <button
              type="button"
              className="button button-small"
              disabled={uploading}
              onClick={() => void attach(check.file, redactionFields(check.findings, check.choice))}
            >
              {coverCount(check)
                ? `Attach with ${coverCount(check)} area${coverCount(check) === 1 ? '' : 's'} covered`
                : 'Attach as it is'}
            </button>
            <button type="button" className="link-button" onClick={() => setCheck(null)}>
              Do not attach
            </button>
          </div>
        </fieldset>
      )}
      {upload.sending && <UploadProgress {...upload.sending} />}
      {upload.removed && (
        <p role="status" className="hint">
          {upload.removed} from the attachment.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={pending || uploading || !text.trim()}>
          {pending ? 'Sending…' : submitLabel}
        </button>
        <label className="button button-small file-button">
          {uploading ? 'Uploading…' : 'Attach image or PDF'}
          <input
            type="file"
            className="sr-only"
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
            onChange={(e) => void onFile(e)}
            disabled={uploading}
          />
        </label>
        {onCancel && (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** How many areas the author's choice covers in the file being checked. */
const coverCount = (check: { findings: FieldFinding[]; choice: RedactionChoice }) =>
  redactionFields(check.findings, check.choice).redactions.length;
