import type { QualitySample } from '@echo-hub/protocol';
import { useId } from 'react';
import { LEVEL_WORDS, qualityDetails } from '../lib/quality';

/**
 * A participant's connection as hosts see it: the level in words, and on hover or keyboard focus the figures
 * behind it (loss, round trip, bitrates), so a facilitator can say "your connection is poor" with evidence.
 */
export function ConnectionBadge({ name, sample }: { name: string; sample: QualitySample | undefined }) {
  const tipId = useId();
  const level = sample?.level ?? 'unknown';
  const details = sample ? qualityDetails(sample) : 'no figures yet';
  const words = `${LEVEL_WORDS[level]} connection${sample?.audioOnly ? ', audio only' : ''}`;
  return (
    <span className="live-connection">
      <span
        className={`live-connection-badge live-connection-${level}`}
        tabIndex={0}
        aria-label={`${name}: ${words}`}
        aria-describedby={tipId}
      >
        {words}
      </span>
      <span role="tooltip" id={tipId} className="live-connection-tip">
        {details}
      </span>
    </span>
  );
}
