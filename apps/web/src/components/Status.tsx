import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ApiError } from '../lib/api';
import { errorText } from '../lib/errors';

export function Loading({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="loading">
      {children}
    </p>
  );
}

export function ErrorAlert({ error, notFound }: { error: ApiError; notFound?: string }) {
  return (
    <p role="alert" className="alert">
      {errorText(error, { notFound })}
    </p>
  );
}

/** A form's error summary; when the server's complaints are all shown next to fields it just points there. */
export function FormError({ error, fields = [] }: { error: ApiError | null; fields?: string[] }) {
  if (!error) return null;
  const reported = error.body.fields ?? [];
  const allShown = reported.length > 0 && reported.every((f) => fields.includes(f.field));
  return (
    <p role="alert" className="alert">
      {allShown ? 'Check the fields marked below.' : errorText(error)}
    </p>
  );
}

/** What a page shows when its main thing could not be loaded. */
export function LoadFailure({ error, what }: { error: ApiError; what: string }) {
  const notFound = error.body.statusCode === 404;
  return (
    <section>
      <h1>{notFound ? `${what} not found` : `Cannot show this ${what.toLowerCase()}`}</h1>
      <ErrorAlert error={error} notFound="It may have been removed, or the link is wrong." />
      <p>
        <Link to="/programs">Go to your programs</Link>
      </p>
    </section>
  );
}
