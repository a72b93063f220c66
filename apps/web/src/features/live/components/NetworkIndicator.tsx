import { LEVEL_WORDS, qualityDetails } from '../lib/quality';
import type { NetworkQuality } from '../lib/stats';

const BARS = { good: 3, fair: 2, poor: 1, unknown: 0 } as const;

function describe(q: NetworkQuality): string {
  if (q.level === 'unknown') return 'Network quality: measuring';
  const details = qualityDetails(q);
  return `Network quality: ${q.level}${details ? ` (${details})` : ''}`;
}

/** Good/fair/poor bars from the transports' stats (loss, round trip, available bandwidth). */
export function NetworkIndicator({ quality }: { quality: NetworkQuality }) {
  const label = describe(quality);
  return (
    <span className={`live-network live-network-${quality.level}`} role="img" aria-label={label} title={label}>
      {[1, 2, 3].map((bar) => (
        <span key={bar} className={bar <= BARS[quality.level] ? 'live-bar is-on' : 'live-bar'} />
      ))}
      {quality.level === 'poor' && <span className="live-network-word">{LEVEL_WORDS.poor}</span>}
    </span>
  );
}
