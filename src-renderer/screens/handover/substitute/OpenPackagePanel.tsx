import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { HandoverPackageInfo, ReceivedHandover } from '../../../../shared/api/handoverSchemas';
import { call, CallError, isQuietError, plainError } from '../../../api';
import { formatLongDate, formatShortDate } from '../../../lib/dates';
import { HANDOVER_WRONG_RECIPIENT_MESSAGE, handoverExpiredMessage, handoverNotYetValidMessage } from '../../../messages';
import { takePendingHandoverFile } from '../../../state/pendingHandoverFile';
import { useUiStore } from '../../../state/uiStore';
import { CheckCode } from '../../../components/CheckCode';
import { ProblemLine } from '../../../components/ProblemLine';
import { describeScope } from '../owner/ownerWords';
import { ownerLabel, ownerNotes } from './handoverWords';

/**
 * Why a package cannot be opened, from what it says about itself, in the
 * order the main side checks it: for another worker's key, before its first
 * day, after its last. Null when nothing stands in the way.
 */
export function refusalOf(info: HandoverPackageInfo): string | null {
  if (info.recipient.kind === 'key' && !info.recipient.forThisVault) return HANDOVER_WRONG_RECIPIENT_MESSAGE;
  if (info.validity === 'not-yet-valid') return handoverNotYetValidMessage(info.validFrom);
  if (info.validity === 'expired') return handoverExpiredMessage(info.validUntil);
  return null;
}

/** Errors of `handover.open` that are about the code typed, shown under the code field. */
function isAboutTheCode(error: unknown): boolean {
  return error instanceof CallError && (error.code === 'WRONG_HANDOVER_CODE' || (error.code === 'INVALID_INPUT' && error.details.issues?.some((issue) => issue.field === 'code') === true));
}

/**
 * Opening a package file a colleague gave this worker: the file is checked
 * and shows whose notes it holds, for whom, for which dates and what it
 * needs (this worker's key, or the one-time code), before anything is opened.
 */
export function OpenPackagePanel({ received }: { received: readonly ReceivedHandover[] }) {
  const id = useId();
  const navigate = useUiStore((store) => store.navigate);
  const codeInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<string | null>(null);
  const [info, setInfo] = useState<HandoverPackageInfo | null>(null);
  const [busy, setBusy] = useState<'choosing' | 'opening' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);

  async function choose() {
    if (busy != null) return;
    setBusy('choosing');
    setNotice(null);
    setProblem(null);
    setCodeProblem(null);
    try {
      const chosen = await call('system.chooseFile', { purpose: 'open-handover-package' });
      if (chosen.file == null) {
        setNotice('No file chosen.');
        return;
      }
      await load(chosen.file);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(null);
    }
  }

  async function load(chosenFile: string) {
    setFile(chosenFile);
    setInfo(null);
    setCode('');
    setInfo(await call('handover.inspect', { file: chosenFile }));
  }

  // A handover file chosen on the welcome screen of a fresh install is shown at once, ready to open.
  useEffect(() => {
    const pending = takePendingHandoverFile();
    if (pending == null) return;
    setBusy('choosing');
    load(pending)
      .catch((error: unknown) => {
        if (!isQuietError(error)) setProblem(plainError(error));
      })
      .finally(() => setBusy(null));
    // Once, when the panel first shows.
  }, []);

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy != null || file == null || info == null) return;
    if (info.recipient.kind === 'code' && code.trim() === '') {
      setCodeProblem('Enter the handover code your colleague gave you.');
      codeInput.current?.focus();
      return;
    }
    setBusy('opening');
    setProblem(null);
    setCodeProblem(null);
    try {
      const opened = await call('handover.open', { file, ...(info.recipient.kind === 'code' ? { code } : {}) });
      navigate({ name: 'handover-package', packageId: opened.packageId });
    } catch (error) {
      if (isQuietError(error)) return;
      if (isAboutTheCode(error)) {
        setCodeProblem(plainError(error));
        codeInput.current?.focus();
      } else setProblem(plainError(error));
    } finally {
      setBusy(null);
    }
  }

  const known = info == null ? null : (received.find((candidate) => candidate.packageId === info.packageId) ?? null);
  const refusal = info == null || known != null ? null : refusalOf(info);
  const needsCode = info?.recipient.kind === 'code' && known == null && refusal == null;

  return (
    <section className="handover-block open-block" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Open a handover file</h3>
      <p className="hint">A colleague you stand in for gives you a handover file. Sole Notes checks it and shows what it holds before opening it.</p>
      <div className="form-actions">
        <button type="button" className={info == null ? 'secondary' : undefined} onClick={() => void choose()} disabled={busy != null}>
          {busy === 'choosing' ? 'Checking the file…' : info == null ? 'Choose a handover file…' : 'Choose another file…'}
        </button>
      </div>
      {notice != null && <p className="status">{notice}</p>}
      <ProblemLine message={problem} />

      {info != null && (
        <form className="package-inspection" aria-label="The handover file you chose" onSubmit={(event) => void open(event)} noValidate>
          <h4 className="inspection-title">{ownerNotes(info)}</h4>
          <dl className="facts">
            <dt>From</dt>
            <dd>{info.ownerName ?? 'No name given; read the words below with your colleague.'}</dd>
            <dt>For</dt>
            <dd>{info.substitute}, as their temporary substitute</dd>
            <dt>Dates</dt>
            <dd>
              {formatLongDate(info.validFrom)} to {formatLongDate(info.validUntil)}
            </dd>
            <dt>Holds</dt>
            <dd>{describeScope(info.scope)}</dd>
            <dt>Opens with</dt>
            <dd>
              {info.recipient.kind === 'code'
                ? `The one-time handover code from ${ownerLabel(info)}`
                : info.recipient.forThisVault
                  ? 'Your handover key (nothing to type)'
                  : 'Another worker’s handover key'}
            </dd>
            <dt>Made</dt>
            <dd>{formatShortDate(info.createdAt.slice(0, 10))}</dd>
          </dl>
          <div className="owner-key">
            <p className="hint">Their words, to read with them if in doubt:</p>
            <CheckCode fingerprint={info.ownerHandoverFingerprint} label="Their words" digitsLabel="Their key in digits" />
          </div>

          {known != null &&
            (known.status === 'open' ? (
              <>
                <p className="status">You have already opened this handover file.</p>
                <div className="form-actions">
                  <button type="button" className="primary" onClick={() => navigate({ name: 'handover-package', packageId: known.packageId })}>
                    Go to these notes
                  </button>
                </div>
              </>
            ) : (
              <p className="problem" role="alert">
                You handed these notes back{known.handedBackAt == null ? '' : ` on ${formatLongDate(known.handedBackAt.slice(0, 10))}`}, and its copy on this laptop was
                deleted. It cannot be opened again.
              </p>
            ))}

          <ProblemLine message={refusal} />

          {known == null && refusal == null && (
            <>
              {needsCode && (
                <div className="field">
                  <label htmlFor={`${id}-code`}>Handover code</label>
                  <p className="hint" id={`${id}-code-hint`}>
                    {ownerLabel(info).replace(/^./, (first) => first.toUpperCase())} gave you this code apart from the file, in person or by phone: 5 groups of 5 letters and digits.
                  </p>
                  <input
                    id={`${id}-code`}
                    ref={codeInput}
                    type="text"
                    className="code-input"
                    autoComplete="off"
                    autoCapitalize="characters"
                    spellCheck={false}
                    maxLength={100}
                    value={code}
                    onChange={(event) => {
                      setCode(event.target.value);
                      if (codeProblem != null) setCodeProblem(null);
                    }}
                    aria-invalid={codeProblem != null}
                    aria-describedby={`${id}-code-hint${codeProblem != null ? ` ${id}-code-error` : ''}`}
                    placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
                  />
                  {codeProblem != null && (
                    <p className="field-error" id={`${id}-code-error`} role="alert">
                      {codeProblem}
                    </p>
                  )}
                </div>
              )}
              <p className="hint">Opening it keeps these notes apart from your own, and records every note you open for {ownerLabel(info)}.</p>
              <div className="form-actions">
                <button type="submit" className="primary" disabled={busy != null}>
                  {busy === 'opening' ? 'Opening…' : 'Open these notes'}
                </button>
              </div>
            </>
          )}
        </form>
      )}
    </section>
  );
}
