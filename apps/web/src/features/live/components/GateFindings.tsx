import type { Finding } from '@echo-hub/deid';

export const sameFinding = (a: Finding, b: Finding) => a.start === b.start && a.end === b.end && a.text === b.text;

interface GateFindingsProps {
  id: string;
  findings: Finding[];
  confirmed: Finding[];
  onConfirm: (finding: Finding) => void;
}

/**
 * What the de-identification scan flags in a text being typed (chat, a poll's free-text answer): each possible
 * identifier, until it is changed or confirmed as identifying nobody (the hub's gate refuses the rest).
 */
export function GateFindings({ id, findings, confirmed, onConfirm }: GateFindingsProps) {
  if (!findings.length) return null;
  return (
    <div id={id} className="live-chat-findings" role="status">
      <p>This may identify a patient. Change it, or confirm it identifies nobody:</p>
      <ul>
        {findings.map((f) => (
          <li key={`${f.start}-${f.end}`}>
            <mark>{f.text}</mark> <span className="hint">({f.reason})</span>{' '}
            {confirmed.some((c) => sameFinding(c, f)) ? (
              <span className="hint">confirmed</span>
            ) : (
              <button type="button" className="button button-small" onClick={() => onConfirm(f)}>
                Not identifying: {f.text}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
