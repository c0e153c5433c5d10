import type { FilePurpose, FolderPurpose } from '../../shared/api/systemSchemas';

/**
 * What the router may ask of the platform it runs on, injected by the front
 * door that creates it: the Electron shell (src-main/app/platform.ts, the
 * system dialogs), the end-to-end harness (a temp folder), or nothing (the
 * command line, where such commands answer NOT_AVAILABLE). The router and
 * the handlers never import electron.
 */
export interface Platform {
  /** Asks the worker for a folder; resolves to its absolute path, or null when they cancel. */
  chooseFolder(purpose: FolderPurpose): Promise<string | null>;
  /**
   * Asks the worker for a file: an existing one (`open-*` purposes) or a new
   * name (`save-*`, proposing `suggestedName`); resolves to its absolute path
   * with the purpose's extension, or null when they cancel.
   */
  chooseFile(purpose: FilePurpose, suggestedName: string | undefined): Promise<string | null>;
}

/**
 * Shows or opens what Sole Notes saved, with the system's own tools: the
 * Electron shell (src-main/app/fileOpener.ts), window mode (the system's
 * `xdg-open`, `open` or `explorer`), or the end-to-end harness. The router
 * passes only paths it saw the app write (writtenFiles.ts).
 */
export interface FileOpener {
  /** Shows a file in its folder in the system's file manager; a folder: opens that folder there. */
  showInFolder(target: string, kind: 'file' | 'folder'): Promise<void>;
  /** Opens a file in the system's app for its type (a printable page in the web browser). */
  openFile(file: string): Promise<void>;
}
