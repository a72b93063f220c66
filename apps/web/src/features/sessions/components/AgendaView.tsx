import type { AgendaItemDto } from '@echo-hub/protocol';
import { SlidesLink } from '../../../components/SlidesLink';

/** The agenda as read by everyone who does not edit it. */
export function AgendaView({ agenda }: { agenda: AgendaItemDto[] }) {
  if (agenda.length === 0) return <p>No agenda yet.</p>;
  return (
    <ol className="agenda-view">
      {agenda.map((item) => (
        <li key={item.id} className="card">
          <span className="badge">{item.kind === 'didactic' ? 'Didactic' : 'Case'}</span>{' '}
          <strong>{item.title || 'Case presentation'}</strong>
          {item.presenter && <span> · {item.presenter.displayName}</span>}
          <span className="muted-inline"> · {item.minutes} min</span>
          {item.slides && (
            <p>
              Slides: <SlidesLink url={item.slides.url} name={item.slides.name} />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
