import fs from 'node:fs';
import path from 'node:path';
import { FILE_PURPOSES, withExtension } from '../../../shared/api/systemSchemas';
import { VaultError } from '../../vault/errors';
import { DONE, type HandlerContext, type HandlerTable } from '../handler';
import type { VaultSession } from '../../vault/vaultSession';
import type { WrittenKind } from '../writtenFiles';

/** Commands served by the platform (the system's dialogs), not the vault: they work locked too. */
export const systemHandlers: HandlerTable<'system.chooseFolder' | 'system.chooseFile' | 'system.showInFolder' | 'system.openFile'> = {
  'system.chooseFolder': async (_session, { purpose }, { platform }) => {
    if (platform === null) throw new VaultError('NOT_AVAILABLE', 'There is no folder dialog here; give the folder by its path instead.');
    const folder = await platform.chooseFolder(purpose);
    if (folder !== null && !path.isAbsolute(folder)) throw new Error('The folder dialog gave a path that is not absolute.');
    return { folder };
  },
  'system.chooseFile': async (_session, { purpose, suggestedName }, { platform }) => {
    if (platform === null) throw new VaultError('NOT_AVAILABLE', 'There is no file dialog here; give the file by its path instead.');
    const file = await platform.chooseFile(purpose, suggestedName === undefined ? undefined : withExtension(purpose, suggestedName));
    if (file === null) return { file };
    if (!path.isAbsolute(file)) throw new Error('The file dialog gave a path that is not absolute.');
    // A save dialog on Linux does not add the extension the filter names; an opened file is taken as it is.
    return { file: FILE_PURPOSES[purpose].mode === 'save' ? withExtension(purpose, file) : file };
  },
  'system.showInFolder': async (session, { path: target }, context) => {
    const { opener, kind } = savedPath(session, target, context, ['file', 'folder']);
    await opener.showInFolder(path.resolve(target), kind);
    return DONE;
  },
  'system.openFile': async (session, { path: target }, context) => {
    const { opener } = savedPath(session, target, context, ['file']);
    await opener.openFile(path.resolve(target));
    return DONE;
  },
};

/**
 * A path the opener may be given: the vault open (a locked app shows nothing of
 * the worker's), a file or folder this app wrote since it was opened, still there.
 * Anything else is refused before the system is asked to do anything.
 */
function savedPath(session: VaultSession, target: string, { opener, written }: HandlerContext, kinds: readonly WrittenKind[]) {
  void session.data; // VAULT_LOCKED when locked
  const kind = written.kindOf(target);
  if (kind === undefined || !kinds.includes(kind)) {
    const what = kinds.includes('folder') ? 'files and folders' : 'files';
    throw new VaultError('INVALID_INPUT', `Sole Notes opens only ${what} it saved since it was opened, and this is not one of them.`);
  }
  if (opener === null) throw new VaultError('NOT_AVAILABLE', 'Files cannot be shown or opened from here; open the path yourself.');
  if (!fs.existsSync(target)) {
    throw new VaultError('NOT_FOUND', `The ${kind} is no longer where Sole Notes saved it: it may have been moved, renamed or deleted.`);
  }
  return { opener, kind };
}
