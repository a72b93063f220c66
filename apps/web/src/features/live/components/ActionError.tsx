/** A refused request said next to its control (the hub's message). */
export function ActionError({ error }: { error: Error | null }) {
  return error ? (
    <p role="alert" className="live-error">
      {error.message}
    </p>
  ) : null;
}
