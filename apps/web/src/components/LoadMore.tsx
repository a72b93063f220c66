import { ErrorAlert } from './Status';
import { useAction } from '../lib/useAction';

/** The button under a paged list (apiPage): fetches the next page; says so while it loads, and why it failed. */
export function LoadMore({ what, onMore }: { what: string; onMore: () => Promise<void> }) {
  const action = useAction();
  return (
    <div className="load-more">
      {action.error && <ErrorAlert error={action.error} />}
      <button
        type="button"
        className="button"
        disabled={action.pending}
        aria-busy={action.pending}
        onClick={() => void action.run(onMore)}
      >
        {action.pending ? `Loading more ${what}…` : `Load more ${what}`}
      </button>
    </div>
  );
}
