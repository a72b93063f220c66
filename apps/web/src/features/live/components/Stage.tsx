import { type LiveParticipant, type RoomState, sameMediaScope, videoForwardedTo } from '@echo-hub/protocol';
import { useRef } from 'react';
import { useConsumerView } from '../hooks/useConsumerView';
import type { MediaSnapshot } from '../lib/LiveMediaClient';
import type { FloatingReaction } from '../lib/LiveRoomClient';
import { ParticipantTile, type TileModel, type TileSize } from './ParticipantTile';
import { VideoView } from './VideoView';

export type Layout = 'gallery' | 'speaker';

type SetView = (consumerId: string, visible: boolean, height: number) => void;

interface StageProps {
  state: RoomState;
  youId: string;
  media: MediaSnapshot;
  reactions: FloatingReaction[];
  layout: Layout;
  setView: SetView;
}

function tileModel(p: LiveParticipant, state: RoomState, youId: string, media: MediaSnapshot): TileModel {
  const isYou = p.userId === youId;
  const base = {
    participant: p,
    isYou,
    speaking: state.activeSpeakerId === p.userId,
    handRaised: state.hands.some((h) => h.userId === p.userId),
    badge: state.spotlightId === p.userId ? 'Spotlight' : state.presenterId === p.userId ? 'Presenter' : null,
  } as const;
  if (isYou) {
    const track = media.cameraOn ? media.cameraTrack : null;
    return { ...base, video: track && { track, mirror: true }, consumerId: null, micOff: !media.micOn };
  }
  const mic = p.producers.find((x) => x.source === 'mic');
  const camera = p.producers.find((x) => x.source === 'camera');
  const remote = camera && media.remote.find((r) => r.producerId === camera.id);
  // Outside the last-N only audio is forwarded: the tile shows initials.
  const wanted = remote && !camera.paused && videoForwardedTo(state, youId).includes(p.userId) ? remote : null;
  return {
    ...base,
    video: wanted?.flowing ? { track: wanted.track, mirror: false } : null,
    consumerId: wanted?.consumerId ?? null,
    micOff: !mic || mic.paused,
  };
}

function ScreenShare({
  sharer,
  isYou,
  media,
  setView,
}: {
  sharer: LiveParticipant;
  isYou: boolean;
  media: MediaSnapshot;
  setView: SetView;
}) {
  const ref = useRef<HTMLElement>(null);
  const producer = sharer.producers.find((x) => x.source === 'screen');
  const remote = isYou ? undefined : media.remote.find((r) => r.producerId === producer?.id);
  useConsumerView(ref, remote?.consumerId ?? null, setView);
  const track = isYou ? media.screenTrack : remote?.flowing ? remote.track : null;
  const caption = isYou ? 'You are sharing your screen' : `${sharer.displayName} is sharing their screen`;
  return (
    <figure ref={ref} className="live-screen" aria-label={caption}>
      {track ? (
        <VideoView track={track} fit="contain" />
      ) : (
        <p className="live-screen-wait">Loading the shared screen…</p>
      )}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/**
 * The main area: a shared screen takes it over when there is one; otherwise the gallery
 * (everyone alike) or the speaker layout (spotlight, presenter or active speaker large).
 */
export function Stage({ state, youId, media, reactions, layout, setView }: StageProps) {
  // While breakouts run: the people of your room only.
  const online = state.participants.filter((p) => p.online && sameMediaScope(state, youId, p.userId));
  const rank = (p: LiveParticipant) => (p.userId === state.spotlightId ? 0 : p.userId === state.presenterId ? 1 : 2);
  const tiles = [...online].sort((a, b) => rank(a) - rank(b)).map((p) => tileModel(p, state, youId, media));
  const sharer = online.find((p) => p.producers.some((x) => x.source === 'screen' && !x.paused));
  // Never yourself while someone else is there: the speaker sees the previous speaker (the server sends them
  // the spare video in place of their own), as in Zoom.
  const isOther = (id: string | null): id is string =>
    Boolean(id) && id !== youId && online.some((p) => p.userId === id);
  const featuredId =
    [state.spotlightId, state.presenterId, state.activeSpeakerId].find(isOther) ??
    videoForwardedTo(state, youId).find(isOther) ??
    tiles.find((t) => !t.isYou)?.participant.userId ??
    youId;

  const renderTile = (tile: TileModel, size: TileSize) => (
    <ParticipantTile
      key={tile.participant.userId}
      tile={tile}
      size={size}
      reactions={reactions.filter((r) => r.userId === tile.participant.userId)}
      setView={setView}
    />
  );

  if (sharer) {
    return (
      <div className="live-stage live-stage-screen">
        <ScreenShare sharer={sharer} isYou={sharer.userId === youId} media={media} setView={setView} />
        <div className="live-strip">{tiles.map((t) => renderTile(t, 'small'))}</div>
      </div>
    );
  }
  if (layout === 'speaker') {
    const featured = tiles.find((t) => t.participant.userId === featuredId);
    return (
      <div className="live-stage live-stage-speaker">
        {featured && renderTile(featured, 'large')}
        <div className="live-strip">{tiles.filter((t) => t !== featured).map((t) => renderTile(t, 'small'))}</div>
      </div>
    );
  }
  return <div className="live-stage live-stage-gallery">{tiles.map((t) => renderTile(t, 'normal'))}</div>;
}
