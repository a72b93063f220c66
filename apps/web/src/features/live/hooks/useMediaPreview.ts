import { useEffect, useState } from 'react';
import { constraintsFor, deviceProblem, openUserTrack } from '../lib/devices';

export interface MediaPreview {
  stream: MediaStream | null;
  microphones: MediaDeviceInfo[];
  cameras: MediaDeviceInfo[];
  problems: string[];
}

/** Both devices in one request (one permission prompt); on failure each alone, to say which one failed. */
async function openPreview(micId: string, cameraId: string, withCamera: boolean) {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: constraintsFor('audio', micId || null),
      video: withCamera ? constraintsFor('video', cameraId || null) : false,
    });
    return { tracks: stream.getTracks(), problems: [] };
  } catch {
    const tracks: MediaStreamTrack[] = [];
    const problems: string[] = [];
    await openUserTrack('audio', micId || null).then(
      (t) => tracks.push(t),
      (e: unknown) => problems.push(deviceProblem('microphone', e)),
    );
    if (withCamera) {
      await openUserTrack('video', cameraId || null).then(
        (t) => tracks.push(t),
        (e: unknown) => problems.push(deviceProblem('camera', e)),
      );
    }
    return { tracks, problems };
  }
}

/** The device check's preview: opens the chosen devices (camera only when wanted) and lists the devices there are. */
export function useMediaPreview(micId: string, cameraId: string, withCamera: boolean): MediaPreview {
  const [preview, setPreview] = useState<MediaPreview>({ stream: null, microphones: [], cameras: [], problems: [] });

  useEffect(() => {
    let cancelled = false;
    let tracks: MediaStreamTrack[] = [];
    const listDevices = async () => {
      const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
      if (cancelled) return;
      setPreview((p) => ({
        ...p,
        microphones: devices.filter((d) => d.kind === 'audioinput'),
        cameras: devices.filter((d) => d.kind === 'videoinput'),
      }));
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setPreview((p) => ({
        ...p,
        problems: ['This browser cannot use a camera or microphone here (it needs HTTPS).'],
      }));
      return;
    }
    void openPreview(micId, cameraId, withCamera).then(async (opened) => {
      if (cancelled) {
        opened.tracks.forEach((t) => t.stop());
        return;
      }
      tracks = opened.tracks;
      setPreview((p) => ({ ...p, stream: new MediaStream(opened.tracks), problems: opened.problems }));
      // Device names are only listed once the browser was allowed to use a device.
      await listDevices();
    });
    navigator.mediaDevices.addEventListener('devicechange', listDevices);
    return () => {
      cancelled = true;
      tracks.forEach((t) => t.stop());
      navigator.mediaDevices.removeEventListener('devicechange', listDevices);
    };
  }, [micId, cameraId, withCamera]);

  return preview;
}
