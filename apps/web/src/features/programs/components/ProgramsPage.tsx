import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { useResource } from '../../../lib/useResource';
import { listPrograms } from '../api/programs';
import { NewProgramForm } from './NewProgramForm';
import { RoleBadge } from './RoleBadge';
import { SetupChecklist } from './SetupChecklist';

export function ProgramsPage() {
  const { user } = useAuth();
  const programs = useResource('programs', listPrograms);
  const [creating, setCreating] = useState(false);

  return (
    <section>
      <title>Programs · ECHO Hub</title>
      <div className="page-header">
        <h1>Programs</h1>
        {user?.isAdmin && (
          <button
            type="button"
            className="button button-primary"
            aria-expanded={creating}
            aria-controls="new-program"
            onClick={() => setCreating((c) => !c)}
          >
            New program
          </button>
        )}
      </div>
      {user?.isAdmin && programs.status === 'ready' && <SetupChecklist programs={programs.data} />}
      {creating && <NewProgramForm id="new-program" onCancel={() => setCreating(false)} />}
      {programs.status === 'loading' && <Loading>Loading programs…</Loading>}
      {programs.status === 'error' && <ErrorAlert error={programs.error} />}
      {programs.status === 'ready' && programs.data.length === 0 && (
        <p className="notice">
          {user?.isAdmin
            ? 'There are no programs yet. Create the first one with "New program".'
            : 'You are not in any program yet. Ask a facilitator or coordinator for an invitation link.'}
        </p>
      )}
      {programs.status === 'ready' && programs.data.length > 0 && (
        <ul className="cards">
          {programs.data.map((program) => (
            <li key={program.id} className="card program-card">
              <h2>
                <Link to={`/programs/${program.id}`}>{program.name}</Link>
              </h2>
              {program.topic && <p>{program.topic}</p>}
              <p>
                <RoleBadge role={program.myRole} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
