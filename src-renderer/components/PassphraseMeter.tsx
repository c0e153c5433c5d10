import { useEffect, useState } from 'react';
import type { PassphraseStrength } from '../../shared/api/schemas';
import { call } from '../api';
import { STRENGTH_LABELS } from '../messages';

const STRENGTH_DELAY_MS = 200;

/** Asks the main side how strong a passphrase is, once typing pauses. Null while empty or not yet judged. */
export function usePassphraseStrength(passphrase: string): PassphraseStrength | null {
  const [strength, setStrength] = useState<{ for: string; value: PassphraseStrength } | null>(null);

  useEffect(() => {
    if (passphrase === '') return undefined;
    let current = true;
    const timer = setTimeout(() => {
      call('vault.passphraseStrength', { passphrase })
        .then((value) => {
          if (current) setStrength({ for: passphrase, value });
        })
        .catch(() => undefined);
    }, STRENGTH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase]);

  // A judgement of an earlier passphrase is never shown for the current one.
  return strength != null && strength.for === passphrase ? strength.value : null;
}

/** The strength of the passphrase being typed, with the checker's warning and suggestions. */
export function PassphraseMeter({ id, strength, pending }: { id: string; strength: PassphraseStrength | null; pending: boolean }) {
  const score = strength?.score ?? 0;
  const label = strength == null ? (pending ? 'Checking…' : 'Not entered yet') : (STRENGTH_LABELS[score] ?? '');
  return (
    <div className="meter" id={id}>
      <span className="meter-name" id={`${id}-name`}>
        Strength
      </span>
      <meter aria-labelledby={`${id}-name`} min={0} max={4} low={2} high={3} optimum={4} value={strength == null ? 0 : score} aria-valuetext={label} />
      <span className="meter-label" aria-live="polite">
        {label}
      </span>
      {strength != null && (strength.warning != null || strength.suggestions.length > 0 || !strength.acceptable) && (
        <div className="meter-advice">
          {strength.warning != null && <p className="warning">{strength.warning}</p>}
          {strength.suggestions.length > 0 && (
            <ul>
              {strength.suggestions.map((suggestion) => (
                <li key={suggestion}>{suggestion}</li>
              ))}
            </ul>
          )}
          {!strength.acceptable && strength.warning == null && strength.suggestions.length === 0 && <p className="warning">Make it longer: add another word or two.</p>}
        </div>
      )}
      {strength?.acceptable === true && (
        <p className="meter-ok">
          Strong enough. Make sure you can remember it: no one can reset it for you. Only your recovery key can get you back in.
        </p>
      )}
    </div>
  );
}
