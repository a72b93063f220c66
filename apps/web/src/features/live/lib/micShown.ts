import type { MediaStatus } from './LiveMediaClient';

/**
 * Whether the microphone shows as on. Before the media starts, and while it starts and the microphone is not sent
 * yet, what the person chose; after that, what is sent (a paused or closed microphone shows as off). So the mute
 * button does not flip to "Unmute" for a moment while joining, where a click meant to mute would unmute.
 */
export function micShown(
  chosen: boolean,
  status: MediaStatus | 'not started',
  mic: { closed: boolean; paused: boolean } | undefined,
): boolean {
  if (!chosen) return false;
  if (status === 'not started' || status === 'idle' || (status === 'starting' && !mic)) return true;
  return !!mic && !mic.closed && !mic.paused;
}
