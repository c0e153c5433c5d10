import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CoverColleague, HandoverKeyFileInfo } from '../../../../shared/api/handoverSchemas';
import { substituteNameProblem } from '../../../../shared/api/textRules';
import { call, isQuietError, plainError } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { DialogFormFooter } from '../../../components/DialogFormFooter';
import { KeyIcon } from '../../../components/Icons';
import { CheckCode } from '../../../components/CheckCode';

/**
 * Naming a cover colleague, once, while both are well: open the file they
 * sent, read the ten words together (by phone or in person), and save them
 * as the colleague only when every word matches.
 */
export function NameColleagueDialog({ onClose, onNamed }: { onClose: () => void; onNamed: (colleague: CoverColleague) => void }) {
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  const [key, setKey] = useState<HandoverKeyFileInfo | null>(null);
  const [name, setName] = useState('');
  const [matched, setMatched] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function chooseFile() {
    setProblem(null);
    try {
      const { file } = await call('system.chooseFile', { purpose: 'open-handover-key' });
      if (file == null) return;
      const read = await call('handover.readKeyFile', { file });
      setKey(read);
      setMatched(false);
      if (name.trim() === '' && read.label != null) setName(read.label);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (key == null) return setProblem('First open the file your colleague sent you.');
    const nameProblem = substituteNameProblem(name);
    if (nameProblem != null) return setProblem(nameProblem.replace('substitute', 'colleague'));
    if (!matched) return setProblem('Read the words together first; save only when every word matches.');
    setBusy(true);
    setProblem(null);
    try {
      onNamed(await call('handover.nameColleague', { keyFile: key.path, name: name.trim(), fingerprint: key.fingerprint }));
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  const who = name.trim() === '' ? 'your colleague' : name.trim();
  return (
    <Dialog title="Name your cover colleague" onClose={onClose} initialFocus={first} className="dialog-wide handover-dialog">
      <form onSubmit={(event) => void save(event)} noValidate className="dialog-form" aria-busy={busy}>
        <p className="hint handover-lead">
          The colleague who covers for you if you are suddenly away. Do this once, while you are both well: they save their handover file (under Handover, “Your handover
          key”) and send it to you. Then, on a bad day, you hand over in one step, with nothing more to send them than one file.
        </p>
        <button ref={first} type="button" onClick={() => void chooseFile()} disabled={busy}>
          <KeyIcon />
          <span>{key == null ? 'Open the file they sent…' : 'Open another file…'}</span>
        </button>
        {key != null && (
          <>
            <div className="field">
              <label htmlFor={`${id}-name`}>Their name</label>
              <input id={`${id}-name`} type="text" autoComplete="off" maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />
            </div>
            <p className="hint" id={`${id}-words-hint`}>
              Call {who} or meet in person. They read out the words their Sole Notes shows under “Your handover key”; you follow below. One different word means this is not their
              file: do not save it.
            </p>
            <CheckCode fingerprint={key.fingerprint} label="Their words" digitsLabel="Their key in digits" />
            <label className="check">
              <input type="checkbox" checked={matched} onChange={(event) => setMatched(event.target.checked)} aria-describedby={`${id}-words-hint`} />
              <span>We read all ten words together, and every word matches</span>
            </label>
          </>
        )}
        <DialogFormFooter problem={problem} busy={busy} submitLabel="Save as my cover colleague" busyLabel="Saving…" onCancel={onClose} submitDisabled={key == null} />
      </form>
    </Dialog>
  );
}
