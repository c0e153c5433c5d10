import path from 'node:path';
import { FILE_PURPOSES, withExtension } from '../../../shared/api/systemSchemas';
import { VaultError } from '../../vault/errors';
import type { HandlerTable } from '../handler';

/** Commands served by the platform (the system's dialogs), not the vault: they work locked too. */
export const systemHandlers: HandlerTable<'system.chooseFolder' | 'system.chooseFile'> = {
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
};
