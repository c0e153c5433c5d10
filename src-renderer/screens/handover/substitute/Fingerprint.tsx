/** A key's fingerprint in its 16 groups of 4, to read out or compare group by group. */
export function Fingerprint({ value, label = 'Fingerprint', compact = false }: { value: string; label?: string; compact?: boolean }) {
  return (
    <p className={compact ? 'fingerprint fingerprint-compact' : 'fingerprint'} aria-label={`${label}: ${value}`}>
      {value.split(' ').map((group, index) => (
        <span key={`${index}-${group}`} className="fingerprint-group">
          {group}
        </span>
      ))}
    </p>
  );
}
