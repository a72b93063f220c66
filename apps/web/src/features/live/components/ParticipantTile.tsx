import type { LiveParticipant } from '@echo-hub/protocol';
import { useRef } from 'react';
import { useConsumerView } from '../hooks/useConsumerView';
import { initials } from '../lib/format';
import type { FloatingReaction } from '../lib/LiveRoomClient';
import { Icon } from './Icons';
import { VideoView } from './VideoView';

/** What one tile shows: worked out by the stage from the room state and the media. */
export interface TileModel {
  participant: LiveParticipant;
  isYou: boolean;
  speaking: boolean;
  handRaised: boolean;
  badge: 'Spotlight' | 'Presenter' | null;
  video: { track: MediaStreamTrack; mirror: boolean } | null;
  /** The camera consumer whose visibility this tile reports (null: no video wanted). */
  consumerId: string | null;
  micOff: boolean;
}

export type TileSize = 'large' | 'normal' | 'small';

interface ParticipantTileProps {
  tile: TileModel;
  size: TileSize;
  reactions: FloatingReaction[];
  setView: (consumerId: string, visible: boolean, height: number) => void;
}

export function ParticipantTile({ tile, size, reactions, setView }: ParticipantTileProps) {
  const ref = useRef<HTMLDivElement>(null);
  useConsumerView(ref, tile.consumerId, setView);
  const { participant: p } = tile;
  const name = tile.isYou ? `${p.displayName} (you)` : p.displayName;
  const classes = ['live-tile', `live-tile-${size}`, tile.speaking && 'is-speaking'].filter(Boolean).join(' ');
  return (
    <div
      ref={ref}
      className={classes}
      role="group"
      aria-label={name}
      data-testid="tile"
      data-user-id={p.userId}
      data-speaking={String(tile.speaking)}
    >
      <div className="live-avatar" aria-hidden="true">
        <span>{initials(p.displayName)}</span>
      </div>
      {tile.video && <VideoView track={tile.video.track} mirror={tile.video.mirror} />}
      <div className="live-tile-badges">
        {tile.badge && <span className="live-chip">{tile.badge}</span>}
        {tile.handRaised && (
          <span className="live-chip live-chip-hand">
            <Icon name="hand" /> Hand raised
          </span>
        )}
      </div>
      <div className="live-tile-caption">
        {tile.micOff && (
          <span className="live-mic-off" title="Microphone off">
            <Icon name="micOff" />
            <span className="sr-only">Microphone off.</span>
          </span>
        )}
        <span className="live-tile-name">{name}</span>
        {p.siteName && <span className="live-tile-site">{p.siteName}</span>}
        {tile.speaking && <span className="sr-only">Speaking.</span>}
      </div>
      <div className="live-reactions" aria-hidden="true">
        {reactions.map((r) => (
          <span key={r.key} className="live-reaction">
            {r.emoji}
          </span>
        ))}
      </div>
    </div>
  );
}
