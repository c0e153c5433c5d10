import { useId } from 'react';
import { call } from '../../api';
import { ProblemLine } from '../../components/ProblemLine';
import { useLoad } from '../../lib/useLoad';
import { HandoverKeyPanel } from './substitute/HandoverKeyPanel';
import { OpenPackagePanel } from './substitute/OpenPackagePanel';
import { ReceivedList } from './substitute/ReceivedList';

/**
 * Packages other workers handed to this worker as their temporary
 * substitute: the key to give them first, opening a package they gave, and
 * the packages opened here.
 */
export function ReceivedHandovers() {
  const id = useId();
  const [loaded] = useLoad(() => call('handover.received', {}), 'received');
  const received = loaded.status === 'ready' ? loaded.value : null;
  const problem = loaded.status === 'error' ? loaded.message : null;

  return (
    <section aria-labelledby="received-handovers-heading" className="panel received-handovers">
      <h2 id="received-handovers-heading">Notes handed to you</h2>
      <p className="hint received-intro">
        When you stand in for a colleague, their notes come to you in a handover file. They stay apart from your own notes, and every note you open is recorded
        for them.
      </p>
      <div className="received-grid">
        <HandoverKeyPanel />
        <OpenPackagePanel received={received ?? []} />
      </div>
      <section className="handover-block received-block" aria-labelledby={`${id}-list`}>
        <h3 id={`${id}-list`}>Handovers you have opened</h3>
        {received == null && problem == null && <p className="status">Loading…</p>}
        <ProblemLine message={problem} />
        {received != null && <ReceivedList received={received} titleId={`${id}-list`} />}
      </section>
    </section>
  );
}
