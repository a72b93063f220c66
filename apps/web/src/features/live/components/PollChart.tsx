import type { PollResults, PollView } from '@echo-hub/protocol';
import { useId } from 'react';
import { answerCount, barValue, correctText, pollBars } from '../../polls';

/**
 * A poll's results as a bar chart read as text: each option with its count and share (the bar only draws it),
 * the correct options of a knowledge check marked, free-text answers listed, named polls' names under each bar.
 */
export function PollChart({ poll, results }: { poll: PollView; results: PollResults }) {
  const titleId = useId();
  const correct = correctText(results);
  return (
    <figure className="live-poll-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        Results: {answerCount(poll.answers)}
        {correct && <strong className="live-poll-correct">{` · ${correct}`}</strong>}
      </figcaption>
      {poll.kind === 'text' ? (
        <ul className="live-poll-texts">
          {results.texts.map((t, i) => (
            <li key={i}>
              {t.text}
              {t.displayName && <span className="hint"> — {t.displayName}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="live-poll-bars">
          {pollBars(poll, results).map((bar, i) => (
            <li key={i} className={bar.correct ? 'is-correct' : undefined}>
              <span className="live-poll-bar-label">
                {bar.label}
                {bar.correct && <span className="live-poll-correct"> ✓ correct</span>}
              </span>
              <span className="live-poll-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(bar.share * 100)}%` }} />
              </span>
              <span className="live-poll-bar-value">{barValue(bar)}</span>
              {bar.names && bar.names.length > 0 && (
                <span className="hint live-poll-names">{bar.names.join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
