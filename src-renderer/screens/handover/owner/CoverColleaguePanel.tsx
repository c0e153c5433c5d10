import { useState } from 'react';
import type { CoverColleague } from '../../../../shared/api/handoverSchemas';
import { call } from '../../../api';
import { ProblemLine } from '../../../components/ProblemLine';
import { formatLongDate } from '../../../lib/dates';
import { useLoad } from '../../../lib/useLoad';
import { HandOverToColleagueDialog } from './HandOverToColleagueDialog';
import { NameColleagueDialog } from './NameColleagueDialog';

/** The colleague who covers a sudden absence: named once ahead, then "Hand over to Dana" is one step. */
export function CoverColleaguePanel({ onHandedOver }: { onHandedOver: () => void }) {
  const [loaded] = useLoad(() => call('handover.colleague', {}), 'colleague');
  // The colleague as named here, once they have been (the dialog answers with them as saved).
  const [named, setNamed] = useState<CoverColleague | null>(null);
  const [naming, setNaming] = useState(false);
  const [handing, setHanding] = useState(false);

  if (named == null && loaded.status === 'loading') return null;
  if (named == null && loaded.status === 'error') {
    return (
      <ProblemLine message={loaded.message} />
    );
  }
  const colleague = named ?? (loaded.status === 'ready' ? loaded.value : null);
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
          onNamed={(saved) => {
            setNaming(false);
            setNamed(saved);
          }}
        />
      )}
      {handing && colleague != null && <HandOverToColleagueDialog colleague={colleague} onClose={() => setHanding(false)} onCreated={onHandedOver} />}
    </section>
  );
}
