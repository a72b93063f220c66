import { type ImpactFilters, PARTICIPATION_TYPES, PROGRAM_ROLES, type SiteDto } from '@echo-hub/protocol';
import { Field } from '../../../components/Field';
import { PARTICIPATION_LABELS, ROLE_LABELS } from '../../programs';

interface ImpactFiltersFormProps {
  filters: ImpactFilters;
  sites: SiteDto[];
  onChange: (filters: ImpactFilters) => void;
}

/** Period, site, role and participation type: each change reloads the report. */
export function ImpactFiltersForm({ filters, sites, onChange }: ImpactFiltersFormProps) {
  const set = (key: keyof ImpactFilters) => (value: string) =>
    onChange({ ...filters, [key]: value || undefined } as ImpactFilters);
  const any = Object.values(filters).some(Boolean);
  return (
    <form className="impact-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <Field label="From">
        {(p) => <input {...p} type="date" value={filters.from ?? ''} onChange={(e) => set('from')(e.target.value)} />}
      </Field>
      <Field label="To">
        {(p) => <input {...p} type="date" value={filters.to ?? ''} onChange={(e) => set('to')(e.target.value)} />}
      </Field>
      <Field label="Site">
        {(p) => (
          <select {...p} value={filters.siteId ?? ''} onChange={(e) => set('siteId')(e.target.value)}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.organisation}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Role">
        {(p) => (
          <select {...p} value={filters.role ?? ''} onChange={(e) => set('role')(e.target.value)}>
            <option value="">All roles</option>
            {PROGRAM_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Participation">
        {(p) => (
          <select
            {...p}
            value={filters.participationType ?? ''}
            onChange={(e) => set('participationType')(e.target.value)}
          >
            <option value="">Everyone</option>
            {PARTICIPATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {PARTICIPATION_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {any && (
        <button type="button" className="button button-small" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}
