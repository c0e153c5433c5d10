import { useEffect, useState } from 'react';
import type { CoverColleague } from '../../../../shared/api/handoverSchemas';
import { call } from '../../../api';
import { HandOverToColleagueDialog } from './HandOverToColleagueDialog';

/**
 * "Hand over to Dana…" where the day starts (Today), once a cover colleague
 * is named: the same one-screen handover as on the Handover screen. Nothing
 * shows while no colleague is named.
 */
export function HandOverButton() {
  const [colleague, setColleague] = useState<CoverColleague | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let current = true;
    call('handover.colleague', {})
      .then((found) => {
        if (current) setColleague(found);
      })
      // Today works without it: a failure here only hides the button.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  if (colleague == null) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Hand over to {colleague.name}…
      </button>
      {open && <HandOverToColleagueDialog colleague={colleague} onClose={() => setOpen(false)} onCreated={() => undefined} />}
    </>
  );
}
