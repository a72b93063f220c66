import { CopyField } from '../../../components/CopyField';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { getCalendarLinks } from '../api/programs';

/** Feed URLs to subscribe to in a calendar app. */
export function CalendarLinksSection({ programId }: { programId: string }) {
  const links = useResource(`calendar-links:${programId}`, () => getCalendarLinks(programId));
  return (
    <section aria-labelledby="calendar-links-title" className="panel">
      <h2 id="calendar-links-title">Calendar subscription</h2>
      <p>Add to Outlook or Google Calendar by URL. The calendar updates itself when sessions change.</p>
      {links.status === 'loading' && <Loading>Loading calendar links…</Loading>}
      {links.status === 'error' && <ErrorAlert error={links.error} />}
      {links.status === 'ready' && (
        <>
          <CopyField label="Program calendar feed" value={links.data.programFeedUrl} />
          <CopyField label="My personal calendar feed" value={links.data.personalFeedUrl} />
          <p className="hint">These links are personal: anyone who has them can see the session times.</p>
        </>
      )}
    </section>
  );
}
