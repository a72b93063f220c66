import { useRouteError } from 'react-router-dom';

/**
 * A page's code that did not arrive: the network dropped, or the hub was updated and the old chunk files
 * are gone. Browsers word it differently ("Failed to fetch dynamically imported module", "error loading
 * dynamically imported module", "Importing a module script failed", Vite's "Unable to preload CSS").
 */
function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|module script failed|preload CSS/i.test(error.message);
}

/** What a page shows instead of a blank screen when its code could not be loaded or it failed to render. */
export function RouteError() {
  const error = useRouteError();
  const chunk = isChunkLoadError(error);
  return (
    <section>
      <h1>{chunk ? 'This page could not be loaded' : 'Something went wrong'}</h1>
      <div role="alert" className="alert">
        <p>
          {chunk
            ? 'The connection may have dropped, or ECHO Hub was updated since you opened it. Reload to try again.'
            : 'This page stopped with an error. Reloading it may help.'}
        </p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </section>
  );
}
