import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from './Icons';

const SHORTCUTS = [
  { key: 'M', action: 'Mute or unmute the microphone' },
  { key: 'V', action: 'Turn the camera off or on' },
  { key: 'H', action: 'Raise or lower your hand' },
] as const;

/** A popover listing the keyboard shortcuts; Escape or a click elsewhere closes it. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div className="live-popover-root" ref={root}>
      <button
        ref={button}
        type="button"
        className="live-control"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="keyboard" />
        <span>Keyboard shortcuts</span>
      </button>
      <div id={id} className="live-popover" hidden={!open}>
        <h2>Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.key}>
              <dt>
                <kbd>{s.key}</kbd>
              </dt>
              <dd>{s.action}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">They work anywhere except while typing in a text box.</p>
      </div>
    </div>
  );
}
