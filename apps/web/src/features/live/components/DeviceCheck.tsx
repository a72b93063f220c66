import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMediaPreview } from '../hooks/useMediaPreview';
import type { MediaPreferences } from '../lib/LiveMediaClient';
import { MicLevelMeter } from './MicLevelMeter';
import { SpeakerTest } from './SpeakerTest';
import { VideoView } from './VideoView';

interface DeviceCheckProps {
  title: string;
  onJoin: (prefs: MediaPreferences) => void;
}

function DeviceSelect({
  label,
  devices,
  value,
  onChange,
}: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={devices.length === 0}>
        <option value="">Default</option>
        {devices
          .filter((d) => d.deviceId && d.deviceId !== 'default')
          .map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${label} ${i + 1}`}
            </option>
          ))}
      </select>
    </div>
  );
}

/** Before entering: see yourself, hear your microphone move the meter, test the speakers, pick devices. */
export function DeviceCheck({ title, onJoin }: DeviceCheckProps) {
  const [micId, setMicId] = useState('');
  const [cameraId, setCameraId] = useState('');
  const [cameraOff, setCameraOff] = useState(false);
  const [muted, setMuted] = useState(false);
  const preview = useMediaPreview(micId, cameraId, !cameraOff);
  const video = preview.stream?.getVideoTracks()[0] ?? null;
  const audio = preview.stream?.getAudioTracks()[0] ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onJoin({ micDeviceId: micId || null, cameraDeviceId: cameraId || null, micOn: !muted, cameraOn: !cameraOff });
  };

  return (
    <section className="live-device-check">
      <h1>{title}</h1>
      <p className="lede">Check your camera and microphone before you join.</p>
      <form className="live-device-grid" onSubmit={submit}>
        <div className="live-preview">
          {video ? (
            <VideoView track={video} mirror />
          ) : (
            <p className="live-preview-off">{cameraOff ? 'Camera off' : 'No camera picture'}</p>
          )}
        </div>
        <div className="form">
          {preview.problems.map((problem) => (
            <p key={problem} role="alert" className="alert">
              {problem}
            </p>
          ))}
          <DeviceSelect label="Camera" devices={preview.cameras} value={cameraId} onChange={setCameraId} />
          <DeviceSelect label="Microphone" devices={preview.microphones} value={micId} onChange={setMicId} />
          <div>
            <p className="hint">Speak: the bar should move.</p>
            <MicLevelMeter track={audio} />
          </div>
          <SpeakerTest />
          <label className="live-check">
            <input type="checkbox" checked={cameraOff} onChange={(e) => setCameraOff(e.target.checked)} /> Join with
            camera off
          </label>
          <label className="live-check">
            <input type="checkbox" checked={muted} onChange={(e) => setMuted(e.target.checked)} /> Join muted
          </label>
          <p>
            <button type="submit" className="button button-join">
              Join session
            </button>
          </p>
          <p className="hint">Case discussions stay de-identified: no names, dates of birth or record numbers.</p>
          <p className="hint">
            New network or a strict clinic firewall? <Link to="/connection-test">Test my connection</Link> first.
          </p>
        </div>
      </form>
    </section>
  );
}
