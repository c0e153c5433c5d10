import type { FindingCounts } from '../../shared/api/schemas';
import type { FindingKind } from '../../shared/redaction/index';
import { describeCounts, totalFindings } from '../lib/findings';
import { ConfirmDialog } from './ConfirmDialog';
import { FindingKindIcon } from './Icons';

const WHY: Record<FindingKind, string> = {
  diagnostic: 'A diagnosis, a diagnosis code or a medication that points to one belongs in the clinical or special-education record, not in a memory aid.',
  verbatim: 'Someone’s exact words record what was said, rather than what you need to remember.',
  identifier: 'Phone numbers, addresses, birth dates and ID numbers tie the note to a family if it is ever seen.',
};

/**
 * Asked once when a note is saved with flags left: says plainly why they
 * matter and lets the worker decide. "Edit the note" is the default.
 */
export function SaveWithFindingsDialog({
  counts,
  allCounts,
  onEdit,
  onSaveAnyway,
  busy,
  whereKept = 'the note stays encrypted on this laptop',
}: {
  /** The flags not yet kept by an earlier save: what this save asks about. */
  counts: FindingCounts;
  /** Every flag in the note (the flags panel's number), when some were kept earlier. */
  allCounts?: FindingCounts;
  onEdit: () => void;
  onSaveAnyway: () => void;
  busy: boolean;
  /** Where a note saved anyway is kept, for "If you save anyway, …" (a package says whose notes these are). */
  whereKept?: string;
}) {
  const fresh = totalFindings(counts);
  // The count agrees with the flags panel: all the flags, those kept earlier and the new ones.
  const total = Math.max(fresh, allCounts == null ? fresh : totalFindings(allCounts));
  const kept = total - fresh;
  const kinds = (['diagnostic', 'verbatim', 'identifier'] as const).filter((kind) => counts[kind] > 0);
  return (
    <ConfirmDialog
      title={total === 1 ? 'Save with 1 flag left?' : `Save with ${total} flags left?`}
      tone="danger"
      confirmLabel="Save anyway"
      busyLabel="Saving…"
      cancelLabel="Edit the note"
      busy={busy}
      onConfirm={onSaveAnyway}
      onCancel={onEdit}
      className="dialog-wide"
    >
      <p>
        {kept > 0 ? `${total} flags: ${kept} kept earlier, ${fresh} new (${describeCounts(counts)}).` : `This note still has ${describeCounts(counts)}.`} A personal note is a private memory aid only while it holds your own brief observations. Diagnoses
        and someone’s exact words can turn it into an education record that parents, the district or a court can ask to see.
      </p>
      <ul className="why-list">
        {kinds.map((kind) => (
          <li key={kind}>
            <FindingKindIcon kind={kind} />
            <span>{WHY[kind]}</span>
          </li>
        ))}
      </ul>
      <p>If you save anyway, {whereKept}, and Sole Notes records that you chose to keep these words. You can edit it later.</p>
    </ConfirmDialog>
  );
}
