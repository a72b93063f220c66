import type { AgendaItemDto } from '@echo-hub/protocol';
import type { ReactNode } from 'react';
import { SlidesLink } from '../../../components/SlidesLink';

interface AgendaViewProps {
  agenda: AgendaItemDto[];
  /** What else a slot offers this reader (hub experts prepare the slot's polls here); `label` names the slot. */
  renderItemExtra?: (item: AgendaItemDto, label: string) => ReactNode;
}

/** The agenda as read by everyone who does not edit it. */
export function AgendaView({ agenda, renderItemExtra }: AgendaViewProps) {
  if (agenda.length === 0) return <p>No agenda yet.</p>;
  return (
    <ol className="agenda-view">
      {agenda.map((item, index) => (
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
          {renderItemExtra?.(item, `Slot ${index + 1}`)}
        </li>
      ))}
    </ol>
  );
}
