import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { QuickUnlockStatus } from '../../shared/api/quickUnlockSchemas';
import { PIN_MIN_DIGITS, pinProblem } from '../../shared/domain/quickUnlockPin';
import { call, isQuietError, plainError } from '../api';
import { ProblemLine } from '../components/ProblemLine';
import { useLoad } from '../lib/useLoad';
import { useUiStore } from '../state/uiStore';

/** "Unlock with a PIN after a short break": set, change, turn off. The PIN lives only while Sole Notes runs. */
export function QuickUnlockSettings() {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const [loaded] = useLoad(() => call('quickUnlock.status', {}), 'quick-unlock');
  // The status as the last change here answered it, once there was one.
  const [written, setStatus] = useState<QuickUnlockStatus | null>(null);
  const status = written ?? (loaded.status === 'ready' ? loaded.value : null);
  const [editing, setEditing] = useState(false);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [chosenAfterScreenLock, setAfterScreenLock] = useState<boolean | null>(null);
  const afterScreenLock = chosenAfterScreenLock ?? status?.afterScreenLock ?? true;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const wrong = pinProblem(pin);
    if (wrong != null) return setProblem(wrong);
    if (pin !== repeat) return setProblem('The two PINs are not the same. Type the same digits twice.');
    setBusy(true);
    setProblem(null);
    try {
      const value = await call('quickUnlock.set', { pin, afterScreenLock });
      setStatus(value);
      setEditing(false);
      announce('Your PIN is set. After a short break, it unlocks Sole Notes until the end of the working day.');
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setPin('');
      setRepeat('');
      setBusy(false);
    }
  }

  async function turnOff() {
    setProblem(null);
    try {
      setStatus(await call('quickUnlock.clear', {}));
      setEditing(false);
      announce('The PIN is turned off. Sole Notes will ask for your passphrase after every lock.');
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  const until = status?.until != null ? new Date(status.until).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }) : null;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Unlock with a PIN after a short break</h2>
      <p className="hint">
        When Sole Notes locks because you stepped away, a PIN of {PIN_MIN_DIGITS} or more digits opens it again until the end of your working day
        {until != null ? ` (about ${until})` : ''}. After three wrong PINs, when the laptop sleeps, or when Sole Notes is closed, it asks for your passphrase.
        The PIN is kept only while Sole Notes is open.
      </p>
      {status?.pinSet === true && !editing && <p className="status">A PIN is set for today.</p>}
      {status?.passphraseThisRun === false && <p className="status">Unlock with your passphrase first; then you can set a PIN.</p>}
      {status != null && (editing || !status.pinSet) && status.passphraseThisRun && (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-pin`}>{status?.pinSet === true ? 'New PIN' : 'PIN'}</label>
            <input id={`${id}-pin`} type="password" inputMode="numeric" autoComplete="off" className="short-input" value={pin} onChange={(event) => setPin(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-repeat`}>The same PIN again</label>
            <input id={`${id}-repeat`} type="password" inputMode="numeric" autoComplete="off" className="short-input" value={repeat} onChange={(event) => setRepeat(event.target.value)} />
          </div>
          <div className="field">
            <label className="check">
              <input type="checkbox" checked={afterScreenLock} onChange={(event) => setAfterScreenLock(event.target.checked)} />
              <span>Also after the laptop’s screen locks</span>
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy || pin === ''}>
              {status?.pinSet === true ? 'Change PIN' : 'Set PIN'}
            </button>
            {editing && (
              <button type="button" className="quiet" onClick={() => setEditing(false)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
      {status?.pinSet === true && !editing && (
        <div className="form-actions">
          <button type="button" onClick={() => setEditing(true)}>
            Change PIN
          </button>
          <button type="button" className="quiet" onClick={() => void turnOff()}>
            Turn off
          </button>
        </div>
      )}
      <ProblemLine message={problem} />
    </section>
  );
}
