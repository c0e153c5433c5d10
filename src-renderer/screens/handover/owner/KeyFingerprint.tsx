/** A key's fingerprint in its 16 groups of 4, easy to read out loud and compare. */
export function KeyFingerprint({ fingerprint, label = 'Fingerprint' }: { fingerprint: string; label?: string }) {
  return (
    <p className="fingerprint" aria-label={`${label}: ${fingerprint}`} data-testid="key-fingerprint">
      {fingerprint.split(' ').map((group, index) => (
        <span key={`${index}-${group}`} className="fingerprint-group">
          {group}
        </span>
      ))}
    </p>
  );
}
