import { type ReactNode, useId } from 'react';

/** Props every control inside a Field gets: its id and the ids of its hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: ReactNode;
  /** The control's id, when something else needs to know it (default: generated). */
  id?: string;
  hint?: ReactNode;
  /** Messages from the server (or a local check) for this field. */
  error?: string[];
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with an optional hint and error, both tied to it with aria-describedby. */
export function Field({ label, id: givenId, hint, error, children }: FieldProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error.join(' ')}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}
