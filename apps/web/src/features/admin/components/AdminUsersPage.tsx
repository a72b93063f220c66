import type { AdminUserDto, ResetLinkResponse } from '@echo-hub/protocol';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { CopyField } from '../../../components/CopyField';
import { Field } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { FormError, Loading, LoadFailure } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { disableUser, downloadExport, enableUser, eraseUser, resetLink, searchUsers, setAdmin } from '../api/admin';
import { AdminNav } from './AdminNav';

const status = (u: AdminUserDto) => (u.erasedAt ? 'Erased' : u.disabledAt ? 'Disabled' : 'Active');

/** Accounts of the hub (admins only): search, disable or enable, admin role, reset link, data export and erasure. */
export function AdminUsersPage() {
  const { user: me } = useAuth();
  const searchId = useId();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const users = useResource(`users:${query}`, () => searchUsers(query));
  const moreUsers = async () => {
    if (users.status !== 'ready' || !users.data.next) return;
    const page = await searchUsers(query, users.data.next);
    users.update((data) => ({ items: [...data.items, ...page.items], next: page.next }));
  };
  const action = useAction();
  const [message, setMessage] = useState('');
  const [link, setLink] = useState<(ResetLinkResponse & { name: string }) | null>(null);
  const [erasing, setErasing] = useState<AdminUserDto | null>(null);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setQuery(q.trim());
  };
  const act = (done: string, run: () => Promise<AdminUserDto>) =>
    action.run(async () => {
      setMessage('');
      const changed = await run();
      users.update((page) => ({ ...page, items: page.items.map((u) => (u.id === changed.id ? changed : u)) }));
      setMessage(done);
    });
  const issueLink = (u: AdminUserDto) =>
    action.run(async () => {
      setLink({ ...(await resetLink(u.id)), name: u.displayName });
    });
  const exportData = (u: AdminUserDto) =>
    action.run(async () => {
      await downloadExport(u.id);
      setMessage(`Downloaded the data of ${u.displayName}.`);
    });

  return (
    <section>
      <title>Users · Admin · ECHO Hub</title>
      <h1>Admin</h1>
      <AdminNav />
      <h2>Users</h2>
      <form role="search" className="search-box" onSubmit={onSearch}>
        <label htmlFor={searchId}>Search by name or email</label>
        <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <FormError error={action.error} />
      <p role="status" className="hint">
        {message}
      </p>
      {users.status === 'loading' && <Loading>Loading the users…</Loading>}
      {users.status === 'error' && <LoadFailure error={users.error} what="the users" />}
      {users.status === 'ready' && users.data.items.length === 0 && <p>No account matches “{query}”.</p>}
      {users.status === 'ready' && users.data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Users" tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Programs</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => {
                const self = u.id === me?.id;
                const busy = action.pending || !!u.erasedAt;
                return (
                  <tr key={u.id}>
                    <th scope="row">
                      {u.displayName} {u.isAdmin && <span className="badge badge-admin">Admin</span>}
                    </th>
                    <td>{u.erasedAt ? '—' : u.email}</td>
                    <td>{u.memberships.map((m) => `${m.programName} (${m.role})`).join(', ') || '—'}</td>
                    <td>{u.lastSignInAt ? formatDate(u.lastSignInAt) : 'Never'}</td>
                    <td>{status(u)}</td>
                    <td className="row-actions">
                      {!self && !u.erasedAt && (
                        <>
                          {u.disabledAt ? (
                            <button
                              type="button"
                              className="button button-small"
                              aria-label={`Enable ${u.displayName}`}
                              disabled={busy}
                              onClick={() => void act(`${u.displayName} can sign in again.`, () => enableUser(u.id))}
                            >
                              Enable
                            </button>
                          ) : (
                            <button
                              type="button"
                              className="button button-small button-danger"
                              aria-label={`Disable ${u.displayName}`}
                              disabled={busy}
                              onClick={() =>
                                void act(`${u.displayName} is disabled and signed out everywhere.`, () =>
                                  disableUser(u.id),
                                )
                              }
                            >
                              Disable
                            </button>
                          )}
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={
                              u.isAdmin ? `Remove ${u.displayName} as admin` : `Make ${u.displayName} an admin`
                            }
                            disabled={busy}
                            onClick={() =>
                              void act(
                                u.isAdmin ? `${u.displayName} is no longer an admin.` : `${u.displayName} is an admin.`,
                                () => setAdmin(u.id, !u.isAdmin),
                              )
                            }
                          >
                            {u.isAdmin ? 'Remove admin' : 'Make admin'}
                          </button>
                        </>
                      )}
                      {!u.erasedAt && (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`Reset password of ${u.displayName}`}
                          disabled={busy}
                          onClick={() => void issueLink(u)}
                        >
                          Reset password
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Export the data of ${u.displayName}`}
                        disabled={action.pending}
                        onClick={() => void exportData(u)}
                      >
                        Export data
                      </button>
                      {!self && !u.erasedAt && (
                        <button
                          type="button"
                          className="button button-small button-danger"
                          aria-label={`Erase the data of ${u.displayName}`}
                          disabled={busy}
                          onClick={() => setErasing(u)}
                        >
                          Erase…
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {users.status === 'ready' && users.data.next && <LoadMore what="accounts" onMore={moreUsers} />}
      {link && (
        <div className="notice">
          <CopyField label={`Password reset link for ${link.name}`} value={link.resetUrl} />
          <p className="hint">
            Give it to {link.name} privately. It works until {formatDate(link.expiresAt)}.
          </p>
        </div>
      )}
      {erasing && (
        <EraseForm
          user={erasing}
          onCancel={() => setErasing(null)}
          onErased={(erased) => {
            setErasing(null);
            users.update((page) => ({ ...page, items: page.items.map((u) => (u.id === erased.id ? erased : u)) }));
            setMessage(`The data of ${erasing.displayName} was erased.`);
          }}
        />
      )}
    </section>
  );
}

/** Erasure asks for the account's email again: it cannot be undone. */
function EraseForm({
  user,
  onCancel,
  onErased,
}: {
  user: AdminUserDto;
  onCancel: () => void;
  onErased: (erased: AdminUserDto) => void;
}) {
  const action = useAction();
  const input = useRef<HTMLInputElement>(null);
  // Keyboard and screen-reader users land in the form that opened below the table.
  useEffect(() => input.current?.focus(), [user.id]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const confirmEmail = new FormData(e.currentTarget).get('confirmEmail');
    void action.run(async () => {
      const report = await eraseUser(user.id, String(confirmEmail ?? ''));
      onErased({ ...user, displayName: 'Erased user', email: '', erasedAt: report.erasedAt, memberships: [] });
    });
  };
  return (
    <form className="form card" aria-labelledby="erase-title" onSubmit={onSubmit} noValidate>
      <h2 id="erase-title">Erase the data of {user.displayName}</h2>
      <p>
        Their account, sign-ins, memberships, posts, chat messages and uploaded files go; attendance stays for the
        figures, without their name. This cannot be undone: export their data first if they asked for a copy.
      </p>
      <FormError error={action.error} fields={['confirmEmail']} />
      <Field label={`Type ${user.email} to confirm`} error={action.fieldError('confirmEmail')}>
        {(p) => <input {...p} ref={input} name="confirmEmail" type="email" autoComplete="off" required />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={action.pending}>
          Erase data
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
