import { useState } from 'react';
import { call } from '../../../api';
import { useLoad } from '../../../lib/useLoad';
import { HandOverToColleagueDialog } from './HandOverToColleagueDialog';

/**
 * "Hand over to Dana…" where the day starts (Today), once a cover colleague
 * is named: the same one-screen handover as on the Handover screen. Nothing
 * shows while no colleague is named.
 */
export function HandOverButton() {
  const [loaded] = useLoad(() => call('handover.colleague', {}), 'colleague');
  const [open, setOpen] = useState(false);
  // Today works without it: a failure here only hides the button.
  const colleague = loaded.status === 'ready' ? loaded.value : null;
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
