import { LoadMore } from '../../../components/LoadMore';
import { Loading, LoadFailure } from '../../../components/Status';
import { formatDate } from '../../../lib/time';
import { useResource } from '../../../lib/useResource';
import { auditLog } from '../api/admin';
import { ACTION_LABELS } from '../labels';
import { AdminNav } from './AdminNav';

/** What admins did to accounts, newest first. */
export function AdminAuditPage() {
  const log = useResource('audit', () => auditLog());
  const more = async () => {
    if (log.status !== 'ready' || !log.data.next) return;
    const page = await auditLog(log.data.next);
    log.update((data) => ({ items: [...data.items, ...page.items], next: page.next }));
  };
  return (
    <section>
      <title>Audit log · Admin · ECHO Hub</title>
      <h1>Admin</h1>
      <AdminNav />
      <h2>Audit log</h2>
      {log.status === 'loading' && <Loading>Loading the audit log…</Loading>}
      {log.status === 'error' && <LoadFailure error={log.error} what="the audit log" />}
      {log.status === 'ready' && log.data.items.length === 0 && <p>No admin has acted on an account yet.</p>}
      {log.status === 'ready' && log.data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Audit log" tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Admin</th>
                <th scope="col">Action</th>
                <th scope="col">Account</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.createdAt)}</td>
                  <td>{e.actor?.displayName ?? '—'}</td>
                  <th scope="row">{ACTION_LABELS[e.action] ?? e.action}</th>
                  <td>{e.target?.displayName ?? '—'}</td>
                  <td>{e.detail || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.status === 'ready' && log.data.next && <LoadMore what="entries" onMore={more} />}
    </section>
  );
}
