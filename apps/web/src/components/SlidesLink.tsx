import { useState } from 'react';
import { getAccessToken } from '../lib/api';

/** Downloads a protected file (slides) with the bearer token, since a plain link cannot send it. */
export function SlidesLink({ url, name }: { url: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${getAccessToken() ?? ''}` } }).catch(() => null);
    if (!res?.ok) {
      setError('Could not download the slides');
      return;
    }
    const href = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
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
