import path from 'node:path';
import { checkBackupDestination } from '../../files/outputPath';
import type { BackupSummary } from '../../vault/backups/sessionBackups';
import { VaultError } from '../../vault/errors';
import type { CliCommand } from '../command';
import { writeLine, type CliIo } from '../io';
import { optionalString } from '../parse';
import { obtainPassphrase } from '../passphrasePrompt';
import { UsageError } from '../usageError';
import { NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, openSession, vaultFolder, withUnlockedVault } from '../vaultAccess';

/*
 * Backups for a district IT person's scripts: a backup now (to the folder in
 * the vault's settings, or another), the backups in a folder, and a restore
 * onto a new laptop with the recovery key. See docs/backups.md.
 */

export const RECOVERY_KEY_ENV = 'SOLE_NOTES_RECOVERY_KEY';

function folderOption(io: CliIo, value: unknown, option: string): string | undefined {
  const given = optionalString(value);
  if (given === undefined) return undefined;
  if (given.trim() === '') throw new UsageError(`--${option} needs a folder.`);
  return path.resolve(io.cwd, given);
}

function describe(backup: BackupSummary): string {
  return `${backup.id}  ${backup.createdAt}  ${backup.reason.padEnd(9)}  ${backup.bytes} bytes`;
}

export const backupNowCommand: CliCommand = {
  words: ['backup', 'now'],
  summary: 'Make a backup now (to the backup folder, or --to another)',
  usage: 'backup now --vault DIR [--to DIR] [--json]',
  help: [
    'Makes an encrypted backup of the vault now, in the backup folder of its settings,',
    'or in the folder given with --to (a USB drive, a network folder). The folder is made',
    'if missing, but never its parent: a drive that is not plugged in fails (exit 3).',
    'The oldest backups beyond the number to keep are removed from that folder.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
    'A --to inside a vault folder is refused (exit 1). Prints the new backup\'s id.',
  ].join('\n'),
  options: { vault: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { io, values } = context;
    const to = folderOption(io, values.to, 'to');
    if (to !== undefined) checkBackupDestination(to, '--to', vaultFolder(io, values.vault));
    const backup = await withUnlockedVault(context, (_data, session) => session.createBackup(to));
    if (values.json === true) writeLine(io.stdout, JSON.stringify(backup));
    else writeLine(io.stdout, backup.id);
    writeLine(io.stderr, `Backup made in ${to ?? 'the backup folder'}.`);
  },
};

export const backupFreshSetCommand: CliCommand = {
  words: ['backup', 'fresh-set'],
  summary: 'Start a fresh backup set: one new copy, then the older copies removed',
  usage: 'backup fresh-set --vault DIR [--json]',
  help: [
    'After notes were destroyed (retention destroy) or earlier versions erased (note erase-earlier), the',
    'backups made before still hold the old text. This makes one new full backup in the backup folder,',
    'checks it (its files against backup.json, then the database opened and integrity-checked), and only',
    'then removes this vault\'s older backups there; the same in the second place (copies off this laptop)',
    'when its drive can be seen. A second place that cannot be seen is remembered: the app finishes it when',
    'the drive is back (or run this again). Backups of another vault in the same folder are never touched.',
    `Exit 3 when the new copy cannot be made (nothing was removed). ${PASSPHRASE_ENV} is read as by every command.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { io, values } = context;
    const result = await withUnlockedVault(context, (_data, session) => session.startFreshBackupSet());
    if (values.json === true) writeLine(io.stdout, JSON.stringify(result));
    else {
      for (const place of result.places) {
        writeLine(io.stdout, `${place.folder}\tnew copy made\tolder copies removed: ${place.removed}`);
      }
    }
    writeLine(io.stderr, `Older copies removed: ${result.removed}; ${result.newCopies === 1 ? 'one new copy' : `${result.newCopies} new copies`} made.`);
    if (result.waiting !== null) {
      writeLine(io.stderr, `Can't see ${result.waiting.folder}: its older copies stay until the drive is back (the app finishes it then, or run this again).`);
    }
  },
};

export const backupListCommand: CliCommand = {
  words: ['backup', 'list'],
  summary: 'List the backups in the backup folder (or --from another)',
  usage: 'backup list --vault DIR [--from DIR] [--json]',
  help: [
    'Lists the complete backups in the backup folder of the vault\'s settings, or in the',
    'folder given with --from, newest first: id, time (UTC), automatic or manual, size.',
    'Needs no passphrase. A backup cut short (a drive pulled out) is never listed.',
    'With --from, the vault folder need not hold a vault yet (a new laptop).',
  ].join('\n'),
  options: { vault: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean' } },
  run(context) {
    const { io, values } = context;
    const from = folderOption(io, values.from, 'from');
    const folder = vaultFolder(io, values.vault);
    const session = from === undefined ? openSession(context, folder) : context.createSession(folder);
    const { backups } = session.listBackups(from);
    if (values.json === true) writeLine(io.stdout, JSON.stringify(backups));
    else for (const backup of backups) writeLine(io.stdout, describe(backup));
    if (backups.length === 0) writeLine(io.stderr, `No backups in ${from ?? session.backupSettings().folder}.`);
    return Promise.resolve();
  },
};

export const restoreCommand: CliCommand = {
  words: ['restore'],
  summary: 'Restore a backup into a new vault folder with the recovery key',
  usage: 'restore --vault NEWDIR --from BACKUP_FOLDER [--id ID]',
  help: [
    'Restores a backup from BACKUP_FOLDER (the newest one, or --id ID) into NEWDIR, which',
    'must not hold a vault yet: a new laptop after the old one was lost.',
    `The recovery key is read from ${RECOVERY_KEY_ENV} and a new passphrase from`,
    `${NEW_PASSPHRASE_ENV} (else both are asked for without echo). The backup's files are`,
    'checked before anything is written. Afterwards the new passphrase opens the vault and',
    'the passphrase of the backup\'s day no longer does; the recovery key stays the same.',
    'When the folder holds backups of more than one vault, name one with --id.',
  ].join('\n'),
  options: { vault: { type: 'string' }, from: { type: 'string' }, id: { type: 'string' } },
  async run(context) {
    const { io, values } = context;
    const from = folderOption(io, values.from, 'from');
    if (from === undefined) throw new UsageError('Missing --from BACKUP_FOLDER.');
    const folder = vaultFolder(io, values.vault);
    const session = context.createSession(folder);
    if (session.state() !== 'absent') {
      throw new VaultError('CONFLICT', `${folder} already holds a vault; restore into a new folder (nothing was changed).`);
    }
    const id = optionalString(values.id) ?? newestBackup(session.listBackups(from).backups, from);
    const recoveryKey = await obtainPassphrase(io, RECOVERY_KEY_ENV, 'Recovery key: ');
    const newPassphrase = await obtainPassphrase(io, NEW_PASSPHRASE_ENV, 'New passphrase: ');
    try {
      const { backup } = await session.restoreBackup({ id, folder: from, recoveryKey, newPassphrase });
      // Nothing was set aside on a new folder, so there is nothing to go back to: the restore is kept.
      await session.confirmRestore();
      writeLine(io.stdout, backup.id);
      writeLine(io.stderr, `Restored the backup of ${backup.createdAt} into ${folder}. It opens with the new passphrase (and the recovery key).`);
    } finally {
      session.lock('user');
    }
  },
};

function newestBackup(backups: readonly BackupSummary[], from: string): string {
  const [newest] = backups;
  if (!newest) throw new VaultError('NOT_FOUND', `No backups in ${from} (is the drive plugged in?); nothing was restored.`);
  if (backups.some((backup) => backup.vaultId !== newest.vaultId)) {
    throw new UsageError(`${from} holds backups of more than one vault; choose one with --id (see: backup list --from).`);
  }
  return newest.id;
}
