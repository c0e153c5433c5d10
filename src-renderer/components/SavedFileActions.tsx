import { useState } from 'react';
import { call, CallError, isQuietError, plainError } from '../api';
import { ProblemLine } from './ProblemLine';

/** The last part of a path: the file's or folder's own name, as the worker knows it. */
export function baseName(target: string): string {
  return target.split(/[\\/]/).filter((part) => part !== '').pop() ?? target;
}

/**
 * "Show in folder" and "Open to print" for what Sole Notes just saved, in
 * place of a raw path: the system's file manager shows the file (or opens the
 * folder), and the printable page opens in the web browser, ready to print.
 * The full path stays in the screen's "Details".
 */
export function SavedFileActions({ showPath, printPath, label }: { showPath: string; printPath?: string | null; label: string }) {
  const [problem, setProblem] = useState<string | null>(null);

  async function ask(name: 'system.showInFolder' | 'system.openFile', target: string) {
    setProblem(null);
    try {
      await call(name, { path: target });
    } catch (error) {
      if (isQuietError(error)) return;
      // A file moved away since: the main side says so in plain words ("no longer where Sole Notes saved it").
      setProblem(error instanceof CallError && error.code === 'NOT_FOUND' ? error.detail : plainError(error));
    }
  }

  return (
    <div className="saved-file-actions">
      <div className="form-actions" role="group" aria-label={label}>
        <button type="button" onClick={() => void ask('system.showInFolder', showPath)}>
          Show in folder
        </button>
        {printPath != null && (
          <button type="button" onClick={() => void ask('system.openFile', printPath)}>
            Open to print
          </button>
        )}
      </div>
      <ProblemLine message={problem} />
    </div>
  );
}
