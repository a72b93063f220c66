import type { RaisedHand } from '@echo-hub/protocol';
import { ordinal } from '../lib/format';

interface HandQueueProps {
  hands: RaisedHand[];
  youId: string;
  host: boolean;
  onLower: (userId: string) => void;
}

/** Raised hands in the order they went up; hosts work through them. */
export function HandQueue({ hands, youId, host, onLower }: HandQueueProps) {
  const position = hands.findIndex((h) => h.userId === youId) + 1;
  return (
    <section role="region" aria-label="Hand queue" className="live-panel">
      <h2>Hand queue</h2>
      {position > 0 && (
        <p className="live-queue-position" role="status">
          You are {ordinal(position)} in the queue
        </p>
      )}
      {hands.length === 0 ? (
        <p className="hint">No hands raised.</p>
      ) : (
        <ol className="live-list">
          {hands.map((h) => (
            <li key={h.userId}>
              <span>
                {h.displayName}
                {h.userId === youId && ' (you)'}
              </span>
              {host && (
                <button type="button" className="button button-small" onClick={() => onLower(h.userId)}>
                  {`Lower ${h.displayName}'s hand`}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
