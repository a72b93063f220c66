import type { CaseStatus } from '@echo-hub/protocol';

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  scheduled: 'Scheduled',
  presenting: 'Presenting now',
  discussed: 'Discussed',
  recommendations_sent: 'Recommendations sent',
  follow_up: 'Followed up',
  withdrawn: 'Withdrawn',
};

/** Cases still waiting in a queue (they can be reordered, moved, marked urgent, edited). */
export const isWaiting = (status: CaseStatus) => status === 'submitted' || status === 'scheduled';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge case-status case-status-${status}`}>{CASE_STATUS_LABELS[status]}</span>;
}

export function UrgentBadge() {
  return <span className="badge case-urgent">Urgent</span>;
}
