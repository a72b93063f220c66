import type { AssessmentTemplateDto, AssessmentTemplateRequest } from '@echo-hub/protocol';
import type { FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { ErrorAlert, FormError } from '../../../components/Status';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { createTemplate, listTemplates, updateTemplate } from '../api/assessment';

/** One dimension a line, "Name: what it means". */
const asLines = (t: AssessmentTemplateDto) =>
  t.dimensions.map((d) => (d.description ? `${d.name}: ${d.description}` : d.name)).join('\n');

const parse = (name: string, lines: string): AssessmentTemplateRequest => ({
  name,
  dimensions: lines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [dimension, ...rest] = l.split(':');
      return { name: dimension.trim(), description: rest.join(':').trim() };
    }),
});

/** The program's templates (facilitators and coordinators): copy the built-in one and change its dimensions. */
export function TemplatesSection({ programId, onSaved }: { programId: string; onSaved: () => void }) {
  const templates = useResource(`template-list:${programId}`, () => listTemplates(programId));
  return (
    <details className="panel templates">
      <summary>Templates</summary>
      {templates.status === 'error' && <ErrorAlert error={templates.error} />}
      {templates.status === 'ready' &&
        templates.data.map((t) => (
          <TemplateForm
            key={t.id}
            programId={programId}
            template={t}
            onSaved={() => {
              templates.reload();
              onSaved();
            }}
          />
        ))}
    </details>
  );
}

function TemplateForm({
  programId,
  template,
  onSaved,
}: {
  programId: string;
  template: AssessmentTemplateDto;
  onSaved: () => void;
}) {
  const action = useAction();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    const body = parse(field('name'), field('dimensions'));
    void action.run(async () => {
      await (template.builtIn ? createTemplate(programId, body) : updateTemplate(programId, template.id, body));
      onSaved();
    });
  };
  const label = template.builtIn ? `Copy of ${template.name}` : template.name;
  return (
    <form className="form" onSubmit={onSubmit} aria-label={template.builtIn ? 'New template' : `Edit ${template.name}`}>
      <h3>{template.builtIn ? `${template.name} (built in: save a copy to change it)` : template.name}</h3>
      <FormError error={action.error} fields={['name', 'dimensions']} />
      <Field label="Name" error={action.fieldError('name')}>
        {(p) => <input {...p} name="name" required maxLength={200} defaultValue={label} />}
      </Field>
      <Field
        label="Dimensions"
        hint="One a line: name, then a colon and what it means. Rounds already opened keep their dimensions."
        error={action.fieldError('dimensions')}
      >
        {(p) => <textarea {...p} name="dimensions" rows={8} required defaultValue={asLines(template)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={action.pending}>
          {template.builtIn ? 'Save as a new template' : 'Save template'}
        </button>
      </div>
    </form>
  );
}
