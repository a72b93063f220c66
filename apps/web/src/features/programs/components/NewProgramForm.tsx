import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { TimeZoneSelect } from '../../../components/TimeZoneSelect';
import { useAuth } from '../../../lib/auth';
import { formReader, optional } from '../../../lib/forms';
import { browserTimeZone } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { createProgram } from '../api/programs';

const FIELDS = ['name', 'description', 'topic', 'targetAudience', 'learningTarget', 'timeZone'];

export function NewProgramForm({ id, onCancel }: { id: string; onCancel: () => void }) {
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const action = useAction();

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    const learningTarget = optional(field('learningTarget'));
    void action.run(async () => {
      const program = await createProgram({
        name: field('name').trim(),
        description: optional(field('description')),
        topic: optional(field('topic')),
        targetAudience: optional(field('targetAudience')),
        learningTarget: learningTarget === undefined ? undefined : Number(learningTarget),
        timeZone: field('timeZone'),
      });
      await refresh();
      navigate(`/programs/${program.id}`);
    });
  };

  return (
    <form id={id} className="form card" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>New program</h2>
      <FormError error={action.error} fields={FIELDS} />
      <Field label="Name" error={action.fieldError('name')}>
        {(p) => <input {...p} name="name" required />}
      </Field>
      <Field label="Description" error={action.fieldError('description')}>
        {(p) => <textarea {...p} name="description" rows={3} />}
      </Field>
      <Field label="Topic" hint="For example: perinatal mental health" error={action.fieldError('topic')}>
        {(p) => <input {...p} name="topic" />}
      </Field>
      <Field
        label="Target audience"
        hint="Who the program is for, e.g. community nurses and GPs in the region"
        error={action.fieldError('targetAudience')}
      >
        {(p) => <input {...p} name="targetAudience" />}
      </Field>
      <Field
        label="Learning target"
        hint="Learning experiences to reach: participants × sessions attended"
        error={action.fieldError('learningTarget')}
      >
        {(p) => <input {...p} name="learningTarget" type="number" min={0} inputMode="numeric" />}
      </Field>
      <Field label="Time zone" hint="Sessions keep their clock time in this zone" error={action.fieldError('timeZone')}>
        {(p) => <TimeZoneSelect {...p} name="timeZone" defaultValue={browserTimeZone()} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Create program
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
