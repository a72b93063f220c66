import type { SessionStatus } from '@echo-hub/protocol';

const LABELS: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  live: 'Live now',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

export function StatusBadge({ status }: { status: SessionStatus }) {
  return <span className={`badge status-${status}`}>{LABELS[status]}</span>;
}
