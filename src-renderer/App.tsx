import { lazy, Suspense, useEffect } from 'react';
import { bridge } from './bridge';
import { ProblemLine } from './components/ProblemLine';
import { CreateVault } from './screens/CreateVault';
import { Unlock } from './screens/Unlock';
import { refreshDraftsKept, refreshVaultState, useVaultStore } from './state/vaultStore';

/**
 * Everything behind the lock (the screens, the redaction check and its word
 * lists) is a separate chunk, so the first screen loads small. It is fetched
 * as soon as the first screen is up, so unlocking never waits for it.
 */
const loadShell = () => import('./screens/AppShell');
const AppShell = lazy(() => loadShell().then((module) => ({ default: module.AppShell })));

export function App() {
  const view = useVaultStore((store) => store.view);
  const lockCount = useVaultStore((store) => store.lockCount);
  const problem = useVaultStore((store) => store.problem);

  useEffect(() => {
    let unsubscribe: () => void;
    try {
      // When the main side locks (idle, screen lock, sleep), every store is emptied and every screen dropped.
      unsubscribe = bridge().onLocked((reason) => {
        useVaultStore.getState().locked(reason);
        // The main side has finished locking: ask whether it kept an unfinished note.
        void refreshDraftsKept();
      });
    } catch (error) {
      useVaultStore.getState().unavailable(error instanceof Error ? error.message : String(error));
      return undefined;
    }
    void refreshVaultState();
    void loadShell().catch(() => undefined);
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
      return (
        <Suspense
          fallback={
            <main className="screen" aria-busy="true">
              <p className="status">Opening your notes…</p>
            </main>
          }
        >
          <AppShell key={lockCount} />
        </Suspense>
      );
    case 'unavailable':
      return (
        <main className="screen">
          <section className="card">
            <h1>Sole Notes cannot open your notes</h1>
            <ProblemLine message={problem} />
            <button type="button" className="primary" onClick={() => void refreshVaultState()}>
              Try again
            </button>
          </section>
        </main>
      );
  }
}
