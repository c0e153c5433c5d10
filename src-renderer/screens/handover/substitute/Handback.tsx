import { useId, useState } from 'react';
import type { HandbackResult, ReceivedHandover } from '../../../../shared/api/handoverSchemas';
import { call, isQuietError, plainError } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CheckIcon } from '../../../components/Icons';
import { useUiStore } from '../../../state/uiStore';
import { countOf } from '../owner/ownerWords';
import { keyFileName } from './HandoverKeyPanel';
import { usePackageStore } from '../../../state/packageStore';
import { SavedFile } from '../SavedFile';

/**
 * The name the save dialog proposes for the hand-back: to whom, and the
 * package's dates, so that two handovers from the same colleague are not
 * offered the same name. (The main side never writes over a hand-back.)
 */
export function handbackFileName(info: ReceivedHandover | null): string {
  const name = info?.ownerName == null ? '' : keyFileName(info.ownerName).replace(/^handover key of /, '');
  const to = name === '' || name === 'handover key' ? 'hand-back' : `hand-back to ${name}`;
  return info == null ? to : `${to} (${info.validFrom} to ${info.validUntil})`;
}

/**
 * Handing the package back: says what the file holds and what happens to
 * the copy here, then asks where to save it. Only the owner can open the
 * file; once it is saved, the package's copy on this laptop is deleted.
 */
export function HandbackDialog({ packageId, info, onClose }: { packageId: string; info: ReceivedHandover | null; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const owner = info?.ownerName ?? 'the owner';

  async function handback() {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    setProblem(null);
    try {
      const { file } = await call('system.chooseFile', { purpose: 'save-handback', suggestedName: handbackFileName(info) });
      if (file == null) {
        setNotice('No file chosen, so nothing was saved and the notes stay here.');
        return;
      }
      // The save dialog already asked before naming an existing file: replacing it is the worker's choice (never another hand-back).
      const result = await call('handover.handBack', { packageId, file, replace: true });
      usePackageStore.getState().handedBack(result);
      onClose();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={`Hand these notes back to ${owner}?`}
      role="dialog"
      className="dialog-wide"
      confirmLabel="Save the hand-back file…"
      busyLabel="Saving…"
      cancelLabel="Not now"
      busy={busy}
      notice={notice}
      error={problem}
      onConfirm={() => void handback()}
      onCancel={onClose}
    >
      <p>Sole Notes saves a hand-back file that only {owner} can open. It holds:</p>
      <ul className="handback-contents">
        <li>the notes you wrote and the changes you made,</li>
        <li>the services you logged,</li>
        <li>the access log: every time these notes were opened here.</li>
      </ul>
      <p>
        Give the file to {owner}. Once it is saved, the copy of these notes on this laptop is deleted, and that is recorded. You will not be able to open them again.
      </p>
    </ConfirmDialog>
  );
}

/** After the hand-back: where the file is, what went into it, and that the copy here is gone. */
export function HandbackDone({ result, info }: { result: HandbackResult; info: ReceivedHandover | null }) {
  const id = useId();
  const navigate = useUiStore((store) => store.navigate);
  const owner = info?.ownerName ?? 'the owner';
  return (
    <section className="panel handback-result" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <CheckIcon className="ok-icon" /> Handed back
      </h2>
      <p>The hand-back file is saved. Give it to {owner}: only they can open it.</p>
      <SavedFile path={result.path} className="hint" />
      <ul className="handback-counts" aria-label="What the file holds">
        <li>{countOf(result.newNotes, 'note written', 'notes written')}</li>
        <li>{countOf(result.changedNotes, 'note changed', 'notes changed')}</li>
        <li>{countOf(result.newServices, 'service logged', 'services logged')}</li>
        <li>{countOf(result.accessLogEntries, 'entry in the access log', 'entries in the access log')}</li>
      </ul>
      <p>The copy of these notes on this laptop was deleted, and that was recorded.</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => navigate({ name: 'handover' })}>
          Back to Handover
        </button>
      </div>
    </section>
  );
}
