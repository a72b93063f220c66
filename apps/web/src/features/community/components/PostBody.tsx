import { useEffect, useRef } from 'react';
import { fetchAttachment } from '../api/community';

/**
 * A post's HTML as the server rendered it (markdown-it without raw HTML, safe links only). Uploaded
 * images and PDFs are fetched with the reader's own token, since an <img src> cannot send it.
 */
export function PostBody({ html }: { html: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const urls: string[] = [];
    let cancelled = false;
    root.querySelectorAll<HTMLImageElement>('img[data-attachment]').forEach((img) => {
      fetchAttachment(img.dataset.attachment ?? '').then(
        (blob) => {
          if (cancelled) return;
          const url = URL.createObjectURL(blob);
          urls.push(url);
          img.src = url;
        },
        () => {
          img.alt = `${img.alt} (not available)`;
        },
      );
    });
    const onClick = (e: MouseEvent) => {
      const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-attachment]');
      if (!link) return;
      e.preventDefault();
      void fetchAttachment(link.dataset.attachment ?? '').then((blob) => {
        const url = URL.createObjectURL(blob);
        urls.push(url);
        window.open(url, '_blank', 'noopener');
      });
    };
    root.addEventListener('click', onClick);
    return () => {
      cancelled = true;
      root.removeEventListener('click', onClick);
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [html]);
  return <div ref={ref} className="post-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
