import type { ProgramDto } from '@echo-hub/protocol';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useResource } from '../../../lib/useResource';
import { listSessions } from '../../sessions';
import { getProgramOverview, memberPage } from '../api/programs';

const HIDDEN_KEY = 'echo-hub:setup-checklist-hidden';
const YEAR = 365 * 86_400_000;

interface Step {
  label: string;
  done: boolean;
  to: string;
}

/**
 * A new hub's administrator is guided through the first program, site, member and session. The checklist
 * disappears once everything is done (or when hidden).
 */
export function SetupChecklist({ programs }: { programs: ProgramDto[] }) {
  const [hidden, setHidden] = useState(() => localStorage.getItem(HIDDEN_KEY) === '1');
  const first = programs[0];
  const progress = useResource(`setup-checklist:${first?.id ?? 'none'}`, async () => {
    if (!first) return { sites: 0, members: 0, sessions: 0 };
    const [overview, members, sessions] = await Promise.all([
      getProgramOverview(first.id),
      memberPage(first.id, null, 1),
      listSessions(first.id, new Date(Date.now() - YEAR), new Date(Date.now() + YEAR)),
    ]);
    return { sites: overview.sites.length, members: members.items.length, sessions: sessions.length };
  });
  if (hidden || progress.status !== 'ready') return null;
  const at = first ? `/programs/${first.id}` : '/programs';
  const steps: Step[] = [
    { label: 'Create your first program', done: Boolean(first), to: '/programs' },
    { label: 'Add a spoke site (a clinic or team that joins)', done: progress.data.sites > 0, to: at },
    { label: 'Add a member or share an invitation link', done: progress.data.members > 0, to: at },
    {
      label: 'Schedule the first session',
      done: progress.data.sessions > 0,
      to: first ? `/programs/${first.id}/sessions/new` : '/programs',
    },
  ];
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) return null;
  return (
    <section className="card setup-checklist" aria-labelledby="setup-title">
      <h2 id="setup-title">Getting started</h2>
      <p>
        <progress max={steps.length} value={done} aria-label="Setup progress" /> {done} of {steps.length} done
      </p>
      <ol>
        {steps.map((step) => (
          <li key={step.label} className={step.done ? 'done' : undefined}>
            {step.done ? (
              <>
                <span aria-hidden="true">✓ </span>
                {step.label}
                <span className="sr-only"> (done)</span>
              </>
            ) : (
              <Link to={step.to}>{step.label}</Link>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          localStorage.setItem(HIDDEN_KEY, '1');
          setHidden(true);
        }}
      >
        Hide this checklist
      </button>
    </section>
  );
}
