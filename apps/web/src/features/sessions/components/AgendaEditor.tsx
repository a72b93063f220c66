import type { AgendaItemKind } from '@echo-hub/protocol';
import { type ReactNode, useId } from 'react';
import { flushSync } from 'react-dom';
import { Field } from '../../../components/Field';
import { type AgendaSlot, newSlot, totalMinutes } from '../agenda';

interface AgendaEditorProps {
  slots: AgendaSlot[];
  onChange: (slots: AgendaSlot[]) => void;
  durationMinutes: number;
  /** Server messages for a field path such as `items.0.title`. */
  fieldError: (field: string) => string[] | undefined;
  /** The request's name for the list: `agenda` (scheduling) or `items` (replacing an agenda). */
  errorPrefix: string;
  /** Member emails to suggest for presenters. */
  presenterEmails: string[];
  /** Extra controls under a slot, e.g. the slides upload. */
  renderSlotExtra?: (slot: AgendaSlot, label: string) => ReactNode;
}

/** An ordered list of didactic and case slots with add, remove, move and a running total against the session length. */
export function AgendaEditor(props: AgendaEditorProps) {
  const { slots, onChange, durationMinutes, fieldError, errorPrefix, presenterEmails, renderSlotExtra } = props;
  const id = useId();
  const controlId = (slot: AgendaSlot, control: string) => `${id}-${slot.key}-${control}`;
  const focus = (elementId: string) => document.getElementById(elementId)?.focus();
  const total = totalMinutes(slots);
  const over = total - durationMinutes;

  const change = (key: string, patch: Partial<AgendaSlot>) =>
    onChange(slots.map((slot) => (slot.key === key ? { ...slot, ...patch } : slot)));

  const add = () => {
    const slot = newSlot(slots.some((s) => s.kind === 'didactic') ? 'case' : 'didactic');
    flushSync(() => onChange([...slots, slot]));
    focus(controlId(slot, 'kind'));
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...slots];
    const [slot] = next.splice(index, 1);
    next.splice(index + by, 0, slot);
    flushSync(() => onChange(next));
    // Keep focus on the moved slot's button; at the top or bottom that button is disabled, so use the other one.
    const atEdge = index + by === 0 || index + by === slots.length - 1;
    focus(controlId(slot, by === -1 ? (atEdge ? 'down' : 'up') : atEdge ? 'up' : 'down'));
  };

  const remove = (index: number) => {
    const neighbour = slots[index + 1] ?? slots[index - 1];
    flushSync(() => onChange(slots.filter((_, i) => i !== index)));
    focus(neighbour ? controlId(neighbour, 'kind') : `${id}-add`);
  };

  return (
    <div className="agenda-editor">
      {slots.length === 0 && (
        <p className="hint">
          No slots yet. A teleECHO session usually opens with a short didactic, then one or two cases.
        </p>
      )}
      <ol className="slots">
        {slots.map((slot, index) => {
          const label = `Slot ${index + 1}`;
          const error = (field: string) => fieldError(`${errorPrefix}.${index}.${field}`);
          const prefix = <span className="sr-only">{label} </span>;
          return (
            <li key={slot.key} className="slot">
              <fieldset>
                <legend>{label}</legend>
                <div className="slot-fields">
                  <Field label={<>{prefix}Type</>} id={controlId(slot, 'kind')} error={error('kind')}>
                    {(p) => (
                      <select
                        {...p}
                        value={slot.kind}
                        onChange={(e) => change(slot.key, { kind: e.target.value as AgendaItemKind })}
                      >
                        <option value="didactic">Didactic (teaching)</option>
                        <option value="case">Case presentation</option>
                      </select>
                    )}
                  </Field>
                  {slot.kind === 'didactic' && (
                    <>
                      <Field label={<>{prefix}Title</>} error={error('title')}>
                        {(p) => (
                          <input
                            {...p}
                            value={slot.title}
                            onChange={(e) => change(slot.key, { title: e.target.value })}
                          />
                        )}
                      </Field>
                      <Field label={<>{prefix}Presenter email</>} error={error('presenterEmail')}>
                        {(p) => (
                          <input
                            {...p}
                            type="email"
                            list={`${id}-presenters`}
                            value={slot.presenterEmail}
                            onChange={(e) => change(slot.key, { presenterEmail: e.target.value })}
                          />
                        )}
                      </Field>
                    </>
                  )}
                  <Field label={<>{prefix}Minutes</>} error={error('minutes')}>
                    {(p) => (
                      <input
                        {...p}
                        className="minutes"
                        type="number"
                        min={1}
                        inputMode="numeric"
                        value={slot.minutes}
                        onChange={(e) => change(slot.key, { minutes: e.target.value })}
                      />
                    )}
                  </Field>
                </div>
                <div className="slot-actions">
                  <button
                    type="button"
                    id={controlId(slot, 'up')}
                    className="button button-small"
                    aria-label={`Move ${label} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑ </span>Up
                  </button>
                  <button
                    type="button"
                    id={controlId(slot, 'down')}
                    className="button button-small"
                    aria-label={`Move ${label} down`}
                    disabled={index === slots.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓ </span>Down
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    aria-label={`Remove ${label}`}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </div>
                {renderSlotExtra?.(slot, label)}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <datalist id={`${id}-presenters`}>
        {presenterEmails.map((email) => (
          <option key={email} value={email} />
        ))}
      </datalist>
      <div className="agenda-footer">
        <button type="button" id={`${id}-add`} className="button" onClick={add}>
          Add slot
        </button>
        <p role="status" className={over > 0 ? 'total total-over' : 'total'}>
          Total {total} of {durationMinutes} minutes
          {over > 0 && <strong> — {over} minutes over the session length</strong>}
        </p>
      </div>
    </div>
  );
}
