import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { bridge } from '../bridge';
import { errorMessage, lockReasonMessage } from '../messages';
import { refreshVaultState, useVaultStore } from '../state/vaultStore';

export function Unlock() {
  const id = useId();
  const lockReason = useVaultStore((store) => store.lockReason);
  const setView = useVaultStore((store) => store.setView);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (passphrase === '' || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await bridge().invoke('vault.unlock', { passphrase });
      if (result.ok) {
        setPassphrase('');
        setView('unlocked');
        return;
      }
      setProblem(errorMessage(result.error));
      if (result.error.code === 'VAULT_NOT_FOUND') await refreshVaultState();
    } catch {
      setProblem('Sole Notes could not reach its vault.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen">
      <section className="card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Sole Notes is locked</h1>
        {lockReason != null && <p className="status">{lockReasonMessage(lockReason)}</p>}
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-passphrase`}>Passphrase</label>
            <input
              id={`${id}-passphrase`}
              type="password"
              autoComplete="current-password"
              spellCheck={false}
              autoFocus
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              aria-invalid={problem != null}
              aria-describedby={problem != null ? `${id}-problem` : undefined}
            />
          </div>
          {problem != null && (
            <p className="problem" id={`${id}-problem`} role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={passphrase === '' || busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </form>
      </section>
    </main>
  );
}
