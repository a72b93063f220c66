/** Opening cameras and microphones the same way in the device check and in the room. */

export type DeviceKind = 'audio' | 'video';

export function constraintsFor(kind: DeviceKind, deviceId: string | null): MediaTrackConstraints {
  const device = deviceId ? { deviceId: { exact: deviceId } } : {};
  return kind === 'audio'
    ? { ...device, echoCancellation: true, noiseSuppression: true, autoGainControl: true }
    : { ...device, width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 24, max: 30 } };
}

const errorName = (e: unknown): string => (e instanceof DOMException || e instanceof Error ? e.name : '');

/** One track of a kind; when the chosen device is gone, falls back to the default one. */
export async function openUserTrack(kind: DeviceKind, deviceId: string | null): Promise<MediaStreamTrack> {
  const open = async (id: string | null) => {
    const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraintsFor(kind, id) });
    const [track] = kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks();
    if (!track) throw new DOMException('No track', 'NotFoundError');
    return track;
  };
  try {
    return await open(deviceId);
  } catch (e) {
    if (!deviceId || errorName(e) === 'NotAllowedError') throw e;
    return open(null);
  }
}

/** A sentence for people about why a camera or microphone could not be used. */
export function deviceProblem(what: 'camera' | 'microphone', e: unknown): string {
  switch (errorName(e)) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `The browser was not allowed to use your ${what}. Allow it in the address bar and try again.`;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `No ${what} was found.`;
    case 'NotReadableError':
    case 'AbortError':
      return `Your ${what} is in use by another application or could not be started.`;
    default:
      return `Your ${what} could not be started.`;
  }
}
