import { useCallback, useEffect, useState } from 'react';
import type { CoverColleague } from '../../../../shared/api/handoverSchemas';
import { call, isQuietError, plainError } from '../../../api';
import { formatLongDate } from '../../../lib/dates';
import { HandOverToColleagueDialog } from './HandOverToColleagueDialog';
import { NameColleagueDialog } from './NameColleagueDialog';

type State = { status: 'loading' } | { status: 'ready'; colleague: CoverColleague | null } | { status: 'error'; message: string };

/** The colleague who covers a sudden absence: named once ahead, then "Hand over to Dana" is one step. */
export function CoverColleaguePanel({ onHandedOver }: { onHandedOver: () => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [naming, setNaming] = useState(false);
  const [handing, setHanding] = useState(false);

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', colleague: await call('handover.colleague', {}) });
    } catch (error) {
      if (!isQuietError(error)) setState({ status: 'error', message: plainError(error) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <p className="problem" role="alert">
        {state.message}
      </p>
    );
  }
  const colleague = state.colleague;
  return (
    <section className="cover-colleague" aria-labelledby="cover-colleague-heading">
      <h3 id="cover-colleague-heading">Your cover colleague</h3>
      {colleague == null ? (
        <p className="hint">Name the colleague who covers for you if you are suddenly ill. Then handing over takes a minute: one screen, one file, nothing else to send.</p>
      ) : (
        <p>
          <strong>{colleague.name}</strong> — words checked on {formatLongDate(colleague.checkedAt.slice(0, 10))}.
        </p>
      )}
      <div className="head-actions">
        {colleague != null && (
          <button type="button" className="primary" onClick={() => setHanding(true)}>
            Hand over to {colleague.name}…
          </button>
        )}
        <button type="button" onClick={() => setNaming(true)}>
          {colleague == null ? 'Name a cover colleague…' : 'Change…'}
        </button>
      </div>
      {naming && (
        <NameColleagueDialog
          onClose={() => setNaming(false)}
          onNamed={(named) => {
            setNaming(false);
            setState({ status: 'ready', colleague: named });
          }}
        />
      )}
      {handing && colleague != null && <HandOverToColleagueDialog colleague={colleague} onClose={() => setHanding(false)} onCreated={onHandedOver} />}
    </section>
  );
}
