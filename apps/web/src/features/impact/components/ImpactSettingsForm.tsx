import type { ProgramDto } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { updateImpactSettings } from '../api/impact';

interface ImpactSettingsFormProps {
  program: ProgramDto;
  onSaved: (program: ProgramDto) => void;
}

/** What counts as a learning experience, and the target the forecast aims at (facilitators and coordinators). */
export function ImpactSettingsForm({ program, onSaved }: ImpactSettingsFormProps) {
  const action = useAction();
  const [saved, setSaved] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    setSaved('');
    void action.run(async () => {
      const target = field('learningTarget').trim();
      const saved = await updateImpactSettings(program.id, {
        minAttendanceShare: Number(field('minAttendancePercent')) / 100,
        ...(target ? { learningTarget: Number(target) } : {}),
        learningTargetDate: field('learningTargetDate') || null,
        certificateShare: Number(field('certificatePercent')) / 100,
        certificateMinSessions: Number(field('certificateMinSessions')),
      });
      setSaved('Settings saved; the figures above use them.');
      onSaved(saved);
    });
  };
  return (
    <section aria-labelledby="impact-settings-title" className="panel">
      <h2 id="impact-settings-title">What counts</h2>
      <form className="form impact-settings" onSubmit={onSubmit} noValidate>
        <FormError
          error={action.error}
          fields={[
            'minAttendanceShare',
            'learningTarget',
            'learningTargetDate',
            'certificateShare',
            'certificateMinSessions',
          ]}
        />
        <Field
          label="Minimum attendance for a learning experience (% of the scheduled duration)"
          hint="0 counts anyone who joined at all."
          error={action.fieldError('minAttendanceShare')}
        >
          {(p) => (
            <input
              {...p}
              name="minAttendancePercent"
              type="number"
              min={0}
              max={100}
              step={1}
              required
              defaultValue={Math.round(program.minAttendanceShare * 100)}
            />
          )}
        </Field>
        <Field label="Learning target (learning experiences)" error={action.fieldError('learningTarget')}>
          {(p) => (
            <input
              {...p}
              name="learningTarget"
              type="number"
              min={0}
              step={1}
              defaultValue={program.learningTarget ?? ''}
            />
          )}
        </Field>
        <Field
          label="Target date"
          hint="The forecast looks ahead to this date; without one, to the last scheduled session."
          error={action.fieldError('learningTargetDate')}
        >
          {(p) => (
            <input {...p} name="learningTargetDate" type="date" defaultValue={program.learningTargetDate ?? ''} />
          )}
        </Field>
        <Field
          label="Certificate: attendance for a session to count (% of the scheduled duration)"
          error={action.fieldError('certificateShare')}
        >
          {(p) => (
            <input
              {...p}
              name="certificatePercent"
              type="number"
              min={0}
              max={100}
              step={1}
              required
              defaultValue={Math.round(program.certificateShare * 100)}
            />
          )}
        </Field>
        <Field
          label="Certificate: sessions needed in the month or year"
          error={action.fieldError('certificateMinSessions')}
        >
          {(p) => (
            <input
              {...p}
              name="certificateMinSessions"
              type="number"
              min={1}
              max={100}
              step={1}
              required
              defaultValue={program.certificateMinSessions}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={action.pending}>
            Save settings
          </button>
        </div>
        <p role="status" className="hint">
          {saved}
        </p>
      </form>
    </section>
  );
}
