import { useEffect, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { listNotifications } from '../api/community';
import { community } from '../lib/connection';
import { onNotificationsChanged } from '../lib/events';
import '../community.css';

/** "Notifications" in the top bar, with the number unread; mentions and replies arrive live. */
export function NotificationsLink() {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      listNotifications().then(
        (r) => live && setUnread(r.unread),
        () => undefined,
      );
    void refresh();
    const stop = [
      community.on('notification', () => setUnread((n) => n + 1)),
      community.onReconnect(() => void refresh()),
      onNotificationsChanged(() => void refresh()),
    ];
    return () => {
      live = false;
      stop.forEach((off) => off());
      community.close();
    };
  }, []);
  return (
    <NavLink to="/notifications" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
      Notifications
      {unread > 0 && (
        <span className="count-badge nav-badge" aria-hidden="true">
          {unread}
        </span>
      )}
    </NavLink>
  );
}
