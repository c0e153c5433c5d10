import { useEffect, useId, useState } from 'react';
import { shouldAskForSecondPlace, type OffsiteKind } from '../../../shared/domain/offsiteCopies';
import { call, isQuietError, plainError } from '../../api';
import { ProblemLine } from '../../components/ProblemLine';
import { useBackupsStore } from '../../state/backupsStore';
import { useUiStore } from '../../state/uiStore';

/**
 * On Today, until answered: asks for a second place for copies (a USB drive
 * or a network folder), so that losing the laptop does not lose the notes.
 * "Not now" asks again after a week; "Don't ask again" never does.
 */
export function SecondPlacePrompt({ now = () => new Date() }: { now?: () => Date }) {
  const id = useId();
  const listing = useBackupsStore((store) => store.listing);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (useBackupsStore.getState().listing == null) void useBackupsStore.getState().load();
  }, []);

  if (listing == null || !shouldAskForSecondPlace(listing.settings, now())) return null;

  async function choose(kind: OffsiteKind) {
    setProblem(null);
    setBusy(true);
    try {
      const { folder } = await call('system.chooseFolder', { purpose: 'backup-folder' });
      if (folder == null) return;
      await useBackupsStore.getState().updateSettings({ offsite: { folder, kind } });
      useUiStore.getState().announce(kind === 'usb' ? 'Copies will also go to the USB drive.' : 'Copies will also go to the network folder.');
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  async function answer(value: 'later' | 'never') {
    setProblem(null);
    try {
      await useBackupsStore.getState().updateSettings({ offsitePrompt: value });
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  return (
    <section className="panel second-place" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>A second place for copies</h2>
      <p>
        Your notes are kept only on this laptop. If it is lost or breaks, a copy on a USB drive or a network folder lets you get them back.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void choose('usb')}>
          Choose a USB drive…
        </button>
        <button type="button" disabled={busy} onClick={() => void choose('network')}>
          Choose a network folder…
        </button>
        <button type="button" className="link" onClick={() => void answer('later')}>
          Not now
        </button>
        <button type="button" className="link" onClick={() => void answer('never')}>
          Don’t ask again
        </button>
      </div>
      <ProblemLine message={problem} />
    </section>
  );
}
