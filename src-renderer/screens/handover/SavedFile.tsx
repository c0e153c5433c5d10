import { SavedFileActions } from '../../components/SavedFileActions';

/** A file's name as the worker reads it: the last part of its path, without the handover file types' endings. */
export function plainFileName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.sole(handover|handback|key)$/i, '');
}

/**
 * Where a handover file, hand-back file or handover key was saved, in the
 * worker's words: its name, "in the folder you chose" and "Show in folder" to
 * find it for sending. The full path (with the file type's ending) stays
 * behind "Details", for the district's IT person.
 */
export function SavedFile({ path, lead = 'Saved as', className = 'success' }: { path: string; lead?: string; className?: string }) {
  return (
    <div className="saved-file">
      <p className={className}>
        {lead} “<strong>{plainFileName(path)}</strong>” in the folder you chose.
      </p>
      <SavedFileActions showPath={path} label="The saved file" />
      <details className="word-check-details">
        <summary>Details</summary>
        <p className="path" data-testid="saved-path">
          {path}
        </p>
      </details>
    </div>
  );
}
