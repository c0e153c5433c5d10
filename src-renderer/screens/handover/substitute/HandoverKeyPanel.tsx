import { useId, useState } from 'react';
import { call, isQuietError, plainError } from '../../../api';
import { KeyIcon } from '../../../components/Icons';
import { CheckCode } from '../../../components/CheckCode';
import { useLoad } from '../../../lib/useLoad';
import { SavedFile } from '../SavedFile';
import { personLabelProblem } from '../../../../shared/api/textRules';
import { ProblemLine } from '../../../components/ProblemLine';

/** The name the save dialog proposes: the worker's name when given, without anything a file name cannot hold. */
export function keyFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = name.replace(/[/\\\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean === '' ? 'handover key' : `handover key of ${clean}`.slice(0, 180);
}

/**
 * This worker's handover key: what a colleague needs to make a package only
 * this worker can open. Its fingerprint to read out, and the key file to give.
 */
export function HandoverKeyPanel() {
  const id = useId();
  const [loaded] = useLoad(() => call('handover.keyInfo', {}), 'handover-key');
  const key = loaded.status === 'ready' ? loaded.value : null;
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveProblem, setProblem] = useState<string | null>(null);
  // Saving waits for the key, so a problem saving and a problem reading it never show together.
  const problem = saveProblem ?? (loaded.status === 'error' ? loaded.message : null);

  async function save() {
    if (saving) return;
    const nameProblem = personLabelProblem(name);
    if (nameProblem != null) {
      setProblem(nameProblem);
      return;
    }
    setSaving(true);
    setProblem(null);
    setNotice(null);
    setSaved(null);
    try {
      const { file } = await call('system.chooseFile', { purpose: 'save-handover-key', suggestedName: keyFileName(name) });
      if (file == null) {
        setNotice('No file chosen, so nothing was saved.');
        return;
      }
      const label = name.trim();
      // The save dialog already asked before naming an existing file: replacing it is the worker's choice.
      const result = await call('handover.exportKey', { file, replace: true, ...(label === '' ? {} : { label }) });
      setSaved(result.path);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="handover-block key-block" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <KeyIcon /> Your handover key
      </h3>
      <p className="hint">
        Give this file to the colleague you will stand in for, so they can hand notes over to you that only you can open. It holds no notes and no
        passphrase. Read them the ten words below so they can check the file is yours.
      </p>
      {key == null && problem == null && <p className="status">Loading your key…</p>}
      {key != null && <CheckCode fingerprint={key.fingerprint} label="Your words" digitsLabel="Your key in digits" />}
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name on the file (optional)</label>
        <input id={`${id}-name`} type="text" autoComplete="name" maxLength={120} value={name} onChange={(event) => setName(event.target.value)} aria-describedby={`${id}-name-hint`} />
        <p className="hint" id={`${id}-name-hint`}>
          Shown to your colleague beside the words.
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void save()} disabled={saving || key == null}>
          {saving ? 'Saving…' : 'Save your handover key…'}
        </button>
      </div>
      {notice != null && <p className="status">{notice}</p>}
      {saved != null && (
        <div role="status">
          <SavedFile path={saved} lead="Your handover key is saved as" />
        </div>
      )}
      <ProblemLine message={problem} />
    </section>
  );
}
