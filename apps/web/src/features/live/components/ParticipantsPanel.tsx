import type { LiveParticipant, RoomState } from '@echo-hub/protocol';
import type { LiveRoomClient } from '../lib/LiveRoomClient';
import { HostMenu } from './HostMenu';

interface ParticipantsPanelProps {
  state: RoomState;
  youId: string;
  host: boolean;
  room: LiveRoomClient;
}

const ROLE_LABELS: Record<LiveParticipant['role'], string> = {
  facilitator: 'Facilitator',
  coordinator: 'Coordinator',
  expert: 'Expert',
  participant: 'Participant',
  admin: 'Admin',
};

function bySite(participants: LiveParticipant[]): [string, LiveParticipant[]][] {
  const groups = new Map<string, LiveParticipant[]>();
  for (const p of participants) {
    const site = p.siteName ?? 'No site';
    groups.set(site, [...(groups.get(site) ?? []), p]);
  }
  return [...groups].sort(([a], [b]) => (a === 'No site' ? 1 : b === 'No site' ? -1 : a.localeCompare(b)));
}

function RollCall({ p, onMark }: { p: LiveParticipant; onMark: (present: boolean) => void }) {
  return (
    <span className="live-rollcall" role="group" aria-label={`Roll call for ${p.displayName}`}>
      {[true, false].map((present) => (
        <button
          key={String(present)}
          type="button"
          className="button button-small"
          aria-label={`Mark ${p.displayName} ${present ? 'present' : 'absent'}`}
          aria-pressed={p.present === present}
          onClick={() => onMark(present)}
        >
          {present ? 'Present' : 'Absent'}
        </button>
      ))}
    </span>
  );
}

/** Everyone in the session by site, with online status and the roll call (marked by hosts). */
export function ParticipantsPanel({ state, youId, host, room }: ParticipantsPanelProps) {
  const online = state.participants.filter((p) => p.online).length;
  return (
    <section role="region" aria-label="Participants" className="live-panel">
      <h2>
        Participants <span className="muted-inline">({online} online)</span>
      </h2>
      {bySite(state.participants).map(([site, people]) => (
        <div key={site} className="live-site">
          <h3>{site}</h3>
          <ul className="live-list">
            {people.map((p) => (
              <li key={p.userId} className="live-person">
                <span className={p.online ? 'live-dot is-online' : 'live-dot'} aria-hidden="true" />
                <span className="live-person-name">
                  {p.displayName}
                  {p.userId === youId && ' (you)'}
                  <span className="live-person-meta">
                    {ROLE_LABELS[p.role]} · {p.online ? 'online' : 'offline'}
                    {!host && p.present !== null && ` · ${p.present ? 'present' : 'absent'}`}
                  </span>
                </span>
                {host && <RollCall p={p} onMark={(present) => void room.rollCall(p.userId, present)} />}
                {host && p.userId !== youId && p.online && <HostMenu participant={p} state={state} room={room} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
