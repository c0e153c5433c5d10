import { useRef, type ReactNode } from 'react';
import { Dialog } from './Dialog';

/** The one question before an export replaces a report the district may already have: keep (the default) or replace. */
export function ReplaceQuestion({ title, description, onReplace, onKeep }: { title: string; description: ReactNode; onReplace: () => void; onKeep: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} role="alertdialog" onClose={onKeep} initialFocus={keep} description={description}>
      <div className="dialog-actions">
        <button type="button" ref={keep} onClick={onKeep}>
          Keep the saved one
        </button>
        <button type="button" className="primary" onClick={onReplace}>
          Replace it
        </button>
      </div>
    </Dialog>
  );
}
