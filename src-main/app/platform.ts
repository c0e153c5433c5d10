import { app, dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import type { FolderPurpose } from '../../shared/api/systemSchemas';
import type { Platform } from '../api/platform';

/**
 * The router's platform services in the Electron shell: the system's folder
 * dialog, modal to the main window. The renderer never sees a dialog API;
 * it asks through `system.chooseFolder` and gets a path or null.
 */

/** What each folder dialog says, by purpose. */
const FOLDER_DIALOGS: Readonly<Record<FolderPurpose, { title: string; buttonLabel: string; message: string }>> = {
  'report-export': {
    title: 'Choose a folder for the report',
    buttonLabel: 'Export here',
    message: 'The signed report, its signature, your public key, a CSV and a printable page are written into this folder.',
  },
};

export function folderDialogOptions(purpose: FolderPurpose, defaultPath: string | undefined): OpenDialogOptions {
  const wording = FOLDER_DIALOGS[purpose];
  return {
    title: wording.title,
    buttonLabel: wording.buttonLabel,
    message: wording.message,
    ...(defaultPath === undefined ? {} : { defaultPath }),
    // createDirectory: a "New Folder" button (macOS); promptToCreate: offer to make a typed folder (Windows);
    // dontAddToRecent: leave no trace in the system's recent documents (Windows).
    properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'],
  };
}

export interface ElectronPlatformDeps {
  /** The window the dialog belongs to (modal to it); null or destroyed: a free-standing dialog. */
  getWindow: () => BrowserWindow | null;
  /** Where the first dialog of a purpose opens; the documents folder by default. */
  defaultFolder?: () => string | undefined;
}

function documentsFolder(): string | undefined {
  try {
    return app.getPath('documents');
  } catch {
    return undefined;
  }
}

export function createElectronPlatform(deps: ElectronPlatformDeps): Platform {
  const lastChosen = new Map<FolderPurpose, string>();
  const pending = new Map<FolderPurpose, Promise<string | null>>();
  // One dialog at a time: a request for another purpose waits for the open dialog to close.
  let queue: Promise<unknown> = Promise.resolve();

  async function open(purpose: FolderPurpose): Promise<string | null> {
    const options = folderDialogOptions(purpose, lastChosen.get(purpose) ?? (deps.defaultFolder ?? documentsFolder)());
    const window = deps.getWindow();
    const result = window != null && !window.isDestroyed() ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const folder = result.canceled ? undefined : result.filePaths[0];
    if (folder === undefined || folder === '') return null;
    lastChosen.set(purpose, folder);
    return folder;
  }

  return {
    chooseFolder(purpose) {
      // A second request while the dialog for the same purpose is open (a double click) gets the same answer.
      const already = pending.get(purpose);
      if (already) return already;
      const answer = queue.then(() => open(purpose));
      queue = answer.catch(() => undefined);
      pending.set(purpose, answer);
      void answer.finally(() => pending.delete(purpose)).catch(() => undefined);
      return answer;
    },
  };
}
