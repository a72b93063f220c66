import { type CaptionLine, CaptionLimits, type RoomState } from '@echo-hub/protocol';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { LiveRoomClient } from '../lib/LiveRoomClient';

/** Finished lines shown under the stage, the newest last. */
const SHOWN = 3;
/** A captioner's line in progress is sent at most this often while they type. */
const PARTIAL_MS = 400;

interface CaptionBarProps {
  state: RoomState;
  youId: string;
  host: boolean;
  room: LiveRoomClient;
}

/**
 * Captions under the stage: the captioner's lines (a person the facilitator assigned types them) and automatic
 * captions of the active speaker. Everyone may hide the bar; hosts choose the captioner and turn automatic
 * captions on or off; the captioner types in a field of their own (Enter finishes a line).
 */
export function CaptionBar({ state, youId, host, room }: CaptionBarProps) {
  const [lines, setLines] = useState<CaptionLine[]>([]);
  const [typing, setTyping] = useState<CaptionLine | null>(null);
  const [shown, setShown] = useState(true);
  const captions = state.captions ?? { captionerId: null, auto: false };
  const active = captions.auto || captions.captionerId !== null;

  useEffect(
    () =>
      room.onCaption((line) => {
        if (line.final) {
          setLines((all) => [...all.slice(-(SHOWN - 1)), line]);
          setTyping((t) => (t?.userId === line.userId ? null : t));
        } else setTyping(line.text ? line : null);
      }),
    [room],
  );

  return (
    <section role="region" aria-label="Captions" className="live-panel live-captions">
      <div className="live-captions-head">
        <h2>Captions</h2>
        <label className="live-captions-toggle">
          <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} /> Show captions
        </label>
      </div>
      {host && <CaptionControls state={state} room={room} />}
      {shown &&
        (active || lines.length ? (
          <div className="live-caption-lines" data-testid="caption-bar">
            {lines.map((l) => (
              <p key={`${l.at}-${l.userId}`} className="live-caption">
                <span className="live-caption-speaker">{l.displayName}:</span> {l.text}
                {l.source === 'auto' && <span className="sr-only"> (automatic)</span>}
              </p>
            ))}
            {typing && (
              <p className="live-caption live-caption-typing">
                <span className="live-caption-speaker">{typing.displayName}:</span> {typing.text}
              </p>
            )}
            {!lines.length && !typing && <p className="hint">Captions appear here.</p>}
          </div>
        ) : (
          <p className="hint">No captions in this session.</p>
        ))}
      {captions.captionerId === youId && <CaptionInput room={room} />}
    </section>
  );
}

function CaptionControls({ state, room }: { state: RoomState; room: LiveRoomClient }) {
  const id = useId();
  const captions = state.captions ?? { captionerId: null, auto: false };
  return (
    <div className="live-captions-controls">
      <label htmlFor={`${id}-captioner`}>Captioner</label>
      <select
        id={`${id}-captioner`}
        value={captions.captionerId ?? ''}
        onChange={(e) => void room.setCaptioner(e.target.value || null)}
      >
        <option value="">Nobody</option>
        {state.participants.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.displayName}
          </option>
        ))}
      </select>
      <label>
        <input type="checkbox" checked={captions.auto} onChange={(e) => void room.setAutoCaptions(e.target.checked)} />{' '}
        Automatic captions
      </label>
    </div>
  );
}

function CaptionInput({ room }: { room: LiveRoomClient }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef('');
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const send = (line: string, final: boolean) =>
    room.sendCaption(line, final).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  const change = (value: string) => {
    setText(value);
    latest.current = value;
    timer.current ??= setTimeout(() => {
      timer.current = null;
      void send(latest.current, false);
    }, PARTIAL_MS);
  };
  const finish = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    void send(text, true);
    setText('');
    latest.current = '';
  };
  return (
    <form className="live-caption-input" onSubmit={finish}>
      <label htmlFor={`${id}-caption`}>You are the captioner: type, Enter sends the line</label>
      <input
        id={`${id}-caption`}
        value={text}
        maxLength={CaptionLimits.textMaxLength}
        autoComplete="off"
        onChange={(e) => change(e.target.value)}
      />
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </form>
  );
}
