import { useId, useRef, useState } from 'react';

/** A read-only link with a Copy button (described by the label, so its name stays "Copy"); falls back to selecting the text where the clipboard is unavailable. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setMessage('Copied');
    } catch {
      input.current?.select();
      setMessage('Selected: press Ctrl+C (or ⌘C) to copy');
    }
  };
  return (
    <div className="field copy-field">
      <label id={`${id}-label`} htmlFor={id}>
        {label}
      </label>
      <div className="copy-row">
        <input ref={input} id={id} value={value} readOnly onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={() => void copy()} aria-describedby={`${id}-label`}>
          Copy
        </button>
      </div>
      <p role="status" className="hint">
        {message}
      </p>
    </div>
  );
}
