import { useState } from 'react';
import { fetchFile, saveBlob } from '../lib/download';

/** Downloads a protected file (slides) with the bearer token, since a plain link cannot send it. */
export function SlidesLink({ url, name }: { url: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const { blob } = await fetchFile(url.replace(/^\/api/, ''));
      saveBlob(blob, name);
    } catch {
      setError('Could not download the slides');
    }
  };
  return (
    <>
      <button type="button" className="link-button" onClick={() => void download()}>
        {name}
      </button>
      {error && <span role="alert"> {error}</span>}
    </>
  );
}
