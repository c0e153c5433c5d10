import path from 'node:path';
import { VaultError } from '../../vault/errors';
import type { HandlerTable } from '../handler';

/** Commands served by the platform (the system's dialogs), not the vault: they work locked too. */
export const systemHandlers: HandlerTable<'system.chooseFolder'> = {
  'system.chooseFolder': async (_session, { purpose }, { platform }) => {
    if (platform === null) throw new VaultError('NOT_AVAILABLE', 'There is no folder dialog here; give the folder by its path instead.');
    const folder = await platform.chooseFolder(purpose);
    if (folder !== null && !path.isAbsolute(folder)) throw new Error('The folder dialog gave a path that is not absolute.');
    return { folder };
  },
};
