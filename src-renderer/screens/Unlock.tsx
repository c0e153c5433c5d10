import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { call, CallError, isQuietError, plainError } from '../api';
import { LockIcon, ShieldIcon } from '../components/Icons';
import { NewPassphraseFields, useNewPassphrase } from '../components/NewPassphraseFields';
import { ProblemLine } from '../components/ProblemLine';
import { PauseAnnouncer, PauseNotice } from '../components/UnlockPause';
import { lockReasonMessage } from '../messages';
import { useUnlockCountdown, useUnlockDelayStore } from '../state/unlockDelayStore';
import { refreshVaultState, useVaultStore } from '../state/vaultStore';
import { damageFrom, DamagedVault, type Damage } from './backups/DamagedVault';

/** The locked vault: the PIN after a short break (when one is waiting), the passphrase, or the recovery key and a new passphrase. */
export function Unlock() {
  const [mode, setMode] = useState<'pin' | 'passphrase' | 'recovery'>('passphrase');
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Only whether a PIN may unlock now: nothing secret crosses. The passphrase shows until the answer (a moment).
    call('quickUnlock.status', {}).then(
      (status) => {
        if (live && status.available) setMode((current) => (current === 'passphrase' ? 'pin' : current));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (mode === 'pin') {
    return (
      <PinUnlock
        onPassphrase={(said) => {
          setNotice(said);
          setMode('passphrase');
        }}
      />
    );
  }
  return mode === 'passphrase' ? <PassphraseUnlock notice={notice} onForgot={() => setMode('recovery')} /> : <RecoveryUnlock onBack={() => setMode('passphrase')} />;
}

/** The PIN field first; "Use passphrase instead" and the end of the PIN (three wrong, end of the day) lead to the passphrase. */
function PinUnlock({ onPassphrase }: { onPassphrase: (notice: string | null) => void }) {
  const id = useId();
  const setView = useVaultStore((store) => store.setView);
  const input = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pin === '' || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('vault.unlockWithPin', { pin });
      setView('unlocked');
    } catch (error) {
      if (isQuietError(error)) return;
      if (error instanceof CallError && error.code === 'PIN_EXPIRED') {
        onPassphrase(plainError(error));
        return;
      }
      setProblem(plainError(error));
    } finally {
      setPin('');
      setBusy(false);
      input.current?.focus();
    }
  }

  return (
    <main className="screen">
      <section className="card" aria-labelledby={`${id}-title`}>
        <LockedHeader id={id} />
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-pin`}>PIN</label>
            <input
              id={`${id}-pin`}
              ref={input}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              value={pin}
              onChange={(event) => setPin(event.target.value)}
              aria-invalid={problem != null}
              aria-describedby={problem != null ? `${id}-problem` : undefined}
            />
          </div>
          <ProblemLine id={`${id}-problem`} message={problem} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={pin === '' || busy}>
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
          </div>
        </form>
        <p className="forgot">
          <button type="button" className="link" onClick={() => onPassphrase(null)}>
            Use passphrase instead
          </button>
        </p>
      </section>
    </main>
  );
}

function LockedHeader({ id }: { id: string }) {
  const lockReason = useVaultStore((store) => store.lockReason);
  const lockWarning = useVaultStore((store) => store.lockWarning);
  const lockNotice = useVaultStore((store) => store.lockNotice);
  const draftsKept = useVaultStore((store) => store.draftsKept);
  const kept = draftsKept === 0 ? '' : draftsKept === 1 ? ' Your unfinished note was kept.' : ` Your ${draftsKept} unfinished notes were kept.`;
  return (
    <>
      <p className="brand brand-large">
        <ShieldIcon className="brand-icon" />
        <span>Sole Notes</span>
      </p>
      <h1 id={`${id}-title`}>Sole Notes is locked</h1>
      {lockNotice != null ? (
        <p className="status lock-reason">
          <LockIcon />
          <span>{lockNotice}</span>
        </p>
      ) : lockReason != null && (
        <p className="status lock-reason">
          <LockIcon />
          <span>
            {lockReasonMessage(lockReason)}
            {kept} Your notes are safe; unlock to carry on.
          </span>
        </p>
      )}
      <ProblemLine message={lockWarning} />
    </>
  );
}

function PassphraseUnlock({ onForgot, notice }: { onForgot: () => void; notice?: string | null }) {
  const id = useId();
  const setView = useVaultStore((store) => store.setView);
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [damage, setDamage] = useState<Damage | null>(null);
  // After too many wrong passphrases: the seconds still to wait. The field stays typeable; Unlock waits.
  const pause = useUnlockCountdown();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (passphrase === '' || busy || pause > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('vault.unlock', { passphrase });
      setPassphrase('');
      useUnlockDelayStore.getState().clear();
      setView('unlocked');
    } catch (error) {
      if (isQuietError(error)) return;
      if (error instanceof CallError && error.code === 'TOO_MANY_ATTEMPTS') {
        useUnlockDelayStore.getState().start(error.details.retryAfterSeconds ?? 1);
        return;
      }
      const damaged = damageFrom(error);
      if (damaged != null) {
        setPassphrase('');
        setDamage(damaged);
        // The whole vault gone (not just its database): the first-run screen takes over.
        if (damaged.code === 'VAULT_NOT_FOUND') await refreshVaultState();
        return;
      }
      setProblem(plainError(error));
      if (error instanceof CallError && error.code === 'VAULT_NOT_FOUND') await refreshVaultState();
      if (error instanceof CallError && error.code === 'WRONG_PASSPHRASE') {
        // This wrong try started a pause: count it down now, not after the next try is refused.
        if (error.details.retryAfterSeconds !== undefined) useUnlockDelayStore.getState().start(error.details.retryAfterSeconds);
        input.current?.select();
      }
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  if (damage != null) return <DamagedVault damage={damage} onBack={() => setDamage(null)} />;

  const describedBy = [problem != null ? `${id}-problem` : null, pause > 0 ? `${id}-pause` : null].filter((part) => part != null).join(' ');

  return (
    <main className="screen">
      <section className="card" aria-labelledby={`${id}-title`}>
        <LockedHeader id={id} />
        {notice != null && <p className="status">{notice}</p>}
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-passphrase`}>Passphrase</label>
            <input
              id={`${id}-passphrase`}
              ref={input}
              type="password"
              autoComplete="current-password"
              spellCheck={false}
              autoFocus
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              aria-invalid={problem != null}
              aria-describedby={describedBy === '' ? undefined : describedBy}
            />
          </div>
          <ProblemLine id={`${id}-problem`} message={problem} />
          <PauseNotice id={`${id}-pause`} seconds={pause} />
          <PauseAnnouncer />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={passphrase === '' || busy || pause > 0}>
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
          </div>
          {busy && <p className="hint">This takes a moment.</p>}
        </form>
        <p className="forgot">
          <button type="button" className="link" onClick={onForgot}>
            Forgot your passphrase? Use your recovery key
          </button>
        </p>
      </section>
    </main>
  );
}

function RecoveryUnlock({ onBack }: { onBack: () => void }) {
  const id = useId();
  const setView = useVaultStore((store) => store.setView);
  const keyInput = useRef<HTMLInputElement>(null);
  const [recoveryKey, setRecoveryKey] = useState('');
  const newPassphrase = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [damage, setDamage] = useState<Damage | null>(null);
  const ready = recoveryKey.trim() !== '' && newPassphrase.acceptable && !busy;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('vault.unlockWithRecovery', { recoveryKey, newPassphrase: newPassphrase.passphrase });
      setRecoveryKey('');
      newPassphrase.clear();
      useUnlockDelayStore.getState().clear();
      setView('unlocked');
    } catch (error) {
      if (isQuietError(error)) return;
      const damaged = damageFrom(error);
      if (damaged != null) {
        setDamage(damaged);
        return;
      }
      setProblem(plainError(error));
      if (error instanceof CallError && error.code === 'WRONG_RECOVERY_KEY') keyInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  if (damage != null) return <DamagedVault damage={damage} onBack={() => setDamage(null)} />;

  return (
    <main className="screen">
      <section className="card card-wide" aria-labelledby={`${id}-title`}>
        <p className="brand brand-large">
          <ShieldIcon className="brand-icon" />
          <span>Sole Notes</span>
        </p>
        <h1 id={`${id}-title`}>Unlock with your recovery key</h1>
        <p>Type the recovery key you kept when you set up Sole Notes, then choose a new passphrase. Your notes stay as they are.</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-key`}>Recovery key</label>
            <input
              id={`${id}-key`}
              ref={keyInput}
              className="mono"
              type="text"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={recoveryKey}
              onChange={(event) => setRecoveryKey(event.target.value)}
              aria-describedby={`${id}-key-hint`}
              aria-invalid={problem != null && /recovery key/i.test(problem)}
            />
            <p className="hint" id={`${id}-key-hint`}>
              8 groups of 5 letters and digits. Dashes, spaces and capitals do not matter.
            </p>
          </div>
          <NewPassphraseFields id={id} state={newPassphrase} />
          <ProblemLine message={problem} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!ready}>
              {busy ? 'Unlocking…' : 'Unlock with recovery key'}
            </button>
            <button type="button" className="quiet" onClick={onBack}>
              Back to passphrase
            </button>
          </div>
          {busy && <p className="hint">This takes a moment.</p>}
        </form>
      </section>
    </main>
  );
}
