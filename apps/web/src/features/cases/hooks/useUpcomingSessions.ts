import type { SessionDto } from '@echo-hub/protocol';
import { useResource } from '../../../lib/useResource';
import { listSessions } from '../../sessions';

const DAY = 86_400_000;

/** The program's sessions that have not ended or been cancelled (null programId: not needed, nothing loads). */
export function useUpcomingSessions(programId: string | null) {
  return useResource<SessionDto[]>(programId && `upcoming-for-cases:${programId}`, async () => {
    const now = Date.now();
    const sessions = await listSessions(programId ?? '', new Date(now - DAY), new Date(now + 400 * DAY));
    return sessions.filter(
      (s) => Date.parse(s.endsAt) > Date.now() && (s.status === 'scheduled' || s.status === 'live'),
    );
  });
}

/** "Tue 3 Mar 2026, 12:30" for a select option. */
export const sessionOptionLabel = (s: SessionDto) =>
  `${s.title} · ${new Date(s.startsAt).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })}`;
