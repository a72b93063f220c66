import { Link, Navigate } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { listPrograms } from '../../programs';

/** "Community" in the top bar: straight to the program's community, or a choice when there are several. */
export function CommunityHome() {
  const programs = useResource('programs', listPrograms);
  if (programs.status === 'loading') return <Loading>Loading…</Loading>;
  if (programs.status === 'error') return <ErrorAlert error={programs.error} />;
  if (programs.data.length === 1) return <Navigate replace to={`/programs/${programs.data[0].id}/community`} />;
  return (
    <article>
      <title>Community · ECHO Hub</title>
      <h1>Community</h1>
      {programs.data.length === 0 && <p>You are not in a program yet.</p>}
      <ul className="plain-list">
        {programs.data.map((p) => (
          <li key={p.id}>
            <Link to={`/programs/${p.id}/community`}>{p.name}</Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
