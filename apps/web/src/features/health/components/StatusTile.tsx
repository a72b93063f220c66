interface StatusTileProps {
  label: string;
  value: string;
  good: boolean;
}

/** A coloured tile with a dot, so state reads at a glance (and as text for screen readers). */
export function StatusTile({ label, value, good }: StatusTileProps) {
  return (
    <div className={`tile ${good ? 'tile-good' : 'tile-bad'}`} aria-label={`${label}: ${value}`}>
      <span className="dot" aria-hidden="true" />
      <span className="tile-label">{label}</span>
      <strong className="tile-value">{value}</strong>
    </div>
  );
}
