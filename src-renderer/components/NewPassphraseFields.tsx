import { useState } from 'react';
import type { PassphraseStrength } from '../../shared/api/schemas';
import { ConfirmPassphraseField } from './ConfirmPassphraseField';
import { PassphraseMeter, usePassphraseStrength } from './PassphraseMeter';

export interface NewPassphrase {
  passphrase: string;
  setPassphrase: (value: string) => void;
  confirmation: string;
  setConfirmation: (value: string) => void;
  /** The vault's judgement of `passphrase`; null while it is empty or being checked. */
  strength: PassphraseStrength | null;
  /** Something is typed in the confirmation and it differs. */
  mismatch: boolean;
  /** Strong enough and typed the same twice: the form may go ahead. */
  acceptable: boolean;
  clear: () => void;
}

/** A new passphrase typed twice, with the vault's verdict on its strength. */
export function useNewPassphrase(): NewPassphrase {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const strength = usePassphraseStrength(passphrase);
  return {
    passphrase,
    setPassphrase,
    confirmation,
    setConfirmation,
    strength: passphrase === '' ? null : strength,
    mismatch: confirmation !== '' && confirmation !== passphrase,
    acceptable: passphrase !== '' && confirmation === passphrase && strength?.acceptable === true,
    clear() {
      setPassphrase('');
      setConfirmation('');
    },
  };
}

/** The new-passphrase field, its strength meter and the confirmation field, for every form that sets a passphrase. */
export function NewPassphraseFields({
  id,
  state,
  label = 'New passphrase',
  confirmLabel = 'Confirm new passphrase',
  mismatchText,
  mismatchAdvises = false,
  autoFocus = false,
  sideBySide = false,
}: {
  id: string;
  state: NewPassphrase;
  label?: string;
  confirmLabel?: string;
  mismatchText?: string;
  /** The mismatch message as a hint (the form says what is missing elsewhere) rather than a field error. */
  mismatchAdvises?: boolean;
  autoFocus?: boolean;
  /** The two fields side by side, the meter under both: for a dialog that already asks for much. */
  sideBySide?: boolean;
}) {
  const fields = (
    <>
      <div className="field">
        <label htmlFor={`${id}-new`}>{label}</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          autoFocus={autoFocus}
          value={state.passphrase}
          onChange={(event) => state.setPassphrase(event.target.value)}
          aria-describedby={`${id}-strength`}
        />
      </div>
      <PassphraseMeter id={`${id}-strength`} strength={state.strength} pending={state.passphrase !== '' && state.strength == null} />
      <ConfirmPassphraseField
        id={`${id}-confirm`}
        label={confirmLabel}
        value={state.confirmation}
        onChange={state.setConfirmation}
        mismatch={state.mismatch}
        {...(mismatchText === undefined ? {} : { mismatchText })}
        {...(mismatchAdvises ? { messageClassName: 'hint' as const } : {})}
      />
    </>
  );
  return sideBySide ? <div className="passphrase-pair">{fields}</div> : fields;
}
