import { scan } from '@echo-hub/deid';
import { type RefObject, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { shiftPosition, SCAN_DELAY_MS, useDebounced } from '../../cases';

/** How long typing pauses before the text is sent to the room. */
const SEND_DELAY_MS = 300;

interface CaseNotesEditorProps {
  /** The notes as the room has them (everyone's edits). */
  remote: string;
  onSend: (text: string) => Promise<void>;
  /** Set to a function that sends what is still waiting (before the case is closed). */
  flushRef: RefObject<(() => Promise<void>) | null>;
}

/**
 * The shared recommendations editor. What the person types is sent debounced; what others type
 * arrives with the room state and is taken in only while nothing of ours is waiting or on its way,
 * and the caret stays where it was in the text around it.
 */
export function CaseNotesEditor({ remote, onSend, flushRef }: CaseNotesEditorProps) {
  const [text, setText] = useState(remote);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef(remote);
  const area = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Texts sent whose echo has not come back yet. */
  const inFlight = useRef<string[]>([]);
  const selection = useRef<[number, number] | null>(null);
  const id = useId();
  const findingsId = useId();

  useEffect(() => {
    const echo = inFlight.current.indexOf(remote);
    if (echo >= 0) {
      // Our own text came back: everything sent before it has been overtaken.
      inFlight.current = inFlight.current.slice(echo + 1);
      return;
    }
    if (timer.current || inFlight.current.length > 0) return; // ours is newer: it is on its way
    const local = textRef.current;
    if (local === remote) return;
    const el = area.current;
    if (el && document.activeElement === el) {
      selection.current = [
        shiftPosition(el.selectionStart, local, remote),
        shiftPosition(el.selectionEnd, local, remote),
      ];
    }
    textRef.current = remote;
    setText(remote);
  }, [remote]);

  useLayoutEffect(() => {
    const el = area.current;
    if (el && selection.current) el.setSelectionRange(...selection.current);
    selection.current = null;
  }, [text]);

  const send = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = textRef.current;
    inFlight.current.push(value);
    try {
      await onSend(value);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The recommendations were not saved.');
    } finally {
      inFlight.current = inFlight.current.filter((t) => t !== value);
    }
  };

  useEffect(() => {
    flushRef.current = async () => {
      if (timer.current) await send();
    };
    return () => {
      flushRef.current = null;
    };
  });

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const settled = useDebounced(text, SCAN_DELAY_MS);
  const findings = useMemo(() => scan(settled).filter((f) => text.slice(f.start, f.end) === f.text), [settled, text]);

  return (
    <div className="live-case-notes">
      <label htmlFor={id}>
        <strong>Recommendations</strong>
      </label>
      <p className="hint" id={`${id}-hint`}>
        Everyone sees what the hub team writes here. When the case is closed it becomes the written recommendations the
        presenter receives.
      </p>
      <textarea
        ref={area}
        id={id}
        value={text}
        aria-describedby={[`${id}-hint`, findings.length ? findingsId : ''].filter(Boolean).join(' ')}
        onChange={(e) => {
          textRef.current = e.target.value;
          setText(e.target.value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void send(), SEND_DELAY_MS);
        }}
        onBlur={() => {
          if (timer.current) void send();
        }}
      />
      {findings.length > 0 && (
        <ul id={findingsId} className="case-notes-findings">
          {findings.map((f) => (
            <li key={`${f.start}-${f.end}`}>
              Possible identifier: <mark>{f.text}</mark> <span className="hint">({f.reason})</span>, take it out before
              closing the case.
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="live-error">
          {error}
        </p>
      )}
    </div>
  );
}
