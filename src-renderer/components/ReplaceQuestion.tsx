import { useRef, type ReactNode } from 'react';
import { Dialog } from './Dialog';

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
  const keep = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} role="alertdialog" onClose={onKeep} initialFocus={keep} description={description}>
      <div className="dialog-actions">
        <button type="button" ref={keep} onClick={onKeep}>
          {keepLabel}
        </button>
        <button type="button" className="primary" onClick={onReplace}>
          Replace it
        </button>
      </div>
    </Dialog>
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
