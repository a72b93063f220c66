/** Reads a submitted form's text fields by name ('' when absent). */
export function formReader(form: HTMLFormElement): (name: string) => string {
  const data = new FormData(form);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
}

/** Trimmed text, or undefined when empty, for optional request fields. */
export function optional(value: string): string | undefined {
  return value.trim() || undefined;
}

/** A safe in-app path from a `?next=` parameter (never another site). */
export function safeNext(next: string | null, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
