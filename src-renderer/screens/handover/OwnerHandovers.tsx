import { useState } from 'react';
import type { HandbackImportResult, SentHandover } from '../../../shared/api/handoverSchemas';
import { call, isQuietError, plainError } from '../../api';
import { FolderIcon, PlusIcon } from '../../components/Icons';
import { ProblemLine } from '../../components/ProblemLine';
import { todayIso } from '../../lib/dates';
import { useLoad } from '../../lib/useLoad';
import { useUiStore } from '../../state/uiStore';
import { CoverColleaguePanel } from './owner/CoverColleaguePanel';
import { CreateHandoverDialog } from './owner/CreateHandoverDialog';
import { HandbackSummary } from './owner/HandbackSummary';
import { RevokeHandoverDialog } from './owner/RevokeHandoverDialog';
import { SentHandoverList } from './owner/SentHandoverList';

type Importing = { phase: 'idle' } | { phase: 'choosing' } | { phase: 'importing' } | { phase: 'cancelled' } | { phase: 'failed'; message: string };

/** Handing this worker's notes to a temporary substitute, and taking them back. */
export function OwnerHandovers() {
  const announce = useUiStore((store) => store.announce);
  const [sent, reload] = useLoad(() => call('handover.sent', {}), 'sent');
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<SentHandover | null>(null);
  const [importing, setImporting] = useState<Importing>({ phase: 'idle' });
  const [imported, setImported] = useState<HandbackImportResult | null>(null);

  async function importHandback() {
    setImporting({ phase: 'choosing' });
    try {
      const { file } = await call('system.chooseFile', { purpose: 'open-handback' });
      if (file == null) {
        setImporting({ phase: 'cancelled' });
        return;
      }
      setImporting({ phase: 'importing' });
      const result = await call('handover.importHandBack', { file });
      setImporting({ phase: 'idle' });
      setImported(result);
      announce(result.alreadyImported ? 'Already imported: nothing changed.' : `Hand-back from ${result.substitute} imported.`);
      reload();
    } catch (error) {
      if (isQuietError(error)) return;
      setImporting({ phase: 'failed', message: plainError(error) });
    }
  }

  const busy = importing.phase === 'choosing' || importing.phase === 'importing';

  return (
    <section aria-labelledby="owner-handovers-heading" className="panel owner-handovers">
      <div className="owner-head">
        <h2 id="owner-handovers-heading">Hand your notes to a substitute</h2>
        <div className="head-actions">
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            <PlusIcon />
            <span>Make a handover file…</span>
          </button>
          <button type="button" onClick={() => void importHandback()} disabled={busy}>
            <FolderIcon />
            <span>Import a hand-back…</span>
          </button>
        </div>
      </div>
      <p className="hint owner-lead">
        Going on leave? Make a handover file of your notes for the person covering for you, for the days they cover. When you are back, they hand it back and you import it: what they
        wrote joins your notes under their name, and your own text is never overwritten.
      </p>

      <CoverColleaguePanel onHandedOver={reload} />

      <div aria-live="polite">
        {importing.phase === 'choosing' && <p className="status">Choose the hand-back file in the window that opened.</p>}
        {importing.phase === 'importing' && <p className="status">Checking and importing the hand-back…</p>}
        {importing.phase === 'cancelled' && <p className="status">No file chosen, so nothing was imported.</p>}
      </div>
      {importing.phase === 'failed' && <ProblemLine message={importing.message} />}

      <h3 className="sent-title">Handovers you made</h3>
      {sent.status === 'loading' && <p className="status">Loading…</p>}
      {sent.status === 'error' && <ProblemLine message={sent.message} />}
      {sent.status === 'ready' && sent.value.length === 0 && <p className="empty">You have not made a handover file yet.</p>}
      {sent.status === 'ready' && sent.value.length > 0 && <SentHandoverList handovers={sent.value} today={todayIso()} onRevoke={setRevoking} />}

      {creating && <CreateHandoverDialog onClose={() => setCreating(false)} onCreated={reload} />}
      {revoking != null && <RevokeHandoverDialog handover={revoking} onClose={() => setRevoking(null)} onRevoked={reload} />}
      {imported != null && <HandbackSummary result={imported} onClose={() => setImported(null)} />}
    </section>
  );
}
