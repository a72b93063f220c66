import { type RemovedMetadata, removedMetadataSentence } from '@echo-hub/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import type { UploadProgress as Progress } from '../lib/upload';

/** A file being uploaded: its name and how much of it has gone. */
export interface Sending extends Progress {
  name: string;
}

const KB = 1024;
const MB = 1024 * KB;

/** "4.5 of 10 MB", or "12 of 40 KB" for a small file: both in the unit that suits the whole. */
function sentText({ loaded, total }: Progress): string {
  const mb = (bytes: number) => Number((bytes / MB).toFixed(1)); // 4.5, 10 (not 10.0)
  if (total >= MB) return `${mb(loaded)} of ${mb(total)} MB`;
  const whole = Math.max(1, Math.round(total / KB));
  return `${Math.min(whole, Math.round(loaded / KB))} of ${whole} KB`;
}

/**
 * An upload under way: a progress bar named "Uploading scan.png" and "Uploading scan.png… 45% (4.5 of 10 MB)"
 * beside it (until the size is known, the bar moves without a figure).
 */
export function UploadProgress({ name, loaded, total }: Sending) {
  const id = useId();
  const percent = total ? Math.min(100, Math.floor((loaded / total) * 100)) : null;
  return (
    <div className="upload-progress">
      <progress
        aria-label={`Uploading ${name}`}
        aria-describedby={id}
        max={total || undefined}
        value={total ? Math.min(loaded, total) : undefined}
      />
      <span id={id} className="hint">
        {percent === 100
          ? `Uploaded ${name}; the hub is checking it…`
          : `Uploading ${name}…${percent === null ? '' : ` ${percent}% (${sentText({ loaded, total })})`}`}
      </span>
    </div>
  );
}

/**
 * A form's upload: `sending` to show while it runs, and `send(file, start)`, which runs `start` with the
 * progress callback and an abort signal. When the form goes away the upload is aborted and `send` resolves
 * to null with nothing left to show; any other failure is thrown to the caller. `removed` then says what
 * metadata the hub took out of the file ("Removed location and camera details"), or is ''.
 */
export function useUpload() {
  const [sending, setSending] = useState<Sending | null>(null);
  const [removed, setRemoved] = useState('');
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const send = async <T extends { removed?: RemovedMetadata[] }>(
    file: File,
    start: (onProgress: (progress: Progress) => void, signal: AbortSignal) => Promise<T>,
  ): Promise<T | null> => {
    const controller = new AbortController();
    current.current = controller;
    setSending({ name: file.name, loaded: 0, total: file.size });
    setRemoved('');
    try {
      const result = await start((progress) => setSending({ name: file.name, ...progress }), controller.signal);
      setRemoved(removedMetadataSentence(result.removed ?? []));
      return result;
    } catch (e) {
      if (controller.signal.aborted) return null;
      throw e;
    } finally {
      if (!controller.signal.aborted) setSending(null);
    }
  };
  return { sending, send, removed };
}
