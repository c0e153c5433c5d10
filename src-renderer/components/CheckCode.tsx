import type { ReactNode } from 'react';
import { wordCheck } from '../../shared/domain/wordCheck';

/**
 * A check code, in one layout wherever one is shown: a grid to read aloud
 * and compare with the screen of the person on the other end.
 *
 * - `words` (the handover key's check): ten numbered words, two rows of
 *   five; the 16 groups of digits they come from stay behind "Details" for
 *   the district's IT person.
 * - `groups` (a report's check code, which the district checks with its own
 *   tools in digits): the 16 groups of 4, in the same grid.
 *
 * `details` adds to what the "Details" disclosure holds.
 */
export function CheckCode({
  fingerprint,
  label,
  show = 'words',
  digitsLabel = 'In digits',
  details,
}: {
  fingerprint: string;
  /** What a screen reader says before the code: "Their words", "Check code". */
  label: string;
  show?: 'words' | 'groups';
  digitsLabel?: string;
  details?: ReactNode;
}) {
  const groups = fingerprint.split(' ');
  const digits = (
    <p className="check-code check-code-groups fingerprint" aria-label={`${show === 'words' ? digitsLabel : label}: ${fingerprint}`} data-testid="key-fingerprint">
      {groups.map((group, index) => (
        <span key={`${index}-${group}`} className="fingerprint-group">
          {group}
        </span>
      ))}
    </p>
  );
  if (show === 'groups') {
    return (
      <>
        {digits}
        {details}
      </>
    );
  }
  const words = wordCheck(fingerprint);
  return (
    <div className="word-check">
      <ol className="check-code check-code-words word-check-words" aria-label={`${label}: ${words.join(' ')}`} data-testid="word-check">
        {words.map((word, index) => (
          <li key={`${index}-${word}`}>{word}</li>
        ))}
      </ol>
      <details className="word-check-details">
        <summary>Details</summary>
        {digits}
        {details}
      </details>
    </div>
  );
}
