import path from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { FILE_PURPOSES, withExtension, type FilePurpose, type FolderPurpose } from '../../shared/api/systemSchemas';
import type { Platform } from '../api/platform';

/**
 * The router's platform services in the Electron shell: the system's folder
 * and file dialogs, modal to the main window. The renderer never sees a
 * dialog API; it asks through `system.chooseFolder` / `system.chooseFile`
 * and gets a path or null.
 */

interface DialogWording {
  title: string;
  buttonLabel: string;
  message: string;
}

/** What each folder dialog says, by purpose. */
const FOLDER_DIALOGS: Readonly<Record<FolderPurpose, DialogWording>> = {
  'report-export': {
    title: 'Choose a folder for the report',
    buttonLabel: 'Export here',
    message: 'The signed report, its signature, your public key, a CSV and a printable page are written into this folder.',
  },
  'backup-folder': {
    title: 'Choose a folder for backups',
    buttonLabel: 'Keep backups here',
    message: 'Encrypted backups of the vault are written into this folder. They open only with your passphrase or recovery key.',
  },
  'backup-source': {
    title: 'Choose the folder that holds your backups',
    buttonLabel: 'Look here',
    message: 'Choose the folder where Sole Notes kept its backups, on this laptop or a USB drive.',
  },
};

/** What each file dialog says, and the name of its file type, by purpose. */
const FILE_DIALOGS: Readonly<Record<FilePurpose, DialogWording & { typeName: string }>> = {
  'open-handover-key': {
    title: 'Choose your colleague’s handover key',
    buttonLabel: 'Use this key',
    message: 'Your colleague saves this file from their own Sole Notes and gives it to you.',
    typeName: 'Sole Notes handover key',
  },
  'open-handover-package': {
    title: 'Choose the handover file',
    buttonLabel: 'Open',
    message: 'The worker you are standing in for sent you this file.',
    typeName: 'Handover file',
  },
  'open-handback': {
    title: 'Choose the returned notes file',
    buttonLabel: 'Import',
    message: 'Your substitute made this file when they handed your notes back.',
    typeName: 'Returned notes file',
  },
  'save-handover-key': {
    title: 'Save your handover key',
    buttonLabel: 'Save key',
    message: 'Give this file to the worker you will stand in for. It holds no notes and no passphrase.',
    typeName: 'Sole Notes handover key',
  },
  'save-handover-package': {
    title: 'Save the handover file',
    buttonLabel: 'Save',
    message: 'Only your substitute can open this file, and only between the dates you chose.',
    typeName: 'Handover file',
  },
  'save-handback': {
    title: 'Save the returned notes file',
    buttonLabel: 'Save',
    message: 'Only the worker you stood in for can open this file.',
    typeName: 'Returned notes file',
  },
  'save-disclosure': {
    title: 'Save the court-order disclosure',
    buttonLabel: 'Save disclosure',
    message: 'A printable page with the chosen notes, their history and their hashes.',
    typeName: 'Web page',
  },
  'save-self-evaluation': {
    title: 'Save your self-evaluation',
    buttonLabel: 'Save self-evaluation',
    message: 'A printable page for the meeting with your evaluator. It holds no student information.',
    typeName: 'Web page',
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

export function openFileDialogOptions(purpose: FilePurpose, folder: string | undefined): OpenDialogOptions {
  const { typeName, ...wording } = FILE_DIALOGS[purpose];
  return {
    ...wording,
    ...(folder === undefined ? {} : { defaultPath: folder }),
    filters: [{ name: typeName, extensions: [FILE_PURPOSES[purpose].extension] }],
    properties: ['openFile', 'dontAddToRecent'],
  };
}

export function saveFileDialogOptions(purpose: FilePurpose, folder: string | undefined, suggestedName: string | undefined): SaveDialogOptions {
  const { typeName, ...wording } = FILE_DIALOGS[purpose];
  const name = suggestedName ?? withExtension(purpose, 'Sole Notes');
  return {
    ...wording,
    defaultPath: folder === undefined ? name : path.join(folder, name),
    filters: [{ name: typeName, extensions: [FILE_PURPOSES[purpose].extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
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
  const lastChosen = new Map<FolderPurpose | FilePurpose, string>();
  const pending = new Map<string, Promise<string | null>>();
  // One dialog at a time: a request for another purpose waits for the open dialog to close.
  let queue: Promise<unknown> = Promise.resolve();

  const startFolder = (purpose: FolderPurpose | FilePurpose) => lastChosen.get(purpose) ?? (deps.defaultFolder ?? documentsFolder)();
  const parent = (): BrowserWindow | null => {
    const window = deps.getWindow();
    return window != null && !window.isDestroyed() ? window : null;
  };

  async function openFolder(purpose: FolderPurpose): Promise<string | null> {
    const options = folderDialogOptions(purpose, startFolder(purpose));
    const window = parent();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const folder = result.canceled ? undefined : result.filePaths[0];
    if (folder === undefined || folder === '') return null;
    lastChosen.set(purpose, folder);
    return folder;
  }

  async function openFile(purpose: FilePurpose, suggestedName: string | undefined): Promise<string | null> {
    const window = parent();
    let file: string | undefined;
    if (FILE_PURPOSES[purpose].mode === 'open') {
      const options = openFileDialogOptions(purpose, startFolder(purpose));
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      file = result.canceled ? undefined : result.filePaths[0];
    } else {
      const options = saveFileDialogOptions(purpose, startFolder(purpose), suggestedName);
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      file = result.canceled ? undefined : result.filePath;
    }
    if (file === undefined || file === '') return null;
    lastChosen.set(purpose, path.dirname(file));
    return file;
  }

  /** A second request while the dialog for the same purpose is open (a double click) gets the same answer. */
  function once(key: string, show: () => Promise<string | null>): Promise<string | null> {
    const already = pending.get(key);
    if (already) return already;
    const answer = queue.then(show);
    queue = answer.catch(() => undefined);
    pending.set(key, answer);
    void answer.finally(() => pending.delete(key)).catch(() => undefined);
    return answer;
  }

  return {
    chooseFolder: (purpose) => once(`folder:${purpose}`, () => openFolder(purpose)),
    chooseFile: (purpose, suggestedName) => once(`file:${purpose}`, () => openFile(purpose, suggestedName)),
  };
}
