import { useEffect } from 'react';
import { bridge } from './bridge';
import { CreateVault } from './screens/CreateVault';
import { Home } from './screens/Home';
import { Unlock } from './screens/Unlock';
import { refreshVaultState, useVaultStore } from './state/vaultStore';

export function App() {
  const view = useVaultStore((store) => store.view);
  const lockCount = useVaultStore((store) => store.lockCount);
  const problem = useVaultStore((store) => store.problem);

  useEffect(() => {
    let unsubscribe: () => void;
    try {
      // When the main side locks, every screen is dropped with whatever it held.
      unsubscribe = bridge().onLocked((reason) => useVaultStore.getState().locked(reason));
    } catch (error) {
      useVaultStore.getState().unavailable(error instanceof Error ? error.message : String(error));
      return undefined;
    }
    void refreshVaultState();
    return unsubscribe;
  }, []);

  switch (view) {
    case 'checking':
      return (
        <main className="screen" aria-busy="true">
          <p className="status">Opening Sole Notes…</p>
        </main>
      );
    case 'absent':
      return <CreateVault />;
    case 'locked':
      return <Unlock key={lockCount} />;
    case 'unlocked':
      return <Home key={lockCount} />;
    case 'unavailable':
      return (
        <main className="screen">
          <section className="card">
            <h1>Sole Notes cannot open its vault</h1>
            <p className="problem" role="alert">
              {problem}
            </p>
            <button type="button" className="primary" onClick={() => void refreshVaultState()}>
              Try again
            </button>
          </section>
        </main>
      );
  }
}
