import type { SessionDto } from '@echo-hub/protocol';
import { useAction } from '../../../lib/useAction';
import { updateSession } from '../api/sessions';

/** A host marks a session as practice (or not) at any time: practice counts nowhere, before or after the fact. */
export function PracticeToggle({ session, onChange }: { session: SessionDto; onChange: (next: SessionDto) => void }) {
  const action = useAction();
  return (
    <p>
      <button
        type="button"
        className="button"
        disabled={action.pending}
        onClick={() =>
          void action.run(async () => onChange(await updateSession(session.id, { practice: !session.practice })))
        }
      >
        {session.practice ? 'Count this session (not practice)' : 'Mark as practice run'}
      </button>
      {action.error && (
        <span role="alert" className="alert">
          {' '}
          {action.error.message}
        </span>
      )}
    </p>
  );
}
