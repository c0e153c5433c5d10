import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { call, isQuietError, plainError } from '../api';
import { CheckIcon, LockIcon, ShieldIcon } from '../components/Icons';
import { NewPassphraseFields, useNewPassphrase } from '../components/NewPassphraseFields';
import { ProblemLine } from '../components/ProblemLine';
import { groupMatches, keyGroups, ordinal } from '../lib/recoveryKey';
import { hasPendingHandoverFile, setPendingHandoverFile } from '../state/pendingHandoverFile';
import { useUiStore } from '../state/uiStore';
import { refreshVaultState } from '../state/vaultStore';
import { plainFileName } from './handover/SavedFile';
import { showRestoredVault } from './backups/afterRestore';
import { RestoreFromFolder } from './backups/RestoreFromFolder';

/** First run: what Sole Notes is, a passphrase, then the recovery key, shown once and confirmed. */
export function CreateVault() {
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  if (recoveryKey != null) return <RecoveryKeyStep recoveryKey={recoveryKey} />;
  return <ChoosePassphrase onCreated={setRecoveryKey} />;
}

function ChoosePassphrase({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const id = useId();
  const chosen = useNewPassphrase();
  const { passphrase, confirmation, strength } = chosen;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ready = chosen.acceptable && !busy;
  const waiting =
    passphrase === ''
      ? 'Choose a passphrase to continue.'
      : strength == null
        ? 'Checking the passphrase…'
        : !strength.acceptable
          ? 'Make the passphrase stronger to continue.'
          : confirmation !== passphrase
            ? 'Type the same passphrase again in Confirm passphrase.'
            : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('vault.create', { passphrase });
      chosen.clear();
      onCreated(result.recoveryKey);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen welcome-screen">
      <section className="card welcome-card" aria-labelledby={`${id}-title`}>
        <div>
        <p className="brand brand-large">
          <ShieldIcon className="brand-icon" />
          <span>Sole Notes</span>
        </p>
        <h1 id={`${id}-title`}>Welcome to Sole Notes</h1>
        <p className="lead">A private place for your personal notes as a school social worker: memory aids for your own use, kept encrypted on this laptop.</p>
        <ul className="promises">
          <li>
            <LockIcon />
            <span>
              <strong>Everything stays on this laptop.</strong> No account, no cloud. Nothing leaves unless you export it yourself.
            </span>
          </li>
          <li>
            <ShieldIcon />
            <span>
              <strong>Encrypted with your passphrase.</strong> Without it, or the recovery key you will get next, no one can read your notes.
            </span>
          </li>
          <li>
            <CheckIcon />
            <span>
              <strong>Checked as you write.</strong> Sole Notes points out diagnoses, exact quotes and identifying details that could turn a personal note into a record.
            </span>
          </li>
        </ul>
        <div className="restore-instead">
          <h2>Used Sole Notes on another laptop?</h2>
          <p className="hint">If you have backups of your notes, on a USB drive say, restore one instead of starting afresh. You need the passphrase you used then, or your recovery key.</p>
          <RestoreFromFolder situation="new-laptop" label="Restore from a backup…" onRestored={(result) => void showRestoredVault(result, 'new-laptop')} />
        </div>
        </div>

        <div>
        <form onSubmit={submit} noValidate className="setup-form">
          <h2>Choose a passphrase</h2>
          <p className="hint">Four or five unrelated words are easier to remember than a short password, and much harder to guess. Pick your own; do not use a phrase from a song or a book.</p>
          <NewPassphraseFields id={id} state={chosen} label="Passphrase" confirmLabel="Confirm passphrase" autoFocus />
          <ProblemLine message={problem} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!ready} aria-describedby={waiting == null ? undefined : `${id}-waiting`}>
              {busy ? 'Setting up…' : 'Set up Sole Notes'}
            </button>
            {waiting != null && !busy && (
              <p className="hint" id={`${id}-waiting`}>
                {waiting}
              </p>
            )}
          </div>
          {busy && <p className="hint">This takes a moment: the key is made deliberately slow to guess.</p>}
        </form>
        {/* Below the passphrase it needs, so the first screen fits a 1280×800 window without scrolling. */}
        <OpenHandoverFirst />
        </div>
      </section>
    </main>
  );
}

/**
 * A colleague covering for someone opens the handover file they were sent
 * from the very first screen: they choose it here, set a passphrase below
 * (their own notes and the colleague's are kept under it), and it opens as
 * soon as that is done.
 */
function OpenHandoverFirst() {
  const [chosen, setChosen] = useState<string | null>(null);
  async function choose() {
    try {
      const { file } = await call('system.chooseFile', { purpose: 'open-handover-package' });
      if (file == null) return;
      setPendingHandoverFile(file);
      setChosen(file);
    } catch (error) {
      if (!isQuietError(error)) setChosen(null);
    }
  }
  return (
    <div className="restore-instead">
      <h2>Covering for a colleague?</h2>
      {chosen == null ? (
        <p className="hint">
          A colleague sent you a handover file? Open it here and choose a passphrase above: their notes open right after.{' '}
          <button type="button" onClick={() => void choose()}>
            Open a handover file…
          </button>
        </p>
      ) : (
        <p className="success" role="status">
          Handover file chosen: “{plainFileName(chosen)}”. Choose a passphrase above to keep it safe on this laptop; it opens as soon as you are set up.
        </p>
      )}
    </div>
  );
}

/** The recovery key, shown once: copy or print it, then prove it was kept by typing one group back. */
function RecoveryKeyStep({ recoveryKey }: { recoveryKey: string }) {
  const id = useId();
  const groups = keyGroups(recoveryKey);
  const [askIndex] = useState(() => {
    const random = new Uint32Array(1);
    crypto.getRandomValues(random);
    return (random[0] as number) % Math.max(groups.length, 1);
  });
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const confirmInput = useRef<HTMLInputElement>(null);
  const expected = groups[askIndex] ?? '';
  const matches = groupMatches(typed, expected);

  async function copy() {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  async function finish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!matches) {
      confirmInput.current?.focus();
      return;
    }
    // The key was on the clipboard only so it could be pasted somewhere safe; do not leave it there.
    if (copied === 'yes') await navigator.clipboard.writeText('').catch(() => undefined);
    await refreshVaultState();
    // A handover file chosen on the welcome screen opens next, on the Handover screen.
    if (hasPendingHandoverFile()) useUiStore.getState().navigate({ name: 'handover' }, { force: true });
  }

  if (step === 'confirm') {
    return (
      <main className="screen">
        <section className="card" aria-labelledby={`${id}-title`}>
          <h1 id={`${id}-title`}>Check your copy</h1>
          <p>To make sure your copy is right, type the {ordinal(askIndex)} group of your recovery key (group {askIndex + 1} of {groups.length}).</p>
          <form onSubmit={finish} noValidate>
            <div className="field">
              <label htmlFor={`${id}-group`}>The {ordinal(askIndex)} group</label>
              <input
                id={`${id}-group`}
                ref={confirmInput}
                className="mono short-input"
                type="text"
                autoComplete="off"
                spellCheck={false}
                autoFocus
                maxLength={12}
                data-group={askIndex + 1}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                aria-invalid={tried && !matches}
                aria-describedby={tried && !matches ? `${id}-wrong` : undefined}
              />
              {tried && !matches && (
                <p className="field-error" id={`${id}-wrong`}>
                  That is not the {ordinal(askIndex)} group. Check your copy; if it is wrong, go back and copy the key again.
                </p>
              )}
            </div>
            <div className="form-actions">
              <button type="submit" className="primary">
                Continue to Sole Notes
              </button>
              <button type="button" className="quiet" onClick={() => setStep('show')}>
                Show the key again
              </button>
            </div>
          </form>
        </section>
      </main>
    );
  }

  return (
    <main className="screen">
      <section className="card card-wide" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Your recovery key</h1>
        <p>
          If you ever forget your passphrase, this key is the only way back into your notes. No one else has a copy, and it will not be shown again once you
          continue.
        </p>
        <div className="print-area">
          <p className="print-only print-heading">Sole Notes recovery key</p>
          <p className="recovery-key" data-testid="recovery-key">
            {groups.map((group, index) => (
              <span key={index} className="key-group">
                {group}
                {index < groups.length - 1 && <span className="key-dash">-</span>}
              </span>
            ))}
          </p>
          <p className="print-only">Keep this paper somewhere safe, away from the laptop. Anyone with this key and the laptop can open the notes.</p>
        </div>
        <div className="key-actions">
          <button type="button" onClick={() => void copy()}>
            Copy
          </button>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          <span className="hint" role="status">
            {copied === 'yes'
              ? 'Copied. Paste it somewhere safe now; Sole Notes clears the clipboard when you continue.'
              : copied === 'failed'
                ? 'Copying did not work here. Write the key down or print it.'
                : ''}
          </span>
        </div>
        <p className="hint">Write it on paper or print it, and keep it away from this laptop, for example with other important papers at home.</p>
        <div className="form-actions">
          <button
            type="button"
            className="primary"
            autoFocus
            onClick={() => {
              setStep('confirm');
              setTried(false);
            }}
          >
            I have kept a copy
          </button>
        </div>
      </section>
    </main>
  );
}
