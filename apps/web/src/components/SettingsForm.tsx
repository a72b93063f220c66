import type { FormEvent, ReactNode } from 'react';
import { useId } from 'react';
import type { ApiError } from '../lib/api';
import { Field } from './Field';
import { FormError } from './Status';

interface SettingsFormProps {
  title: string;
  /** The form's accessible name (default: the title). */
  label?: string;
  /** Shown above the form (a link, a note). */
  intro?: ReactNode;
  className?: string;
  /** The request's error, and the fields whose errors show beside them (others in the form's alert). */
  error: ApiError | null;
  fields: string[];
  pending?: boolean;
  submitLabel: string;
  /** What the status line says after saving (read out by screen readers). */
  saved: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  /** Below the form (e.g. what the settings govern). */
  after?: ReactNode;
}

/** A program's settings in a panel: heading, the fields, one submit button and a status line once saved. */
export function SettingsForm(p: SettingsFormProps) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{p.title}</h2>
      {p.intro}
      <form
        className={p.className ? `form ${p.className}` : 'form'}
        onSubmit={p.onSubmit}
        noValidate
        {...(p.label ? { 'aria-label': p.label } : { 'aria-labelledby': titleId })}
      >
        <FormError error={p.error} fields={p.fields} />
        {p.children}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={p.pending}>
            {p.submitLabel}
          </button>
        </div>
        <p role="status" className="hint">
          {p.saved}
        </p>
      </form>
      {p.after}
    </section>
  );
}

interface NumberFieldProps {
  label: string;
  hint?: string;
  name: string;
  error?: string[];
  min: number;
  max?: number;
  step?: number;
  required?: boolean;
  defaultValue: number | string;
}

/** A labelled whole-number input (percentages, counts, targets). */
export function NumberField({
  label,
  hint,
  name,
  error,
  min,
  max,
  step = 1,
  required,
  defaultValue,
}: NumberFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(c) => (
        <input
          {...c}
          name={name}
          type="number"
          min={min}
          max={max}
          step={step}
          required={required}
          defaultValue={defaultValue}
        />
      )}
    </Field>
  );
}
