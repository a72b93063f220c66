import type { ProgramDto } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { NumberField, SettingsForm } from '../../../components/SettingsForm';
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
    <SettingsForm
      title="What counts"
      className="impact-settings"
      error={action.error}
      fields={[
        'minAttendanceShare',
        'learningTarget',
        'learningTargetDate',
        'certificateShare',
        'certificateMinSessions',
      ]}
      pending={action.pending}
      submitLabel="Save settings"
      saved={saved}
      onSubmit={onSubmit}
    >
      <NumberField
        label="Minimum attendance for a learning experience (% of the scheduled duration)"
        hint="0 counts anyone who joined at all."
        error={action.fieldError('minAttendanceShare')}
        name="minAttendancePercent"
        min={0}
        max={100}
        required
        defaultValue={Math.round(program.minAttendanceShare * 100)}
      />
      <NumberField
        label="Learning target (learning experiences)"
        error={action.fieldError('learningTarget')}
        name="learningTarget"
        min={0}
        defaultValue={program.learningTarget ?? ''}
      />
      <Field
        label="Target date"
        hint="The forecast looks ahead to this date; without one, to the last scheduled session."
        error={action.fieldError('learningTargetDate')}
      >
        {(p) => <input {...p} name="learningTargetDate" type="date" defaultValue={program.learningTargetDate ?? ''} />}
      </Field>
      <NumberField
        label="Certificate: attendance for a session to count (% of the scheduled duration)"
        error={action.fieldError('certificateShare')}
        name="certificatePercent"
        min={0}
        max={100}
        required
        defaultValue={Math.round(program.certificateShare * 100)}
      />
      <NumberField
        label="Certificate: sessions needed in the month or year"
        error={action.fieldError('certificateMinSessions')}
        name="certificateMinSessions"
        min={1}
        max={100}
        required
        defaultValue={program.certificateMinSessions}
      />
    </SettingsForm>
  );
}
