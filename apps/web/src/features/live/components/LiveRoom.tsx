import { onStage, type SessionDto } from '@echo-hub/protocol';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Loading } from '../../../components/Status';
import { useLiveRoom } from '../hooks/useLiveRoom';
import { useShortcuts } from '../hooks/useShortcuts';
import type { MediaPreferences } from '../lib/LiveMediaClient';
import { BreakoutBanner } from './BreakoutBanner';
import { BreakoutPanel, mayRunBreakouts } from './BreakoutPanel';
import { CaptionBar } from './CaptionBar';
import { CasePanel } from './CasePanel';
import { ChatPanel } from './ChatPanel';
import { ControlsBar } from './ControlsBar';
import { FacilitatorPanel } from './FacilitatorPanel';
import { WaitingRoom } from './WaitingRoom';
import { HandQueue } from './HandQueue';
import { WebinarPanel } from './WebinarPanel';
import { Lobby } from './Lobby';
import { ParticipantsPanel } from './ParticipantsPanel';
import { RoomPolls } from './PollsPanel';
import { RemoteAudio } from './RemoteAudio';
import { RoomBanners } from './RoomBanners';
import { RoomHeader } from './RoomHeader';
import { RoomOver } from './RoomOver';
import { type Layout, Stage } from './Stage';

const noop = () => undefined;

/** The live room: header, stage (or lobby), controls, and the side panels. */
export function LiveRoom({ session, prefs }: { session: SessionDto; prefs: MediaPreferences }) {
  const { room, snapshot } = useLiveRoom(session.id, prefs);
  const [layout, setLayout] = useState<Layout>('gallery');
  const navigate = useNavigate();
  const joined = snapshot?.status === 'joined' || snapshot?.status === 'reconnecting';
  useShortcuts(
    {
      m: snapshot?.admitted ? (room?.toggleMic ?? noop) : noop,
      v: snapshot?.admitted ? (room?.toggleCamera ?? noop) : noop,
      h: room?.toggleHand ?? noop,
    },
    joined,
  );

  if (!room || !snapshot || snapshot.status === 'left') return <Loading>Connecting to the live session…</Loading>;
  const { status, state, you, media } = snapshot;
  if (status === 'ended' || status === 'removed' || status === 'failed') {
    return <RoomOver sessionId={session.id} reason={status} problem={snapshot.problem} onRetry={() => room.retry()} />;
  }
  if (!state || !you) return <Loading>Joining the live session…</Loading>;

  const leave = async () => {
    await room.leave();
    navigate(`/sessions/${session.id}`);
  };
  const handRaised = state.hands.some((h) => h.userId === you.userId);
  return (
    <div className="live-room">
      <title>{`${session.title} · Live · ECHO Hub`}</title>
      <RoomHeader
        title={session.title}
        agenda={session.agenda}
        state={state}
        quality={snapshot.admitted ? media.quality : null}
        layout={snapshot.admitted ? layout : null}
        onLayout={setLayout}
      />
      <RoomBanners snapshot={snapshot} onRetryMedia={room.retryMedia} onDismiss={room.dismissProblem} />
      <p className="sr-only" aria-live="polite">
        {snapshot.announcement}
      </p>
      <div className="live-body">
        <div className="live-main">
          {snapshot.admitted && <BreakoutBanner state={state} youId={you.userId} room={room} />}
          {snapshot.admitted ? (
            <Stage
              state={state}
              youId={you.userId}
              media={media}
              reactions={snapshot.reactions}
              layout={layout}
              setView={room.setView}
            />
          ) : (
            <Lobby state={state} youId={you.userId} startsAt={session.startsAt} />
          )}
          <ControlsBar
            media={media}
            handRaised={handRaised}
            admitted={snapshot.admitted}
            canSend={onStage(state, you.userId)}
            onMic={room.toggleMic}
            onCamera={room.toggleCamera}
            onAudioOnly={room.toggleAudioOnly}
            onScreen={room.toggleScreenShare}
            onHand={room.toggleHand}
            onReact={room.react}
            onLeave={() => void leave()}
          />
          {snapshot.admitted && <CaptionBar state={state} youId={you.userId} host={you.host} room={room} />}
          {snapshot.admitted && <CasePanel sessionId={session.id} state={state} you={you} room={room} />}
        </div>
        <div className="live-sidebar">
          {you.host && <WaitingRoom state={state} room={room} />}
          {you.host && <FacilitatorPanel state={state} agenda={session.agenda} room={room} />}
          {(you.host || state.webinar) && <WebinarPanel state={state} youId={you.userId} host={you.host} room={room} />}
          {mayRunBreakouts(state, you.userId) && <BreakoutPanel state={state} youId={you.userId} room={room} />}
          <HandQueue
            hands={state.hands}
            youId={you.userId}
            host={you.host}
            onLower={(id) => void room.lowerHandOf(id)}
          />
          {snapshot.admitted && <RoomPolls room={room} snapshot={snapshot} />}
          <ChatPanel
            messages={state.chat}
            youId={you.userId}
            people={state.participants.map((p) => p.displayName)}
            places={snapshot.places}
            onSend={(text, spans) => room.sendChat(text, spans)}
          />
          <ParticipantsPanel
            state={state}
            youId={you.userId}
            host={you.host}
            room={room}
            connections={snapshot.connections}
          />
        </div>
      </div>
      <RemoteAudio streams={media.remote} />
    </div>
  );
}
