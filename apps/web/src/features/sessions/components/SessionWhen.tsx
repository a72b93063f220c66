import type { SessionDto } from '@echo-hub/protocol';
import { formatRange } from '../../../lib/time';

/** When a session runs in the viewer's time, and in the session's own zone when that reads differently. */
export function SessionWhen({ session }: { session: Pick<SessionDto, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const local = formatRange(session.startsAt, session.endsAt);
  const zoned = formatRange(session.startsAt, session.endsAt, session.timeZone);
  const zone = session.timeZone.replaceAll('_', ' ');
  return (
    <p className="when">
      <time dateTime={session.startsAt}>{local}</time>
      {zoned === local ? (
        <span className="zone"> · {zone}</span>
      ) : (
        <span className="zone">
          {' '}
          your time · {zoned} in {zone}
        </span>
      )}
    </p>
  );
}
