import type { CommandOutput } from '../../shared/api/contract';
import { STRENGTH_LABELS } from '../messages';

type Strength = CommandOutput<'vault.passphraseStrength'>;

/** The strength of the passphrase being typed, with the checker's warning and suggestions. */
export function PassphraseMeter({ id, strength }: { id: string; strength: Strength | null }) {
  const score = strength?.score ?? 0;
  return (
    <div className="meter" id={id} aria-live="polite">
      <label htmlFor={`${id}-bar`}>Strength</label>
      <meter id={`${id}-bar`} min={0} max={4} low={2} high={3} optimum={4} value={strength == null ? 0 : score} />
      <span className="meter-label">{strength == null ? '—' : STRENGTH_LABELS[score] ?? ''}</span>
      {strength != null && (strength.warning != null || strength.suggestions.length > 0) && (
        <div className="meter-advice">
          {strength.warning != null && <p className="warning">{strength.warning}</p>}
          {strength.suggestions.length > 0 && (
            <ul>
              {strength.suggestions.map((suggestion) => (
                <li key={suggestion}>{suggestion}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
