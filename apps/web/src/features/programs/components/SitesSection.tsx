import type { SiteDto } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { formReader, optional } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { addSite } from '../api/programs';

interface SitesSectionProps {
  programId: string;
  sites: SiteDto[];
  manager: boolean;
  onAdded: (site: SiteDto) => void;
}

/** The spoke sites (organisations) taking part, and for managers a form to add one. */
export function SitesSection({ programId, sites, manager, onAdded }: SitesSectionProps) {
  const action = useAction();
  const [added, setAdded] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    setAdded('');
    void action.run(async () => {
      const site = await addSite(programId, {
        organisation: field('organisation').trim(),
        locality: optional(field('locality')),
        country: optional(field('country')),
      });
      onAdded(site);
      form.reset();
      setAdded(`Added ${site.organisation}.`);
    });
  };

  return (
    <section aria-labelledby="sites-title" className="panel">
      <h2 id="sites-title">Sites</h2>
      {sites.length === 0 ? (
        <p>No sites yet.</p>
      ) : (
        <ul className="site-list">
          {sites.map((site) => (
            <li key={site.id}>
              <strong>{site.organisation}</strong>
              {[site.locality, site.country].filter(Boolean).length > 0 && (
                <span className="muted-inline"> · {[site.locality, site.country].filter(Boolean).join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {manager && (
        <form className="form inline-form" onSubmit={onSubmit} aria-labelledby="add-site-title" noValidate>
          <h3 id="add-site-title">Add a site</h3>
          <FormError error={action.error} fields={['organisation', 'locality', 'country']} />
          <Field label="Organisation" error={action.fieldError('organisation')}>
            {(p) => <input {...p} name="organisation" required />}
          </Field>
          <Field label="Locality" error={action.fieldError('locality')}>
            {(p) => <input {...p} name="locality" />}
          </Field>
          <Field label="Country" error={action.fieldError('country')}>
            {(p) => <input {...p} name="country" autoComplete="country-name" />}
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={action.pending}>
              Add site
            </button>
          </div>
          <p role="status" className="hint">
            {added}
          </p>
        </form>
      )}
    </section>
  );
}
