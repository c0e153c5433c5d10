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
