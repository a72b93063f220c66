import type { AgendaTimer } from '@echo-hub/protocol';
import { useNow } from '../hooks/useNow';
import { clock } from '../lib/format';

const WARN_SECONDS = 120;

/**
 * Counts down the running agenda slot: amber in its last two minutes, red once over.
 * Screen readers hear only the changes (slot started, two minutes left, time is up),
 * not every second.
 */
export function SlotTimer({ timer, label }: { timer: AgendaTimer; label: string }) {
  const now = useNow(1000);
  if (!timer.startedAt || timer.seconds <= 0) return null;
  const remaining = timer.seconds - Math.floor((now - Date.parse(timer.startedAt)) / 1000);
  const stage = remaining < 0 ? 'over' : remaining <= WARN_SECONDS ? 'warning' : 'ok';
  const text = remaining < 0 ? `${clock(remaining)} over` : `${clock(remaining)} left`;
  const announcement = {
    ok: `${label} started: ${Math.round(timer.seconds / 60)} minutes.`,
    warning: `Less than 2 minutes left for ${label}.`,
    over: `Time is up for ${label}.`,
  }[stage];
  return (
    <div className={`live-timer live-timer-${stage}`}>
      <span role="timer" aria-label={`${label}: ${text}`}>
        {text}
      </span>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
