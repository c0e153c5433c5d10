import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CommandInput, CommandOutput } from '../../../shared/api/contract';
import { call, CallError, isQuietError, plainError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { NewPassphraseFields, useNewPassphrase } from '../../components/NewPassphraseFields';
import { ProblemLine } from '../../components/ProblemLine';
import { PauseAnnouncer, PauseNotice } from '../../components/UnlockPause';
import { onBackupWhen } from '../../lib/backupWords';
import { useUnlockCountdown, useUnlockDelayStore } from '../../state/unlockDelayStore';

/**
 * Where the worker stands when restoring, which decides what the dialog says:
 * 'unlocked' (from Settings), 'locked' (the vault does not open), 'damaged'
 * (the unlock found the vault damaged), 'new-laptop' (no vault here yet).
 */
export type RestoreSituation = 'unlocked' | 'locked' | 'damaged' | 'new-laptop';

export interface RestoreTarget {
  id: string;
  createdAt: string;
  /** A backup of the vault in this folder; null when that cannot be told (no vault here, or its keys file is damaged). */
  sameVault: boolean | null;
  /** The folder holding it, when it is not the backup folder in the settings (a USB drive). */
  folder?: string;
}

export type RestoreMethod = 'open-vault' | 'passphrase' | 'recovery';

/**
 * Restoring one backup: says plainly what happens (the backup is checked
 * first; the vault now in use is set aside, not deleted, until the worker
 * keeps the restored one), asks for the passphrase of the time of the backup
 * or the recovery key when the backup needs one (with the recovery key, also
 * the passphrase from now on), then restores.
 */
export function RestoreDialog({
  target,
  situation,
  onClose,
  onRestored,
}: {
  target: RestoreTarget;
  situation: RestoreSituation;
  onClose: () => void;
  onRestored: (result: CommandOutput<'backups.restore'>, method: RestoreMethod) => void;
}) {
  const id = useId();
  const secretInput = useRef<HTMLInputElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // While unlocked, the open vault's own key opens a backup of the same vault; anything else needs a secret.
  const needsSecret = !(situation === 'unlocked' && target.sameVault === true);
  const [method, setMethod] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  // The recovery key stands in for a forgotten passphrase, so a new one is chosen with it (as when unlocking with it).
  const newPassphrase = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pause = useUnlockCountdown();
  const paused = needsSecret && method === 'passphrase' && pause > 0;
  const when = onBackupWhen(target.createdAt);
  const withRecoveryKey = needsSecret && method === 'recovery';
  const ready = !busy && !paused && (!needsSecret || secret.trim() !== '') && (!withRecoveryKey || newPassphrase.acceptable);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setProblem(null);
    const input: CommandInput<'backups.restore'> = { id: target.id };
    if (target.folder !== undefined) input.folder = target.folder;
    if (needsSecret && method === 'passphrase') input.passphrase = secret;
    if (withRecoveryKey) {
      input.recoveryKey = secret;
      input.newPassphrase = newPassphrase.passphrase;
    }
    try {
      const result = await call('backups.restore', input);
      setSecret('');
      newPassphrase.clear();
      useUnlockDelayStore.getState().clear();
      onRestored(result, needsSecret ? method : 'open-vault');
    } catch (error) {
      setBusy(false);
      if (isQuietError(error)) return;
      if (error instanceof CallError && error.code === 'TOO_MANY_ATTEMPTS') {
        useUnlockDelayStore.getState().start(error.details.retryAfterSeconds ?? 1);
      } else if (error instanceof CallError && error.code === 'WRONG_PASSPHRASE') {
        setProblem(`That passphrase does not open this backup. Use the passphrase you had ${when}, or the recovery key.`);
        if (error.details.retryAfterSeconds !== undefined) useUnlockDelayStore.getState().start(error.details.retryAfterSeconds);
        secretInput.current?.select();
      } else {
        setProblem(plainError(error));
      }
      secretInput.current?.focus();
    }
  }

  const setAside =
    situation === 'new-laptop'
      ? 'There are no notes on this laptop yet, so nothing here is replaced.'
      : situation === 'damaged'
        ? 'The damaged notes are set aside, not deleted, in case they are needed.'
        : 'Your notes as they are now are set aside, not deleted.';

  return (
    <Dialog
      title={`Restore the backup made ${when}?`}
      onClose={() => {
        if (!busy) onClose();
      }}
      dismissable={!busy}
      initialFocus={needsSecret ? secretInput : cancel}
      className="dialog-wide restore-dialog"
      description={
        <ol className="restore-steps">
          <li>Sole Notes first checks the backup: that nothing in it is missing or damaged, and that it opens. If it does not, nothing is replaced.</li>
          <li>{setAside}</li>
          <li>You then see your notes as they were {when}. Anything written since is not in this backup.</li>
          {situation !== 'new-laptop' && <li>You choose: keep the restored notes, or go back to how it was before. Until you choose, nothing is lost.</li>}
        </ol>
      }
    >
      <form onSubmit={submit} noValidate>
        {needsSecret && (
          <>
            <fieldset className="field radios restore-method">
              <legend>Open the backup with</legend>
              <label className="check">
                <input
                  type="radio"
                  name={`${id}-method`}
                  checked={method === 'passphrase'}
                  onChange={() => {
                    setMethod('passphrase');
                    setSecret('');
                    setProblem(null);
                  }}
                />
                <span>The passphrase it was made with</span>
              </label>
              <label className="check">
                <input
                  type="radio"
                  name={`${id}-method`}
                  checked={method === 'recovery'}
                  onChange={() => {
                    setMethod('recovery');
                    setSecret('');
                    setProblem(null);
                  }}
                />
                <span>The recovery key</span>
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-secret`}>{method === 'passphrase' ? 'Passphrase' : 'Recovery key'}</label>
              <input
                id={`${id}-secret`}
                ref={secretInput}
                type={method === 'passphrase' ? 'password' : 'text'}
                className={method === 'recovery' ? 'mono' : undefined}
                autoComplete="off"
                spellCheck={false}
                value={secret}
                onChange={(event) => setSecret(event.target.value)}
                aria-invalid={problem != null}
                aria-describedby={`${id}-secret-hint${problem != null ? ` ${id}-problem` : ''}${paused ? ` ${id}-pause` : ''}`}
              />
              <p className="hint" id={`${id}-secret-hint`}>
                {method === 'passphrase'
                  ? `The passphrase you had ${when}. If you have not changed it since, it is the one you use now.`
                  : 'The key you kept when you set up Sole Notes: 8 groups of 5 letters and digits.'}
              </p>
            </div>
            {withRecoveryKey && (
              <fieldset className="field new-passphrase">
                <legend>Your passphrase from now on</legend>
                <p className="hint">It replaces the passphrase you had {when}.</p>
                <NewPassphraseFields id={id} state={newPassphrase} sideBySide />
              </fieldset>
            )}
            {paused && <PauseNotice id={`${id}-pause`} seconds={pause} />}
            <PauseAnnouncer />
          </>
        )}
        <ProblemLine id={`${id}-problem`} message={problem} />
        <div className="dialog-actions">
          <button type="button" ref={cancel} onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            {busy ? 'Checking the backup…' : 'Check and restore'}
          </button>
        </div>
        {busy && (
          <p className="hint" role="status">
            Checking the backup, then putting it in place. This takes a moment.
          </p>
        )}
      </form>
    </Dialog>
  );
}
