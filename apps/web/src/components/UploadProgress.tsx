import { useId } from 'react';
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
