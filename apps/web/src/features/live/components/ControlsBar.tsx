import { REACTIONS } from '@echo-hub/protocol';
import type { MediaSnapshot } from '../lib/LiveMediaClient';
import { Icon, type IconName } from './Icons';
import { ShortcutsHelp } from './ShortcutsHelp';

interface ControlsBarProps {
  media: MediaSnapshot;
  handRaised: boolean;
  /** Past the lobby: media controls work. */
  admitted: boolean;
  /** May send media (false for a webinar's viewers: microphone, camera and screen are off). */
  canSend?: boolean;
  onMic: () => void;
  onCamera: () => void;
  onAudioOnly: () => void;
  onScreen: () => void;
  onHand: () => void;
  onReact: (emoji: string) => void;
  onLeave: () => void;
}

interface ToggleProps {
  pressed: boolean;
  label: string;
  short: string;
  icon: IconName;
  shortcut?: string;
  disabled?: boolean;
  /** Show the off state as a warning (a muted microphone, a camera that is off). */
  warnWhenOff?: boolean;
  onClick: () => void;
}

/** A toggle: `aria-pressed` says whether it is on, the name says what pressing it does now. */
function Toggle({ pressed, label, short, icon, shortcut, disabled, warnWhenOff, onClick }: ToggleProps) {
  return (
    <button
      type="button"
      className={!pressed && warnWhenOff ? 'live-control is-warning' : 'live-control'}
      aria-pressed={pressed}
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={shortcut ? `${label} (${shortcut.toUpperCase()})` : label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
      <span aria-hidden="true">{short}</span>
    </button>
  );
}

const canShareScreen = () => typeof navigator.mediaDevices?.getDisplayMedia === 'function';

export function ControlsBar(props: ControlsBarProps) {
  const { media, handRaised, admitted } = props;
  const mediaReady = admitted && media.status !== 'idle';
  const sendReady = mediaReady && props.canSend !== false;
  return (
    <div className="live-controls" role="toolbar" aria-label="Session controls">
      <Toggle
        pressed={media.micOn}
        label={media.micOn ? 'Mute microphone' : 'Unmute microphone'}
        short={media.micOn ? 'Mute' : 'Unmute'}
        icon={media.micOn ? 'mic' : 'micOff'}
        shortcut="m"
        disabled={!sendReady}
        warnWhenOff
        onClick={props.onMic}
      />
      <Toggle
        pressed={media.cameraOn}
        label={media.cameraOn ? 'Turn camera off' : 'Turn camera on'}
        short={media.cameraOn ? 'Camera off' : 'Camera on'}
        icon={media.cameraOn ? 'camera' : 'cameraOff'}
        shortcut="v"
        disabled={!sendReady}
        warnWhenOff
        onClick={props.onCamera}
      />
      <Toggle
        pressed={media.audioOnly !== 'off'}
        label={media.audioOnly === 'off' ? 'Audio only (no video)' : 'Turn video back on'}
        short={
          media.audioOnly === 'off' ? 'Audio only' : media.audioOnly === 'auto' ? 'Audio only (slow link)' : 'Video on'
        }
        icon="audioOnly"
        disabled={!mediaReady}
        onClick={props.onAudioOnly}
      />
      {canShareScreen() && (
        <Toggle
          pressed={media.sharing}
          label={media.sharing ? 'Stop sharing' : 'Share screen'}
          short={media.sharing ? 'Stop sharing' : 'Share'}
          icon="screen"
          disabled={!sendReady}
          onClick={props.onScreen}
        />
      )}
      <Toggle
        pressed={handRaised}
        label={handRaised ? 'Lower hand' : 'Raise hand'}
        short={handRaised ? 'Lower' : 'Raise'}
        icon="hand"
        shortcut="h"
        onClick={props.onHand}
      />
      <div className="live-reaction-buttons" role="group" aria-label="Reactions">
        {REACTIONS.map((emoji) => (
          <button
            key={emoji}
            type="button"
            className="live-reaction-button"
            aria-label={`React with ${emoji}`}
            onClick={() => props.onReact(emoji)}
          >
            {emoji}
          </button>
        ))}
      </div>
      <ShortcutsHelp />
      <button type="button" className="live-control live-control-leave" onClick={props.onLeave}>
        <Icon name="leave" />
        <span>Leave</span>
      </button>
    </div>
  );
}
