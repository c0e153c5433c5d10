import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { CommandOutput } from '../../shared/api/contract';
import { bridge } from '../bridge';
import { errorMessage } from '../messages';
import { refreshVaultState } from '../state/vaultStore';
import { PassphraseMeter } from './PassphraseMeter';

type Strength = CommandOutput<'vault.passphraseStrength'>;

const STRENGTH_DELAY_MS = 250;

/** First run: what Sole Notes is, a passphrase, then the recovery key shown once. */
export function CreateVault() {
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  if (recoveryKey != null) return <RecoveryKey recoveryKey={recoveryKey} />;
  return <ChoosePassphrase onCreated={setRecoveryKey} />;
}

function ChoosePassphrase({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Ask the main side how strong the passphrase is, once typing pauses.
  useEffect(() => {
    if (passphrase === '') {
      setStrength(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      bridge()
        .invoke('vault.passphraseStrength', { passphrase })
        .then((result) => {
          if (current && result.ok) setStrength(result.value);
        })
        .catch(() => undefined);
    }, STRENGTH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase]);

  const mismatch = confirmation !== '' && confirmation !== passphrase;
  const ready = passphrase !== '' && confirmation === passphrase && strength?.acceptable === true && !busy;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await bridge().invoke('vault.create', { passphrase });
      if (result.ok) {
        setPassphrase('');
        setConfirmation('');
        onCreated(result.value.recoveryKey);
      } else {
        setProblem(errorMessage(result.error));
      }
    } catch {
      setProblem('Sole Notes could not reach its vault.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen">
      <section className="card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Welcome to Sole Notes</h1>
        <p>
          Sole Notes keeps your personal notes — memory aids for your own use — in an encrypted vault on this laptop.
          Everything stays on this laptop: there is no account and no cloud, and nothing leaves unless you export it
          yourself.
        </p>
        <p>Choose a passphrase for the vault. A few unrelated words are easier to remember than a short password and harder to guess.</p>

        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-passphrase`}>Passphrase</label>
            <input
              id={`${id}-passphrase`}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              autoFocus
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              aria-describedby={`${id}-strength`}
            />
          </div>
          <PassphraseMeter id={`${id}-strength`} strength={strength} />
          <div className="field">
            <label htmlFor={`${id}-confirmation`}>Type it again</label>
            <input
              id={`${id}-confirmation`}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
              aria-invalid={mismatch}
              aria-describedby={mismatch ? `${id}-mismatch` : undefined}
            />
            {mismatch && (
              <p className="hint" id={`${id}-mismatch`}>
                The two passphrases are not the same yet.
              </p>
            )}
          </div>
          {problem != null && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={!ready}>
            {busy ? 'Creating the vault…' : 'Create the vault'}
          </button>
          {busy && <p className="hint">This takes a moment: the key is made deliberately slow to guess.</p>}
        </form>
      </section>
    </main>
  );
}

function RecoveryKey({ recoveryKey }: { recoveryKey: string }) {
  const id = useId();
  return (
    <main className="screen">
      <section className="card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Your recovery key</h1>
        <p>
          If you ever forget your passphrase, this key is the only way back into your notes. Write it on paper and keep
          it somewhere safe, away from this laptop. It will not be shown again.
        </p>
        <p className="recovery-key" aria-label="Recovery key">
          <code>{recoveryKey}</code>
        </p>
        <button type="button" className="primary" autoFocus onClick={() => void refreshVaultState()}>
          I have written it down
        </button>
      </section>
    </main>
  );
}
