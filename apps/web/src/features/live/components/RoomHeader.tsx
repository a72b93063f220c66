import type { AgendaItemDto, RoomState } from '@echo-hub/protocol';
import { PHASE_LABELS, slotLabel } from '../lib/format';
import type { NetworkQuality } from '../lib/stats';
import { NetworkIndicator } from './NetworkIndicator';
import { SlotTimer } from './SlotTimer';
import type { Layout } from './Stage';

interface RoomHeaderProps {
  title: string;
  agenda: AgendaItemDto[];
  state: RoomState;
  quality: NetworkQuality | null;
  layout: Layout | null;
  onLayout: (layout: Layout) => void;
}

export function RoomHeader({ title, agenda, state, quality, layout, onLayout }: RoomHeaderProps) {
  const slot = state.timer.slot;
  const item = slot === null ? undefined : agenda[slot];
  const slotName = item && slot !== null ? slotLabel(item, slot, agenda) : null;
  return (
    <header className="live-header">
      <div className="live-header-title">
        <h1>{title}</h1>
        <p className="live-phase">
          <span className="live-chip">{PHASE_LABELS[state.phase]}</span>
          {slotName && <span>{slotName}</span>}
          {state.locked && <span className="live-chip">Room locked</span>}
        </p>
      </div>
      <div className="live-header-tools">
        {slotName && <SlotTimer timer={state.timer} label={slotName} />}
        {quality && <NetworkIndicator quality={quality} />}
        {layout && (
          <div className="live-layout-toggle" role="group" aria-label="Layout">
            {(['gallery', 'speaker'] as const).map((l) => (
              <button
                key={l}
                type="button"
                className="button button-small"
                aria-pressed={layout === l}
                onClick={() => onLayout(l)}
              >
                {l === 'gallery' ? 'Gallery' : 'Speaker'}
              </button>
            ))}
          </div>
        )}
      </div>
    </header>
  );
}
