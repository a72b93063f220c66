import type { LiveParticipant, RoomState } from '@echo-hub/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import type { LiveRoomClient } from '../lib/LiveRoomClient';

interface HostMenuProps {
  participant: LiveParticipant;
  state: RoomState;
  room: LiveRoomClient;
}

/** A host's actions on one person: mute, spotlight, presenter, remove (asked twice). */
export function HostMenu({ participant: p, state, room }: HostMenuProps) {
  const [open, setOpen] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const name = p.displayName;

  useEffect(() => {
    if (open) menu.current?.querySelector('button')?.focus();
  }, [open, confirmRemove]);

  const close = () => {
    setOpen(false);
    setConfirmRemove(false);
    toggle.current?.focus();
  };
  const run = (action: () => Promise<void>) => {
    close();
    void action();
  };

  const mic = p.producers.find((x) => x.source === 'mic');
  const spotlighted = state.spotlightId === p.userId;
  const presenting = state.presenterId === p.userId;
  return (
    <div
      className="live-popover-root"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Actions for {name}
      </button>
      <div id={id} ref={menu} className="live-popover live-host-menu" hidden={!open}>
        {confirmRemove ? (
          <>
            <p>Remove {name} from this session? They cannot come back into it.</p>
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => run(() => room.remove(p.userId))}
            >
              Yes, remove {name}
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirmRemove(false)}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button-small"
              disabled={!mic || mic.paused}
              onClick={() => run(() => room.mute(p.userId))}
            >
              Mute {name}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => run(() => room.spotlight(spotlighted ? null : p.userId))}
            >
              {spotlighted ? `Remove spotlight from ${name}` : `Spotlight ${name}`}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => run(() => room.makePresenter(presenting ? null : p.userId))}
            >
              {presenting ? `Stop ${name} presenting` : `Make ${name} presenter`}
            </button>
            <button type="button" className="button button-small button-danger" onClick={() => setConfirmRemove(true)}>
              Remove {name}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
