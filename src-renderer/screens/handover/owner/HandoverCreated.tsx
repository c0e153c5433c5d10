import { useId, useRef, useState } from 'react';
import type { CreateHandoverResult } from '../../../../shared/api/handoverSchemas';
import { Dialog } from '../../../components/Dialog';
import { CheckCode } from '../../../components/CheckCode';
import { describeDates, describeScope } from './ownerWords';
import { SavedFile } from '../SavedFile';

/** The one-time code in its 5 groups, large, for reading out or copying by hand. */
export function HandoverCode({ code, describedBy }: { code: string; describedBy?: string }) {
  const groups = code.split('-');
  return (
    <p className="recovery-key handover-code" data-testid="handover-code" aria-label={`Handover code: ${groups.join(' ')}`} aria-describedby={describedBy}>
      {groups.map((group, index) => (
        <span key={`${index}-${group}`} className="key-group">
          {group}
          {index < groups.length - 1 && <span className="key-dash">-</span>}
        </span>
      ))}
    </p>
  );
}

/**
 * What was saved, where, what it holds and for which days. A package for a
 * code shows the code here, once: the dialog stays open until the worker
 * says it was given or written down, and the code is gone when it closes.
 */
export function HandoverCreated({ result, onClose }: { result: CreateHandoverResult; onClose: () => void }) {
  const id = useId();
  const done = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLInputElement>(null);
  const [given, setGiven] = useState(false);
  const withCode = result.code != null;

  function confirmGiven() {
    // Once, for good: the code is not shown again.
    setGiven(true);
    requestAnimationFrame(() => done.current?.focus());
  }

  return (
    <Dialog
      title={`Handover file saved for ${result.substitute}`}
      onClose={onClose}
      initialFocus={withCode ? confirm : done}
      className="dialog-wide handover-dialog"
      // The code must not vanish by an accidental Escape.
      dismissable={!withCode || given}
    >
      <div className="handover-created">
        <SavedFile path={result.path} />
        <dl className="handover-facts">
          <div>
            <dt>Holds</dt>
            <dd>{describeScope(result.scope)}</dd>
          </div>
          <div>
            <dt>Opens</dt>
            <dd>{describeDates(result.validFrom, result.validUntil, true)}, both days included</dd>
          </div>
          <div>
            <dt>For</dt>
            <dd>
              {result.recipient.kind === 'key' ? (
                <>
                  {result.substitute}’s Sole Notes only, the one showing these words:
                  <CheckCode fingerprint={result.recipient.fingerprint} label="Their words" digitsLabel="Their key in digits" />
                </>
              ) : (
                <>{result.substitute}, with the code below</>
              )}
            </dd>
          </div>
        </dl>

        {withCode ? (
          <section className="code-once" aria-labelledby={`${id}-code-title`}>
            <h3 id={`${id}-code-title`}>The handover code, shown only this once</h3>
            {given ? (
              <p className="status">The code is no longer shown. Sole Notes does not keep it.</p>
            ) : (
              <>
                <HandoverCode code={result.code ?? ''} describedBy={`${id}-code-advice`} />
                <div id={`${id}-code-advice`} className="code-advice">
                  <p>
                    {result.substitute} types this code to open the handover file. Sole Notes does not keep it: once this window closes, nobody can show it again, and without it the file
                    cannot be opened.
                  </p>
                  <p>
                    <strong>Give it separately from the file</strong>: in person or by phone. Never send it in the same email as the file, or on the same USB stick.
                  </p>
                </div>
              </>
            )}
            <label className="check code-confirm">
              <input ref={confirm} type="checkbox" checked={given} onChange={confirmGiven} disabled={given} />
              <span>I have given the code to {result.substitute}, or written it down</span>
            </label>
          </section>
        ) : (
          <p className="hint">
            Give {result.substitute} the file. It is encrypted for their key, so a USB stick or an email will do: nobody else can open it.
          </p>
        )}
        <p className="hint">Your audit log records that this handover file was made, for whom and for which days.</p>
      </div>
      <div className="dialog-actions">
        <button ref={done} type="button" className="primary" onClick={onClose} disabled={withCode && !given}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
