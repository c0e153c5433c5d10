import { wordCheck } from '../../../shared/domain/wordCheck';
import { KeyFingerprint } from './owner/KeyFingerprint';

/**
 * The word check: ten words to read aloud, the same on both computers when
 * the key that arrived is the one that was sent. The 16 groups of digits
 * they come from stay behind "Details" for whoever wants them.
 */
export function WordCheck({ fingerprint, label, digitsLabel }: { fingerprint: string; label: string; digitsLabel: string }) {
  const words = wordCheck(fingerprint);
  return (
    <div className="word-check">
      <ol className="word-check-words" aria-label={`${label}: ${words.join(' ')}`} data-testid="word-check">
        {words.map((word, index) => (
          <li key={`${index}-${word}`}>{word}</li>
        ))}
      </ol>
      <details className="word-check-details">
        <summary>Details</summary>
        <KeyFingerprint fingerprint={fingerprint} label={digitsLabel} />
      </details>
    </div>
  );
}
