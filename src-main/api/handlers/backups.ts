import { DONE, type HandlerTable } from '../handler';

export const backupHandlers: HandlerTable<
  'backups.list' | 'backups.create' | 'backups.freshSet' | 'backups.restore' | 'backups.confirmRestore' | 'backups.undoRestore' | 'backups.updateSettings'
> = {
  'backups.list': (session, { folder }) => session.listBackups(folder),
  'backups.create': (session) => session.createBackup(),
  'backups.freshSet': (session) => session.startFreshBackupSet(),
  'backups.restore': (session, request) => session.restoreBackup(request),
  'backups.confirmRestore': async (session) => {
    await session.confirmRestore();
    return DONE;
  },
  'backups.undoRestore': (session) => session.undoRestore(),
  'backups.updateSettings': (session, patch) => session.updateBackupSettings(patch),
};
