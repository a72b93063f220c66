import type { ComponentType } from 'react';

/**
 * A route's `lazy` for a page whose code is a chunk of its own, downloaded when the page is first visited (the
 * live room, charts, Markdown and the de-identification scanner stay out of the first download). Each feature's
 * index.ts lists its pages with it; `load` must be an `import()` of the page's own module.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return async () => ({ Component: (await load())[name] });
}
