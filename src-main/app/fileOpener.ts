import { shell } from 'electron';
import { VaultError } from '../vault/errors';
import type { FileOpener } from '../api/platform';

/**
 * "Show in folder" and "Open to print" in the Electron shell: the system's
 * file manager and the app the system opens a file with. The router has
 * already checked the path is one Sole Notes wrote (api/writtenFiles.ts).
 */
export function createElectronOpener(): FileOpener {
  async function open(target: string): Promise<void> {
    // openPath answers an empty string when it worked, else why it did not.
    const failure = await shell.openPath(target);
    if (failure !== '') throw new VaultError('NOT_AVAILABLE', `This computer could not open it: ${failure}`);
  }
  return {
    async showInFolder(target, kind) {
      // A folder opens as itself; a file shows selected in its folder.
      if (kind === 'folder') await open(target);
      else shell.showItemInFolder(target);
    },
    openFile: open,
  };
}
