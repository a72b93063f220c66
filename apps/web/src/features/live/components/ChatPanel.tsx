import { type ChatMessage, ChatLimits, type TextSpan } from '@echo-hub/protocol';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { linkify } from '../lib/format';
import { useGate } from '../hooks/useGate';
import { GateFindings } from './GateFindings';

interface ChatPanelProps {
  messages: ChatMessage[];
  youId: string;
  /** Display names of the people in the session: their names are not flagged as patients'. */
  people: string[];
  /** The programme's sites and their localities: where people join from, not flagged either. */
  places: string[];
  onSend: (text: string, confirmedSpans: TextSpan[]) => Promise<void>;
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/**
 * The session chat (kept in the room state, so nothing is lost on reconnect); http(s) links open in a new tab.
 * What is typed passes the same de-identification scan as the server's gate: a possible identifier is
 * marked as you type and the message goes only once each is changed or confirmed as not identifying.
 */
export function ChatPanel({ messages, youId, people, places, onSend }: ChatPanelProps) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const log = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const inputId = useId();
  const countId = useId();
  const findingsId = useId();
  const message = text.trim();
  const { findings, confirmed, unconfirmed, confirm, reset, spans } = useGate(message, people, places);

  // Follow new messages unless the reader scrolled up to read older ones.
  useEffect(() => {
    const el = log.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!message || sending || unconfirmed.length) return;
    setSending(true);
    setError(null);
    try {
      await onSend(message, spans);
      setText('');
      reset();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The message was not sent.');
    } finally {
      setSending(false);
    }
  };

  const left = ChatLimits.maxLength - text.length;
  return (
    <section role="region" aria-label="Chat" className="live-panel live-chat">
      <h2>Chat</h2>
      <ol
        ref={log}
        className="live-chat-log"
        role="log"
        aria-label="Message history"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {messages.length === 0 && <li className="hint">No messages yet.</li>}
        {messages.map((m) => (
          <li key={m.id} className={m.userId === youId ? 'live-chat-message is-mine' : 'live-chat-message'}>
            <p className="live-chat-meta">
              <strong>{m.userId === youId ? 'You' : m.displayName}</strong> <time dateTime={m.at}>{timeOf(m.at)}</time>
            </p>
            <p className="live-chat-text">
              <MessageText text={m.text} />
            </p>
          </li>
        ))}
      </ol>
      <form className="live-chat-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={inputId} className="sr-only">
          Chat message
        </label>
        <input
          id={inputId}
          type="text"
          value={text}
          maxLength={ChatLimits.maxLength}
          autoComplete="off"
          placeholder="Message everyone"
          aria-describedby={
            [left < 200 && countId, findings.length > 0 && findingsId].filter(Boolean).join(' ') || undefined
          }
          aria-invalid={unconfirmed.length > 0}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button button-small" disabled={sending || unconfirmed.length > 0}>
          Send
        </button>
        <GateFindings id={findingsId} findings={findings} confirmed={confirmed} onConfirm={confirm} />
        {left < 200 && (
          <p id={countId} className="hint">
            {left} characters left
          </p>
        )}
        {error && (
          <p role="alert" className="live-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
