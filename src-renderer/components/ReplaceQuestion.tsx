import type { ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/** The one question before an export replaces a report the district may already have: keep (the default) or replace. */
export function ReplaceQuestion({
  title,
  description,
  keepLabel = 'Keep the saved one',
  onReplace,
  onKeep,
}: {
  title: string;
  description: ReactNode;
  keepLabel?: string;
  onReplace: () => void;
  onKeep: () => void;
}) {
  return (
    <ConfirmDialog title={title} confirmLabel="Replace it" cancelLabel={keepLabel} onConfirm={onReplace} onCancel={onKeep}>
      {description}
    </ConfirmDialog>
  );
}

/** The question when the report (`what`: "November 2026", "2026–27 school year") is already saved in the chosen folder. */
export function AlreadySavedQuestion({ what, onReplace, onKeep }: { what: string; onReplace: () => void; onKeep: () => void }) {
  return (
    <ReplaceQuestion
      title={`The ${what} report is already saved in this folder. Replace it?`}
      description={<p>The district may already have the copy you sent.</p>}
      onReplace={onReplace}
      onKeep={onKeep}
    />
  );
}
