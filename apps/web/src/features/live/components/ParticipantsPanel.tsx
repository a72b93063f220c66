import type { LiveParticipant, QualitySample, RoomState } from '@echo-hub/protocol';
import type { LiveRoomClient } from '../lib/LiveRoomClient';
import { qualityDetails } from '../lib/quality';
import { CoproductionBadge } from '../../coproduction';
import { ConnectionBadge } from './ConnectionBadge';
import { HostMenu } from './HostMenu';

interface ParticipantsPanelProps {
  state: RoomState;
  youId: string;
  host: boolean;
  room: LiveRoomClient;
  /** Hosts: everyone's last connection sample, by user id. */
  connections: Record<string, QualitySample>;
}

const RANK = { poor: 0, fair: 1, unknown: 2, good: 3 } as const;

/** Hosts: who is struggling, worst first (poor, then fair; the most loss first), with the evidence. */
function Struggling({
  people,
  connections,
}: {
  people: LiveParticipant[];
  connections: Record<string, QualitySample>;
}) {
  const weak = people
    .filter((p) => p.online && (connections[p.userId]?.level === 'poor' || connections[p.userId]?.level === 'fair'))
    .map((p) => ({ p, q: connections[p.userId] }))
    .sort((a, b) => RANK[a.q.level] - RANK[b.q.level] || (b.q.lossPercent ?? 0) - (a.q.lossPercent ?? 0));
  if (weak.length === 0) return null;
  return (
    <div className="live-struggling" role="group" aria-label="Weak connections">
      <h3>Weak connections</h3>
      <ul className="live-list">
        {weak.map(({ p, q }) => (
          <li key={p.userId}>
            <strong>{p.displayName}</strong>: {q.level}
            {q.audioOnly && ', audio only'} ({qualityDetails(q)})
          </li>
        ))}
      </ul>
    </div>
  );
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

/** Everyone in the session by site, with online status, and for hosts the roll call and each connection's quality. */
export function ParticipantsPanel({ state, youId, host, room, connections }: ParticipantsPanelProps) {
  const online = state.participants.filter((p) => p.online).length;
  return (
    <section role="region" aria-label="Participants" className="live-panel">
      <h2>
        Participants <span className="muted-inline">({online} online)</span>
      </h2>
      {host && <Struggling people={state.participants} connections={connections} />}
      {bySite(state.participants).map(([site, people]) => (
        <div key={site} className="live-site">
          <h3>{site}</h3>
          <ul className="live-list">
            {people.map((p) => (
              <li key={p.userId} className="live-person">
                <span className={p.online ? 'live-dot is-online' : 'live-dot'} aria-hidden="true" />
                <span className="live-person-name">
                  {p.displayName}
                  {p.userId === youId && ' (you)'} <CoproductionBadge role={p.coproductionRole} />
                  <span className="live-person-meta">
                    {ROLE_LABELS[p.role]} · {p.online ? 'online' : 'offline'}
                    {!host && p.present !== null && ` · ${p.present ? 'present' : 'absent'}`}
                  </span>
                </span>
                {host && p.online && <ConnectionBadge name={p.displayName} sample={connections[p.userId]} />}
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
