import { useId, useState } from 'react';
import { bridge } from '../bridge';
import { errorMessage } from '../messages';
import { useVaultStore } from '../state/vaultStore';

/** Placeholder until the notes, caseload and service log screens exist. */
export function Home() {
  const id = useId();
  const locked = useVaultStore((store) => store.locked);
  const [problem, setProblem] = useState<string | null>(null);

  async function lock() {
    setProblem(null);
    try {
      const result = await bridge().invoke('vault.lock', {});
      if (result.ok) locked('user');
      else setProblem(errorMessage(result.error));
    } catch {
      setProblem('Sole Notes could not reach its vault.');
    }
  }

  return (
    <main className="screen">
      <section className="card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Sole Notes</h1>
        <p>Your vault is open. Notes, caseload and service log arrive here.</p>
        {problem != null && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="button" className="primary" onClick={() => void lock()}>
          Lock
        </button>
      </section>
    </main>
  );
}
