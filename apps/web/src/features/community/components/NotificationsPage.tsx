import type { NotificationDto } from '@echo-hub/protocol';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { markNotificationsRead, notificationsPage } from '../api/community';
import { community } from '../lib/connection';
import { notificationsChanged } from '../lib/events';
import { ago } from '../lib/format';
import { LoadMore } from '../../../components/LoadMore';
import '../community.css';

const WHAT: Record<Exclude<NotificationDto['kind'], 'recommendations' | 'case_returned'>, string> = {
  mention: 'mentioned you in',
  reply: 'replied to you in',
  join_request: 'asks to join',
  join_decided: 'decided on your request to join',
};

const textOf = (n: NotificationDto) =>
  n.kind === 'recommendations'
    ? `Recommendations for your case “${n.title}” are ready`
    : n.kind === 'case_returned'
      ? `Your case “${n.title}” was not finished. ${n.excerpt}`
      : `${n.actor?.displayName ?? 'Someone'} ${WHAT[n.kind]} “${n.title}”`;

const linkOf = (n: NotificationDto) =>
  n.caseId
    ? `/cases/${n.caseId}`
    : n.threadId
      ? `/threads/${n.threadId}${n.postId ? `#post-${n.postId}` : ''}`
      : `/groups/${n.groupId ?? ''}`;

/**
 * The notifications centre: mentions, replies to your posts, requests to join the groups you moderate,
 * recommendations sent for your cases.
 */
export function NotificationsPage() {
  const notifications = useResource('notifications', () => notificationsPage());
  const { reload, update } = notifications;
  useEffect(
    () => community.on('notification', (n) => update((r) => ({ ...r, items: [n, ...r.items], unread: r.unread + 1 }))),
    [update],
  );

  const markAll = async () => {
    const r = await markNotificationsRead();
    // Everything loaded is read now (the answer's items are only the first page).
    const readAt = new Date().toISOString();
    update((shown) => ({
      ...shown,
      unread: r.unread,
      items: shown.items.map((n) => ({ ...n, readAt: n.readAt ?? readAt })),
    }));
    notificationsChanged();
  };
  const more = async () => {
    if (notifications.status !== 'ready' || !notifications.data.next) return;
    const page = await notificationsPage(notifications.data.next);
    update((shown) => ({ ...shown, items: [...shown.items, ...page.items], next: page.next }));
  };
  const open = (n: NotificationDto) => {
    if (n.readAt) return;
    void markNotificationsRead([n.id]).then(() => {
      notificationsChanged();
      reload();
    });
  };

  return (
    <article className="notifications-page">
      <title>Notifications · ECHO Hub</title>
      <div className="page-header">
        <h1>Notifications</h1>
        {notifications.status === 'ready' && notifications.data.unread > 0 && (
          <button type="button" className="button" onClick={() => void markAll()}>
            Mark all as read
          </button>
        )}
      </div>
      {notifications.status === 'loading' && <Loading>Loading notifications…</Loading>}
      {notifications.status === 'error' && <ErrorAlert error={notifications.error} />}
      {notifications.status === 'ready' && notifications.data.items.length === 0 && (
        <p>
          Nothing yet. When someone mentions you, replies to you or sends recommendations for your case, it shows here.
        </p>
      )}
      {notifications.status === 'ready' && notifications.data.items.length > 0 && (
        <ul className="notification-list" aria-label="Notifications">
          {notifications.data.items.map((n) => (
            <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
              <Link to={linkOf(n)} onClick={() => open(n)}>
                {textOf(n)}
              </Link>
              {!n.readAt && <span className="sr-only"> (unread)</span>}
              {n.excerpt && <p className="excerpt">{n.excerpt}</p>}
              <p className="hint">{ago(n.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
      {notifications.status === 'ready' && notifications.data.next && <LoadMore what="notifications" onMore={more} />}
    </article>
  );
}
