import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LockReason } from '../../../shared/api/bridge';
import { syncFileSync } from '../atomicFile';
import { readBoundedFileSync } from '../boundedRead';
import { VaultError } from '../errors';
import { DATABASE_FILE_NAME, KEY_FILE_NAME } from '../folderLayout';
import type { UnlockAttempts } from '../keys/attempts';
import type { KdfCost } from '../keys/kdf';
import { withKeyFileLockSync } from '../keys/keyFileLock';
import { MAX_KEY_FILE_BYTES, parseKeyFile, serializeKeyFile, type KeyFile } from '../keys/keyFile';
import { sealSlot, unsealSlot, type TrackKey } from '../keys/keySlots';
import { assertStrongPassphrase } from '../keys/passphraseStrength';
import { parseRecoveryKey } from '../keys/recoveryKey';
import type { OpenVault, UnlockMethod } from '../openVault';
import { LATEST_SCHEMA_VERSION } from '../schema/migrations';
import { checkDatabaseFile, openBackup, type BackupEntry } from './backup';
import * as restore from './restore';
import { summarizeBackup, type BackupSummary } from './sessionBackups';

/*
 * The steps of putting a backup in place of the vault, for VaultSession's
 * restoreBackup: which key opens the backup, the keys file that comes into
 * use, and the swap itself (the folder side is restore.ts).
 */

export interface RestoreRequest {
  id: string;
  /** Another folder to restore from (a USB drive on a new laptop); default: the backup folder in the settings. */
  folder?: string;
  /** The passphrase the backup was made with, when the open vault's key does not open it (or the vault is locked). */
  passphrase?: string;
  recoveryKey?: string;
  /** Required with the recovery key: it replaces the passphrase of the backup's time when the backup's keys come into use. */
  newPassphrase?: string;
}

/** The data key that opens a backup, whether the backup's keys file replaces the vault's, and how it was opened. */
export interface BackupKey {
  dataKey: Buffer;
  keys: 'kept' | 'replaced';
  method: 'open-vault' | UnlockMethod;
}

/** What the session lends the restore: its open vault, its brake on wrong passphrases, and its ways to close and open. */
export interface RestoreHost {
  readonly folder: string;
  readonly clock: () => Date;
  readonly attempts: UnlockAttempts;
  readonly track: TrackKey;
  open(): OpenVault | null;
  passphraseKdfCost(): Promise<KdfCost>;
  closeOpen(open: OpenVault): void;
  notifyLocked(reason: LockReason): void;
  /** Opens the database in place without a second full check (the staged copy just passed one). */
  openChecked(dataKey: Buffer, vaultId: string): OpenVault;
  /** Stops the open vault's integrity check and waits for its thread; whether one was stopped unfinished. */
  stopIntegrityCheck(): Promise<boolean>;
  startIntegrityCheck(open: OpenVault): void;
  /** Runs `write` on a vault not yet the session's; closes it and zeroes its key if that fails. */
  auditOrClose(opened: OpenVault, write: () => void): void;
  auditUnlock(opened: OpenVault, method: UnlockMethod): void;
}

/**
 * Puts a backup in place of the vault. Before anything is replaced, the
 * backup's files are checked against its manifest, its database is copied
 * beside the vault and opened there with the key — the open vault's own,
 * or the one the passphrase (or recovery key) unwraps from the backup's
 * keys file — and must pass `PRAGMA integrity_check`. The current vault is
 * then set aside in `before-restore/`, not deleted, until the worker keeps
 * the restore or goes back. Returns the restored vault, open, for the
 * session to hold, the backup, and whether its keys file came into use.
 */
export async function restoreFromBackup(
  host: RestoreHost,
  request: RestoreRequest,
  settingsFolder: string,
): Promise<{ opened: OpenVault; backup: BackupSummary; keys: 'kept' | 'replaced' }> {
  assertRestoreRequest(host.folder, request);
  const backup = openBackup(request.folder ?? settingsFolder, request.id);
  const backupKeys = readBackupKeyFile(backup);
  const key = await keyForBackup(host, backupKeys, request);
  const keysToStage = await keysWithNewPassphrase(host, backupKeys, key, request.newPassphrase);
  const stoppedCheck = await host.stopIntegrityCheck();
  let opened: OpenVault;
  try {
    opened = withKeyFileLockSync(host.folder, () => swapInBackup(host, backup, key, keysToStage));
  } catch (error) {
    // Nothing was replaced and the vault is still open: its check starts again.
    const still = host.open();
    if (stoppedCheck && still) host.startIntegrityCheck(still);
    throw error;
  }

  const details = { backupId: backup.id, backupCreatedAt: backup.manifest.createdAt, keys: key.keys, method: key.method };
  host.auditOrClose(opened, () => {
    if (key.method !== 'open-vault') host.auditUnlock(opened, key.method);
    opened.data.audit.append('backup.restored', details);
    if (keysToStage) opened.data.audit.append('vault.passphrase_reset', { method: 'recovery', at: host.clock().toISOString() });
  });
  return { opened, backup: summarizeBackup(backup, backup.manifest.vaultId), keys: key.keys };
}

/** Refuses a request that cannot be carried out, before any key is derived. */
function assertRestoreRequest(vaultFolder: string, request: RestoreRequest): void {
  if (restore.asideExists(vaultFolder)) {
    throw new VaultError('CONFLICT', 'An earlier restore is waiting to be kept or undone; do that first.');
  }
  if (request.folder !== undefined && !path.isAbsolute(request.folder)) {
    throw new VaultError('INVALID_INPUT', 'folder: choose the backup folder by its full path.');
  }
  if ((request.recoveryKey === undefined) !== (request.newPassphrase === undefined)) {
    throw new VaultError('INVALID_INPUT', 'newPassphrase: a restore with the recovery key sets a new passphrase; give both, or neither.');
  }
  if (request.newPassphrase !== undefined) assertStrongPassphrase(request.newPassphrase);
}

/** The backup's own keys file; a damaged one makes the backup BACKUP_CORRUPT (a newer one, VAULT_FROM_FUTURE). */
function readBackupKeyFile(backup: BackupEntry): KeyFile {
  let keyFile: KeyFile;
  try {
    keyFile = parseKeyFile(readBoundedFileSync(path.join(backup.dir, KEY_FILE_NAME), MAX_KEY_FILE_BYTES));
  } catch (error) {
    if (error instanceof VaultError && error.code === 'VAULT_FROM_FUTURE') throw error;
    throw new VaultError('BACKUP_CORRUPT', 'The backup’s keys file is damaged; nothing was replaced.', { cause: error });
  }
  if (keyFile.vaultId !== backup.manifest.vaultId) {
    throw new VaultError('BACKUP_CORRUPT', 'The backup’s keys file belongs to another vault than its description says; nothing was replaced.');
  }
  return keyFile;
}

/** The key that opens the backup: the open vault's own, or the one the passphrase or recovery key unwraps from the backup's keys file. */
async function keyForBackup(host: RestoreHost, backupKeys: KeyFile, request: RestoreRequest): Promise<BackupKey> {
  const open = host.open();
  if (request.passphrase === undefined && request.recoveryKey === undefined) {
    if (open && open.vaultId === backupKeys.vaultId) return { dataKey: host.track(Buffer.from(open.dataKey)), keys: 'kept', method: 'open-vault' };
    throw new VaultError('INVALID_INPUT', 'passphrase: enter the passphrase this backup was made with (or the recovery key) to restore it.');
  }
  const made = backupKeys.createdAt.slice(0, 10);
  if (request.passphrase !== undefined) {
    host.attempts.assertMayTry();
    const dataKey = await unsealSlot(backupKeys, 'passphrase', request.passphrase, host.track);
    if (!dataKey) {
      if (open) {
        const { at } = host.attempts.recordFailure('passphrase', { audited: true });
        open.data.audit.append('backup.restore_failed', { method: 'passphrase', at });
      } else host.attempts.recordFailure('passphrase');
      throw host.attempts.wrongPassphrase(
        `That passphrase does not open this backup. It opens with the passphrase the vault had when the backup was made (the vault dates from ${made}), or with the recovery key.`,
      );
    }
    const keepCurrent = open !== null && open.vaultId === backupKeys.vaultId && crypto.timingSafeEqual(dataKey, open.dataKey);
    return { dataKey, keys: keepCurrent ? 'kept' : 'replaced', method: 'passphrase' };
  }
  const secret = host.track(parseRecoveryKey(request.recoveryKey ?? ''));
  let dataKey: Buffer | null;
  try {
    dataKey = await unsealSlot(backupKeys, 'recovery', secret, host.track);
  } finally {
    secret.fill(0);
  }
  if (!dataKey) {
    host.attempts.recordFailure('recovery', { audited: open !== null });
    throw new VaultError('WRONG_RECOVERY_KEY', 'That recovery key does not open this backup. Check it against the printed copy.');
  }
  const keepCurrent = open !== null && open.vaultId === backupKeys.vaultId && crypto.timingSafeEqual(dataKey, open.dataKey);
  return { dataKey, keys: keepCurrent ? 'kept' : 'replaced', method: 'recovery' };
}

/**
 * A restore opened with the recovery key whose keys file comes into use:
 * that keys file with its passphrase wrap replaced by one for the new
 * passphrase, as unlocking with the recovery key does. The passphrase of
 * the backup's time, which the worker may no longer know, is then never in
 * force. Null when nothing is to change: no recovery key, or the vault's
 * own keys stay (`kept`: the worker is using them now). The data key is
 * zeroed on failure.
 */
async function keysWithNewPassphrase(host: RestoreHost, backupKeys: KeyFile, key: BackupKey, newPassphrase: string | undefined): Promise<KeyFile | null> {
  if (key.method !== 'recovery' || key.keys !== 'replaced' || newPassphrase === undefined) return null;
  try {
    const passphrase = await sealSlot(key.dataKey, newPassphrase, await host.passphraseKdfCost(), backupKeys.vaultId, 'passphrase', host.track);
    return { ...backupKeys, wraps: { ...backupKeys.wraps, passphrase } };
  } catch (error) {
    key.dataKey.fill(0);
    throw error;
  }
}

/**
 * Stages and checks the backup beside the vault, sets the current vault
 * aside and puts the backup in its place, then opens it. Synchronous, so no
 * other request runs in between. The data key is zeroed on failure.
 * `stagedKeys`, when given, is the keys file put in place instead of the
 * backup's own (see keysWithNewPassphrase).
 */
function swapInBackup(host: RestoreHost, backup: BackupEntry, key: BackupKey, stagedKeys: KeyFile | null): OpenVault {
  const { dataKey } = key;
  const staging = restore.stagingPaths(host.folder);
  try {
    fs.mkdirSync(host.folder, { recursive: true, mode: 0o700 });
    try {
      fs.copyFileSync(path.join(backup.dir, DATABASE_FILE_NAME), staging.database);
      fs.chmodSync(staging.database, 0o600);
      syncFileSync(staging.database);
      const { schemaVersion: version } = checkDatabaseFile(staging.database, dataKey);
      if (version > LATEST_SCHEMA_VERSION) {
        throw new VaultError('VAULT_FROM_FUTURE', 'This backup was made by a newer version of Sole Notes. Update Sole Notes to restore it; nothing was replaced.');
      }
      if (key.keys === 'replaced' && stagedKeys) {
        fs.writeFileSync(staging.keys, serializeKeyFile(stagedKeys), { mode: 0o600 });
        fs.chmodSync(staging.keys, 0o600);
        syncFileSync(staging.keys);
      } else if (key.keys === 'replaced') {
        fs.copyFileSync(path.join(backup.dir, KEY_FILE_NAME), staging.keys);
        fs.chmodSync(staging.keys, 0o600);
        syncFileSync(staging.keys);
      }
    } catch (error) {
      restore.removeStaging(host.folder);
      throw error;
    }

    const wasOpen = host.open();
    if (wasOpen) host.closeOpen(wasOpen);
    const restoredAt = host.clock().toISOString();
    try {
      restore.swapInBackup(host.folder, { backupId: backup.id, backupCreatedAt: backup.manifest.createdAt, restoredAt, keys: key.keys });
    } catch (error) {
      if (wasOpen) host.notifyLocked('user');
      throw error;
    }
    try {
      // The staged copy passed the full check a moment ago, and these are its bytes.
      return host.openChecked(dataKey, backup.manifest.vaultId);
    } catch (error) {
      // Checked a moment ago, yet it does not open in place: put the vault back as it was.
      restore.undoRestore(host.folder, host.clock());
      if (wasOpen) host.notifyLocked('user');
      throw error;
    }
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
}
