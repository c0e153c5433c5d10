import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LockReason } from '../../shared/api/bridge';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../shared/domain/autoLock';
import type { BackupOffer } from '../../shared/api/errors';
import type { VaultState } from '../../shared/api/schemas';
import { UnlockAttempts } from './keys/attempts';
import { listBackups, openBackup, pruneBackups, writeBackup, checkDatabaseFile, type BackupEntry, type BackupReason } from './backups/backup';
import { DEFAULT_BACKUP_INTERVAL_MS, readBackupSettings, writeBackupSettings, type BackupSettingsPatch, type BackupSettingsValue } from './backups/backupSettings';
import { syncFileSync } from './atomicFile';
import { readBoundedFileSync } from './boundedRead';
import { DATA_KEY_BYTES, openEncryptedDatabase, type VaultDatabase } from './connection';
import { VaultError } from './errors';
import { startIntegrityCheck, type IntegrityCheck, type IntegrityOutcome, type IntegrityStatus } from './integrityCheck';
import { benchmarkKdf, deriveKey, KDF_FLOOR, newKdfParams, type KdfCost } from './keys/kdf';
import {
  KEY_FILE_FORMAT,
  KEY_FILE_VERSION,
  keyFilePath,
  MAX_KEY_FILE_BYTES,
  parseKeyFile,
  readKeyFile,
  serializeKeyFile,
  unwrapKey,
  wrapAad,
  wrapKey,
  writeKeyFile,
  type KeyFile,
  type Wrap,
  type WrapSlot,
} from './keys/keyFile';
import { withKeyFileLock, withKeyFileLockSync } from './keys/keyFileLock';
import { removeKeyFileLeftovers } from './keys/leftovers';
import { assertStrongPassphrase } from './keys/passphraseStrength';
import { writeRecordedKeyFile } from './keys/recordedKeyFileWrite';
import { generateRecoveryKey, parseRecoveryKey } from './keys/recoveryKey';
import { QuickUnlockKeeper, type QuickUnlockOptions } from './quickUnlock/quickUnlockKeeper';
import * as restore from './backups/restore';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion, upgradeExistingVault } from './schema/migrations';
import { asStorageError } from './storageErrors';
import { VaultData } from './vaultData';
import { writeTransaction } from './writeTransaction';
import { DATABASE_FILE_NAME, DATABASE_FILE_SUFFIXES, databaseFile, KEY_FILE_NAME, type DatabaseFileSuffix } from './folderLayout';


/**
 * The recovery key holds 200 random bits, so it needs no stretching beyond
 * the floor; the passphrase slot gets the calibrated cost.
 */
const RECOVERY_KDF_COST: KdfCost = { algorithm: 'argon2id', ...KDF_FLOOR };

export interface VaultSessionOptions {
  /** Fixed argon2id cost instead of calibrating on this machine (tests, benchmarks). */
  kdf?: KdfCost;
  clock?: () => Date;
  backups?: {
    /** Back up as the vault locks, at most once per `minIntervalMs`, unless the worker turned it off. Default false (the app turns it on). */
    automatic?: boolean;
    /** Where backups go until the worker picks a folder; default `backups` beside the vault folder. */
    defaultFolder?: string;
    /** Default one day. */
    minIntervalMs?: number;
  };
  /** The PIN after a short lock (see quickUnlock/); the clock is the session's unless given. */
  quickUnlock?: QuickUnlockOptions;
}

type UnlockMethod = 'passphrase' | 'recovery' | 'pin';

interface OpenVault {
  db: VaultDatabase;
  data: VaultData;
  dataKey: Buffer;
  vaultId: string;
  /** The full integrity check running after unlock; null when the database was just made or just checked whole. */
  integrity: IntegrityCheck | null;
}

/** How the open vault's full integrity check stands (see integrityCheck.ts); with the newest backup once damage is found. */
export interface IntegrityReport {
  status: IntegrityStatus;
  latestBackup?: BackupOffer | null;
}

/** One backup as the API shows it. */
export interface BackupSummary {
  id: string;
  createdAt: string;
  reason: BackupReason;
  vaultId: string;
  /** Whether it is a backup of the vault in this folder (null when that vault's id cannot be read). */
  sameVault: boolean | null;
  schemaVersion: number;
  bytes: number;
}

export interface PendingRestoreSummary {
  backupId: string;
  backupCreatedAt: string;
  restoredAt: string;
  keys: 'kept' | 'replaced';
}

export interface BackupFailure {
  at: string;
  code: string;
  message: string;
}

export interface BackupListing {
  settings: BackupSettingsValue;
  backups: BackupSummary[];
  pendingRestore: PendingRestoreSummary | null;
  lastFailure: BackupFailure | null;
}

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

/** Errors a restore can fix: they carry the newest backup. */
const BACKUP_OFFER_CODES = new Set(['VAULT_CORRUPT', 'KEYS_CORRUPT', 'VAULT_NOT_FOUND']);

/**
 * The one owner of one vault folder (`vault.db` + `vault.keys.json`): creates
 * the vault, unlocks it, rewraps its data key, and locks it. While unlocked it
 * holds the open database and the data key; locking closes the one and zeroes
 * the other.
 */
export class VaultSession {
  readonly folder: string;
  readonly #kdf: KdfCost | undefined;
  readonly #clock: () => Date;
  readonly #listeners = new Set<(reason: LockReason) => void>();
  /** Called as the database is about to close, while it is still open (the draft keeper writes what is pending). */
  readonly #beforeClose = new Set<(data: VaultData) => void>();
  #open: OpenVault | null = null;
  /** Audit entries for events while locked; appended at the next unlock. Failed unlocks go to the attempts file instead. */
  #pendingAudit: { action: string; details: Record<string, unknown> }[] = [];
  /** Wrong passphrases in a row and the delay they impose, kept in `vault.attempts.json`. */
  readonly #attempts: UnlockAttempts;
  readonly #backupDefaults: { automatic: boolean; folder: string | undefined; minIntervalMs: number };
  #lastBackupFailure: BackupFailure | null = null;
  /** Bumped by every lock(), so an operation requested before it, still queued or deriving a key, ends locked. */
  #lockEpoch = 0;
  #lastLockReason: LockReason = 'user';
  #queue: Promise<unknown> = Promise.resolve();
  /** Settles when the last background integrity check's thread has ended (see #awaitIntegrityThread). */
  #integrityThread: Promise<void> = Promise.resolve();
  /** Every key Buffer this session made, kept only under NODE_ENV=test so tests can see them zeroed. */
  readonly #keyBuffers: Buffer[] | null = process.env.NODE_ENV === 'test' ? [] : null;
  /** The PIN after an idle lock: memory only, told of each passphrase unlock and each lock. */
  readonly quickUnlock: QuickUnlockKeeper;

  constructor(folder: string, options: VaultSessionOptions = {}) {
    this.folder = path.resolve(folder);
    this.#kdf = options.kdf;
    this.#clock = options.clock ?? (() => new Date());
    this.#attempts = new UnlockAttempts(this.folder, this.#clock);
    this.quickUnlock = new QuickUnlockKeeper({ clock: this.#clock, ...options.quickUnlock });
    this.#backupDefaults = {
      automatic: options.backups?.automatic ?? false,
      folder: options.backups?.defaultFolder,
      minIntervalMs: options.backups?.minIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
    };
  }

  state(): VaultState {
    if (this.#open) return 'unlocked';
    this.#recoverInterruptedRestore();
    return fs.existsSync(keyFilePath(this.folder)) ? 'locked' : 'absent';
  }

  get data(): VaultData {
    if (!this.#open) throw new VaultError('VAULT_LOCKED', 'The vault is locked.');
    return this.#open.data;
  }

  /** Calls back after each lock; returns an unsubscribe function. */
  onLock(listener: (reason: LockReason) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls back as a lock begins, before the database closes; returns an unsubscribe function. */
  onBeforeClose(listener: (data: VaultData) => void): () => void {
    this.#beforeClose.add(listener);
    return () => this.#beforeClose.delete(listener);
  }

  /**
   * Creates a new vault and leaves it unlocked. The database is written
   * first and the keys file last, so a crash part-way leaves no keys file and
   * the folder still reads as having no vault.
   */
  create(passphrase: string): Promise<{ recoveryKey: string }> {
    const epoch = this.#lockEpoch;
    return this.#serialize(async () => {
      assertStrongPassphrase(passphrase);
      this.#assertNoVault();
      const cost = await this.#passphraseKdfCost();

      const dataKey = this.#track(crypto.randomBytes(DATA_KEY_BYTES));
      const recovery = generateRecoveryKey();
      this.#track(recovery.secret);
      let opened: OpenVault;
      try {
        const vaultId = crypto.randomUUID();
        const keyFile: KeyFile = {
          format: KEY_FILE_FORMAT,
          version: KEY_FILE_VERSION,
          vaultId,
          createdAt: this.#now(),
          wraps: {
            passphrase: await this.#seal(dataKey, passphrase, cost, vaultId, 'passphrase'),
            recovery: await this.#seal(dataKey, recovery.secret, RECOVERY_KDF_COST, vaultId, 'recovery'),
          },
        };
        fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
        opened = await withKeyFileLock(this.folder, async () => {
          this.#assertNoVault(); // again: argon2id took a while
          return this.#writeNewVault(dataKey, keyFile);
        });
      } catch (error) {
        dataKey.fill(0);
        throw error;
      } finally {
        recovery.secret.fill(0);
      }
      this.quickUnlock.passphraseEntered();
      this.#becomeUnlocked(opened, epoch);
      return { recoveryKey: recovery.text };
    });
  }

  /**
   * Unlocks with the passphrase. A wrong one fails the wrap's GCM tag before
   * the database is opened, so nothing on disk is touched. Does nothing if
   * the vault is already unlocked (a double click).
   */
  unlock(passphrase: string): Promise<void> {
    const epoch = this.#lockEpoch;
    return this.#serialize(async () => {
      if (this.#open) return;
      try {
        const keyFile = await readKeyFile(this.folder);
        this.#attempts.assertMayTry();
        const dataKey = await this.#unseal(keyFile, 'passphrase', passphrase);
        if (!dataKey) throw this.#failedUnlock('passphrase');

        const opened = this.#openDatabaseOrZero(dataKey, keyFile.vaultId);
        this.#auditOrClose(opened, () => this.#auditUnlock(opened, 'passphrase'));
        this.#becomeUnlocked(opened, epoch);
      } catch (error) {
        throw this.#withBackupOffer(error);
      }
    });
  }

  /**
   * Unlocks with the PIN after a short lock (see quickUnlock/): the keeper
   * gives back the data key, or throws WRONG_PIN / PIN_EXPIRED.
   */
  unlockWithPin(pin: string): Promise<void> {
    const epoch = this.#lockEpoch;
    return this.#serialize(async () => {
      if (this.#open) return;
      const keyFile = await readKeyFile(this.folder);
      const dataKey = this.#track(
        await this.quickUnlock.unwrap(pin).catch((error: unknown) => {
          // A wrong PIN (it carries the tries left) goes in the audit log at the next unlock; the PIN itself never does.
          if (error instanceof VaultError && error.details?.attemptsLeft !== undefined) this.#audit('vault.unlock_failed', { method: 'pin', at: this.#now() });
          throw error;
        }),
      );
      const opened = this.#openDatabaseOrZero(dataKey, keyFile.vaultId);
      this.#auditOrClose(opened, () => this.#auditUnlock(opened, 'pin'));
      this.#becomeUnlocked(opened, epoch);
    });
  }

  /**
   * Unlocks with the recovery key and sets a new passphrase, which is judged
   * before anything else happens. The recovery key stays valid.
   */
  unlockWithRecovery(recoveryKey: string, newPassphrase: string): Promise<void> {
    const epoch = this.#lockEpoch;
    return this.#serialize(() => withKeyFileLock(this.folder, async () => {
      assertStrongPassphrase(newPassphrase);
      const secret = this.#track(parseRecoveryKey(recoveryKey));
      let dataKey: Buffer | null;
      let keyFile: KeyFile;
      try {
        keyFile = await readKeyFile(this.folder);
        dataKey = await this.#unseal(keyFile, 'recovery', secret);
      } catch (error) {
        throw this.#withBackupOffer(error);
      } finally {
        secret.fill(0);
      }
      if (!dataKey) throw this.#failedUnlock('recovery');
      await this.#replacePassphraseWrap(keyFile, dataKey, newPassphrase, 'recovery', 'vault.passphrase_reset', epoch);
    }));
  }

  /**
   * Rewraps the data key under a new passphrase, with a fresh salt, nonce and
   * cost; the database is never re-encrypted. Works locked or unlocked, and
   * leaves the vault unlocked.
   */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    const epoch = this.#lockEpoch;
    return this.#serialize(() => withKeyFileLock(this.folder, async () => {
      assertStrongPassphrase(newPassphrase);
      const keyFile = await readKeyFile(this.folder);
      // Guessing through "change passphrase" at an unlocked laptop meets the same brake as at the unlock screen.
      this.#attempts.assertMayTry();
      const dataKey = await this.#unseal(keyFile, 'passphrase', currentPassphrase);
      if (!dataKey) {
        if (!this.#open) throw this.#failedUnlock('passphrase');
        const { at } = this.#attempts.recordFailure('passphrase', { audited: true });
        this.#audit('vault.passphrase_change_failed', { at });
        throw this.#wrongPassphrase('The current passphrase is not right.');
      }
      await this.#replacePassphraseWrap(keyFile, dataKey, newPassphrase, 'passphrase', 'vault.passphrase_changed', epoch);
    }));
  }

  /**
   * Closes the database (which checkpoints the write-ahead log), zeroes the
   * data key and tells the listeners. Safe to call at any time, any number of
   * times; it does not wait for a running operation.
   */
  lock(reason: LockReason = 'user'): void {
    this.#lockEpoch += 1;
    this.#lastLockReason = reason;
    const open = this.#open;
    this.quickUnlock.atLock(open?.dataKey ?? null, reason); // before the key is zeroed
    if (!open) return;
    this.#backUpIfDue(open);
    this.#closeOpen(open);
    this.#notifyLocked(reason);
  }

  #closeOpen(open: OpenVault): void {
    for (const listener of [...this.#beforeClose]) {
      try {
        listener(open.data);
      } catch {
        // Locking goes on regardless.
      }
    }
    if (this.#open === open) this.#open = null;
    open.integrity?.stop();
    try {
      open.db.close();
    } catch {
      // Nothing more to do: the key is zeroed below either way.
    } finally {
      open.dataKey.fill(0);
    }
  }

  #notifyLocked(reason: LockReason): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(reason);
      } catch {
        // One failing listener must not stop the others from hearing of the lock.
      }
    }
  }

  // Backups (see backup.ts) and restore (see restore.ts).

  /** Where backups go, how many are kept, whether they are automatic. Readable while locked. */
  backupSettings(): BackupSettingsValue {
    return readBackupSettings(this.folder, this.#backupDefaults);
  }

  /** Needs the vault unlocked: only the worker may move or thin out the backups. */
  updateBackupSettings(patch: BackupSettingsPatch): Promise<BackupSettingsValue> {
    return this.#serialize(async () => {
      const open = this.#requireOpen();
      writeBackupSettings(this.folder, patch);
      const settings = this.backupSettings();
      open.data.audit.append('backup.settings_changed', {
        folder: settings.folder,
        customFolder: settings.customFolder,
        keep: settings.keep,
        automatic: settings.automatic,
      });
      return settings;
    });
  }

  /**
   * The backups in the backup folder (or `folder`), newest first, with the
   * settings, a restore waiting to be kept or undone, and the last failed
   * backup. Works locked, and with no vault at all (a new laptop).
   */
  listBackups(folder?: string): BackupListing {
    if (folder !== undefined && !path.isAbsolute(folder)) throw new VaultError('INVALID_INPUT', 'folder: choose the backup folder by its full path.');
    this.#recoverInterruptedRestore();
    const settings = this.backupSettings();
    const vaultId = this.#currentVaultId();
    const pending = restore.pendingRestore(this.folder);
    return {
      settings,
      backups: listBackups(folder ?? settings.folder).map((entry) => summarizeBackup(entry, vaultId)),
      pendingRestore: pending && {
        backupId: pending.backupId,
        backupCreatedAt: pending.backupCreatedAt,
        restoredAt: pending.restoredAt,
        keys: pending.keys,
      },
      lastFailure: this.#lastBackupFailure,
    };
  }

  /** A backup now, whatever the time since the last one; the oldest beyond the number to keep are removed. */
  createBackup(): Promise<BackupSummary> {
    return this.#serialize(async () => {
      const open = this.#requireOpen();
      return summarizeBackup(this.#backUp(open, 'manual'), open.vaultId);
    });
  }

  /**
   * Puts a backup in place of the vault. Before anything is replaced, the
   * backup's files are checked against its manifest, its database is copied
   * beside the vault and opened there with the key — the open vault's own,
   * or the one the passphrase (or recovery key) unwraps from the backup's
   * keys file — and must pass `PRAGMA integrity_check`. The current vault is
   * then set aside in `before-restore/`, not deleted, until the worker keeps
   * the restore (confirmRestore) or goes back (undoRestore). Leaves the
   * restored vault unlocked; the renderer must drop everything it holds.
   */
  restoreBackup(request: RestoreRequest): Promise<{ backup: BackupSummary; pendingRestore: PendingRestoreSummary }> {
    const epoch = this.#lockEpoch;
    return this.#serialize(async () => {
      if (restore.asideExists(this.folder)) {
        throw new VaultError('CONFLICT', 'An earlier restore is waiting to be kept or undone; do that first.');
      }
      if (request.folder !== undefined && !path.isAbsolute(request.folder)) {
        throw new VaultError('INVALID_INPUT', 'folder: choose the backup folder by its full path.');
      }
      if ((request.recoveryKey === undefined) !== (request.newPassphrase === undefined)) {
        throw new VaultError('INVALID_INPUT', 'newPassphrase: a restore with the recovery key sets a new passphrase; give both, or neither.');
      }
      if (request.newPassphrase !== undefined) assertStrongPassphrase(request.newPassphrase);
      const backup = openBackup(request.folder ?? this.backupSettings().folder, request.id);
      const backupKeys = readBackupKeyFile(backup);
      const key = await this.#keyForBackup(backupKeys, request);
      const keysToStage = await this.#keysWithNewPassphrase(backupKeys, key, request.newPassphrase);
      const stoppedCheck = await this.#awaitIntegrityThread();
      let opened: OpenVault;
      try {
        opened = withKeyFileLockSync(this.folder, () => this.#swapInBackup(backup, key, keysToStage));
      } catch (error) {
        // Nothing was replaced and the vault is still open: its check starts again.
        const still = this.#open;
        if (stoppedCheck && still) this.#startIntegrityCheck(still);
        throw error;
      }

      const details = { backupId: backup.id, backupCreatedAt: backup.manifest.createdAt, keys: key.keys, method: key.method };
      this.#auditOrClose(opened, () => {
        if (key.method !== 'open-vault') this.#auditUnlock(opened, key.method);
        opened.data.audit.append('backup.restored', details);
        if (keysToStage) opened.data.audit.append('vault.passphrase_reset', { method: 'recovery', at: this.#now() });
      });
      this.#becomeUnlocked(opened, epoch);
      const pending = restore.pendingRestore(this.folder);
      return {
        backup: summarizeBackup(backup, backup.manifest.vaultId),
        pendingRestore: {
          backupId: backup.id,
          backupCreatedAt: backup.manifest.createdAt,
          restoredAt: pending?.restoredAt ?? this.#now(),
          keys: key.keys,
        },
      };
    });
  }

  /** The worker keeps the restored vault; the one set aside is deleted. Needs the vault unlocked. */
  confirmRestore(): Promise<void> {
    return this.#serialize(async () => {
      const open = this.#requireOpen();
      const pending = restore.pendingRestore(this.folder);
      if (!pending) throw new VaultError('NOT_FOUND', 'There is no restore waiting to be kept.');
      restore.confirmRestore(this.folder);
      open.data.audit.append('backup.restore_kept', { backupId: pending.backupId });
    });
  }

  /**
   * The worker goes back to the vault as it was before the restore. What the
   * restored vault held meanwhile is kept in `restore-undone-<time>/` in the
   * vault folder. Needs the vault unlocked; leaves it locked.
   */
  undoRestore(): Promise<{ keptIn: string }> {
    return this.#serialize(async () => {
      const open = this.#requireOpen();
      const pending = restore.pendingRestore(this.folder);
      if (!pending) throw new VaultError('NOT_FOUND', 'There is no restore to undo.');
      this.#lockEpoch += 1;
      this.#closeOpen(open);
      await this.#integrityThread;
      const keptIn = restore.undoRestore(this.folder, this.#clock());
      this.#pendingAudit.push({ action: 'backup.restore_undone', details: { backupId: pending.backupId, keptIn } });
      this.#notifyLocked('user');
      return { keptIn: path.join(this.folder, keptIn) };
    });
  }

  #requireOpen(): OpenVault {
    if (!this.#open) throw new VaultError('VAULT_LOCKED', 'The vault is locked.');
    return this.#open;
  }

  /** The vault id of the open vault, or from the keys file; null when there is none or it does not read. */
  #currentVaultId(): string | null {
    if (this.#open) return this.#open.vaultId;
    try {
      return parseKeyFile(readBoundedFileSync(keyFilePath(this.folder), MAX_KEY_FILE_BYTES)).vaultId;
    } catch {
      return null;
    }
  }

  /** Writes a backup and thins out old ones; a failure is remembered and audited, then thrown. */
  #backUp(open: OpenVault, reason: BackupReason): BackupEntry {
    const settings = this.backupSettings();
    const now = this.#clock();
    try {
      if (open.integrity?.status === 'damaged') {
        throw new VaultError(
          'VAULT_CORRUPT',
          'The vault is damaged, so no backup was made: the backups you have are kept as they are. Restore the newest one.',
        );
      }
      const entry = writeBackup({
        db: open.db,
        dataKey: open.dataKey,
        vaultFolder: this.folder,
        folder: settings.folder,
        vaultId: open.vaultId,
        schemaVersion: schemaVersion(open.db),
        reason,
        now,
      });
      let removed: string[] = [];
      try {
        removed = pruneBackups(settings.folder, open.vaultId, settings.keep, now);
      } catch {
        // Old backups left in place are not a failure of this one.
      }
      this.#lastBackupFailure = null;
      open.data.audit.append('backup.created', { id: entry.id, reason, bytes: entry.manifest.files[DATABASE_FILE_NAME].bytes, removed });
      return entry;
    } catch (error) {
      const failure = asStorageError(error, 'backup');
      this.#lastBackupFailure = {
        at: now.toISOString(),
        code: failure instanceof VaultError ? failure.code : 'INTERNAL',
        message: failure instanceof VaultError ? failure.message : 'The backup could not be made.',
      };
      try {
        open.data.audit.append('backup.failed', { reason, code: this.#lastBackupFailure.code });
      } catch {
        // The vault's own disk may be the full one.
      }
      throw failure;
    }
  }

  /** As the vault locks: a backup when automatic backups are on and the last one is a day old (or none). */
  #backUpIfDue(open: OpenVault): void {
    try {
      const settings = this.backupSettings();
      if (!settings.automatic) return;
      const latest = listBackups(settings.folder).find((entry) => entry.manifest.vaultId === open.vaultId);
      if (latest) {
        const age = this.#clock().getTime() - Date.parse(latest.manifest.createdAt);
        if (age >= 0 && age < this.#backupDefaults.minIntervalMs) return;
      }
      this.#backUp(open, 'automatic');
    } catch {
      // Remembered and audited by #backUp; locking goes on regardless.
    }
  }

  async #keyForBackup(
    backupKeys: KeyFile,
    request: RestoreRequest,
  ): Promise<{ dataKey: Buffer; keys: 'kept' | 'replaced'; method: 'open-vault' | UnlockMethod }> {
    const open = this.#open;
    if (request.passphrase === undefined && request.recoveryKey === undefined) {
      if (open && open.vaultId === backupKeys.vaultId) return { dataKey: this.#track(Buffer.from(open.dataKey)), keys: 'kept', method: 'open-vault' };
      throw new VaultError('INVALID_INPUT', 'passphrase: enter the passphrase this backup was made with (or the recovery key) to restore it.');
    }
    const made = backupKeys.createdAt.slice(0, 10);
    if (request.passphrase !== undefined) {
      this.#attempts.assertMayTry();
      const dataKey = await this.#unseal(backupKeys, 'passphrase', request.passphrase);
      if (!dataKey) {
        if (open) {
          const { at } = this.#attempts.recordFailure('passphrase', { audited: true });
          open.data.audit.append('backup.restore_failed', { method: 'passphrase', at });
        } else this.#attempts.recordFailure('passphrase');
        throw this.#wrongPassphrase(
          `That passphrase does not open this backup. It opens with the passphrase the vault had when the backup was made (the vault dates from ${made}), or with the recovery key.`,
        );
      }
      const keepCurrent = open !== null && open.vaultId === backupKeys.vaultId && crypto.timingSafeEqual(dataKey, open.dataKey);
      return { dataKey, keys: keepCurrent ? 'kept' : 'replaced', method: 'passphrase' };
    }
    const secret = this.#track(parseRecoveryKey(request.recoveryKey ?? ''));
    let dataKey: Buffer | null;
    try {
      dataKey = await this.#unseal(backupKeys, 'recovery', secret);
    } finally {
      secret.fill(0);
    }
    if (!dataKey) {
      this.#attempts.recordFailure('recovery', { audited: open !== null });
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
  async #keysWithNewPassphrase(
    backupKeys: KeyFile,
    key: { dataKey: Buffer; keys: 'kept' | 'replaced'; method: 'open-vault' | UnlockMethod },
    newPassphrase: string | undefined,
  ): Promise<KeyFile | null> {
    if (key.method !== 'recovery' || key.keys !== 'replaced' || newPassphrase === undefined) return null;
    try {
      const passphrase = await this.#seal(key.dataKey, newPassphrase, await this.#passphraseKdfCost(), backupKeys.vaultId, 'passphrase');
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
   * backup's own (see #keysWithNewPassphrase).
   */
  #swapInBackup(backup: BackupEntry, key: { dataKey: Buffer; keys: 'kept' | 'replaced' }, stagedKeys: KeyFile | null): OpenVault {
    const { dataKey } = key;
    const staging = restore.stagingPaths(this.folder);
    try {
      fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
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
        restore.removeStaging(this.folder);
        throw error;
      }

      const wasOpen = this.#open;
      if (wasOpen) this.#closeOpen(wasOpen);
      const restoredAt = this.#now();
      try {
        restore.swapInBackup(this.folder, { backupId: backup.id, backupCreatedAt: backup.manifest.createdAt, restoredAt, keys: key.keys });
      } catch (error) {
        if (wasOpen) this.#notifyLocked('user');
        throw error;
      }
      try {
        // The staged copy passed the full check a moment ago, and these are its bytes.
        return this.#openDatabase(dataKey, { create: false, checked: true }, backup.manifest.vaultId);
      } catch (error) {
        // Checked a moment ago, yet it does not open in place: put the vault back as it was.
        restore.undoRestore(this.folder, this.#clock());
        if (wasOpen) this.#notifyLocked('user');
        throw error;
      }
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
  }

  /** After a crash in the middle of a restore or an undo (see restore.ts), or of a keys file change (leftovers.ts). */
  #recoverInterruptedRestore(): void {
    try {
      restore.recoverInterruptedRestore(this.folder, this.#clock);
      removeKeyFileLeftovers(this.folder);
    } catch {
      // Left as it is for the next look; a read-only folder cannot be tidied.
    }
  }

  /** Adds the newest backup to errors a restore can fix, so the app can offer it. */
  #withBackupOffer(error: unknown): unknown {
    const mapped = asStorageError(error);
    if (mapped instanceof VaultError && BACKUP_OFFER_CODES.has(mapped.code)) {
      mapped.details = { ...mapped.details, latestBackup: this.#latestBackupOffer() };
    }
    return mapped;
  }

  #latestBackupOffer(): BackupOffer | null {
    try {
      const vaultId = this.#currentVaultId();
      const backups = listBackups(this.backupSettings().folder);
      const newest = vaultId === null ? backups[0] : backups.find((entry) => entry.manifest.vaultId === vaultId);
      return newest ? { id: newest.id, createdAt: newest.manifest.createdAt } : null;
    } catch {
      return null;
    }
  }

  /** Test-only view of every key Buffer this session made, to check they are zeroed. */
  keyBuffersForTesting(): readonly Buffer[] {
    if (!this.#keyBuffers) throw new Error('keyBuffersForTesting() is only available when NODE_ENV is "test".');
    return [...this.#keyBuffers];
  }

  /** Writes the database, then the keys file; if either fails, the database just made is removed again. */
  async #writeNewVault(dataKey: Buffer, keyFile: KeyFile): Promise<OpenVault> {
    this.#setAsideOrphanedDatabase();
    this.#createEmptyDatabaseFile();
    try {
      const opened = this.#openDatabase(dataKey, { create: true }, keyFile.vaultId);
      try {
        opened.data.audit.append('vault.created', { vaultId: keyFile.vaultId });
        opened.data.settings.update({ autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES }); // migration 001 stores the old default
        await writeKeyFile(this.folder, keyFile);
        return opened;
      } catch (error) {
        opened.db.close();
        throw error;
      }
    } catch (error) {
      this.#removeDatabaseFiles(); // ours, made a moment ago; anything older was set aside
      throw error;
    }
  }

  async #replacePassphraseWrap(keyFile: KeyFile, dataKey: Buffer, newPassphrase: string, method: UnlockMethod, action: string, epoch: number): Promise<void> {
    let passphraseWrap: Wrap;
    try {
      passphraseWrap = await this.#seal(dataKey, newPassphrase, await this.#passphraseKdfCost(), keyFile.vaultId, 'passphrase');
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    const updated: KeyFile = { ...keyFile, wraps: { ...keyFile.wraps, passphrase: passphraseWrap } };
    const change = { method, at: this.#now(), wrapNonce: passphraseWrap.nonce };

    const alreadyOpen = this.#open;
    if (alreadyOpen) {
      const sameVault = crypto.timingSafeEqual(dataKey, alreadyOpen.dataKey);
      dataKey.fill(0);
      if (!sameVault) throw new VaultError('KEYS_CORRUPT', 'The vault keys file no longer matches the open vault; it was replaced while Sole Notes was running.');
      alreadyOpen.data.audit.append(action, change); // before the rename: see recordedKeyFileWrite.ts
      await writeRecordedKeyFile(this.folder, updated, { action, wrapNonce: change.wrapNonce }, (entry) => this.#audit(...entry));
      this.#attempts.reset();
      return;
    }

    // Open first: a damaged database is reported before the keys file changes.
    const opened = this.#openDatabaseOrZero(dataKey, keyFile.vaultId);
    this.#auditOrClose(opened, () => {
      this.#auditUnlock(opened, method);
      opened.data.audit.append(action, change);
    });
    try {
      await writeRecordedKeyFile(this.folder, updated, { action, wrapNonce: change.wrapNonce }, (entry) => opened.data.audit.append(...entry));
    } catch (error) {
      closeAndZero(opened);
      throw error;
    }
    this.#becomeUnlocked(opened, epoch);
  }

  /** Derives the key-encryption key for one slot and opens its wrap; null when the secret is wrong. */
  async #unseal(keyFile: KeyFile, slot: WrapSlot, secret: string | Buffer): Promise<Buffer | null> {
    const wrap = keyFile.wraps[slot];
    const kek = this.#track(await deriveKey(secret, wrap.kdf));
    try {
      const dataKey = unwrapKey(wrap, kek, wrapAad(keyFile.vaultId, slot));
      return dataKey && this.#track(dataKey);
    } finally {
      kek.fill(0);
    }
  }

  async #seal(dataKey: Buffer, secret: string | Buffer, cost: KdfCost, vaultId: string, slot: WrapSlot): Promise<Wrap> {
    const kdf = newKdfParams(cost);
    const kek = this.#track(await deriveKey(secret, kdf));
    try {
      return { kdf, ...wrapKey(dataKey, kek, wrapAad(vaultId, slot)) };
    } finally {
      kek.fill(0);
    }
  }

  async #passphraseKdfCost(): Promise<KdfCost> {
    return this.#kdf ?? (await benchmarkKdf()).cost;
  }

  /**
   * Opens the database and brings its schema up to date. An existing one is
   * checked at once only as far as opening needs (key, header, schema pages,
   * file length: openEncryptedDatabase); its full integrity check then runs
   * in the background (see integrityCheck.ts), unless `checked` says the file
   * was just checked whole (a restore).
   */
  #openDatabase(dataKey: Buffer, options: { create: boolean; checked?: boolean }, vaultId: string): OpenVault {
    const file = this.#databasePath('');
    const db = openEncryptedDatabase(file, dataKey, { create: options.create });
    try {
      (options.create ? migrate : upgradeExistingVault)(db, this.#clock);
      const opened: OpenVault = { db, data: new VaultData(db, this.#clock), dataKey, vaultId, integrity: null };
      if (!options.create && options.checked !== true) this.#startIntegrityCheck(opened);
      return opened;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  #startIntegrityCheck(opened: OpenVault): void {
    const check = startIntegrityCheck(this.#databasePath(''), opened.dataKey, (outcome) => this.#integrityFailed(opened, outcome));
    opened.integrity = check;
    this.#integrityThread = check.exited;
  }

  /**
   * Stops the background check, if one runs, and waits until its thread has
   * closed the database file: a restore renames that file, which Windows
   * refuses while any connection holds it open. Returns whether a check was
   * stopped before it finished (the caller may start it again).
   */
  async #awaitIntegrityThread(): Promise<boolean> {
    const running = this.#open?.integrity?.status === 'checking';
    this.#open?.integrity?.stop();
    await this.#integrityThread;
    return running;
  }

  /**
   * Damage found by the background check: recorded in the audit log where it
   * still can be (the damaged pages may be elsewhere), and from now on every
   * backup is refused (#backUp), so that the good backups are never thinned
   * out in favour of a damaged copy. The worker learns of it from the vault
   * status, with the newest backup to restore.
   */
  #integrityFailed(opened: OpenVault, outcome: IntegrityOutcome): void {
    if (this.#open !== opened) return;
    try {
      opened.data.audit.append('vault.integrity_failed', { problems: outcome.problems.length });
    } catch {
      // The audit log's own pages may be the damaged ones.
    }
  }

  /** The open vault's background integrity check; null while locked. */
  integrity(): IntegrityReport | null {
    const open = this.#open;
    if (!open) return null;
    const status = open.integrity?.status ?? 'ok';
    return status === 'damaged' ? { status, latestBackup: this.#latestBackupOffer() } : { status };
  }

  /** Resolves when the open vault's integrity check has finished (null: locked or stopped first). */
  async integrityChecked(): Promise<IntegrityStatus | null> {
    const open = this.#open;
    if (!open) return null;
    if (!open.integrity) return 'ok';
    const outcome = await open.integrity.done;
    return outcome?.status ?? null;
  }

  /** Opens the existing database; on failure the data key is zeroed. */
  #openDatabaseOrZero(dataKey: Buffer, vaultId: string): OpenVault {
    try {
      return this.#openDatabase(dataKey, { create: false }, vaultId);
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
  }

  #auditOrClose(opened: OpenVault, write: () => void): void {
    try {
      write();
    } catch (error) {
      closeAndZero(opened);
      throw error;
    }
  }

  /**
   * Logs the failed attempts kept in the attempts file and anything else
   * pending, then the unlock itself, and only then lifts the brake.
   */
  #auditUnlock(opened: OpenVault, method: UnlockMethod): void {
    const failed = this.#attempts.unaudited();
    writeTransaction(opened.db, () => {
      for (const entry of failed.entries) opened.data.audit.append('vault.unlock_failed', { method: entry.method, at: entry.at });
      if (failed.dropped > 0) opened.data.audit.append('vault.unlock_failed_unlogged', { count: failed.dropped });
    })();
    // One at a time, so entries already appended are not appended again if one fails.
    for (let next = this.#pendingAudit[0]; next; next = this.#pendingAudit[0]) {
      opened.data.audit.append(next.action, next.details);
      this.#pendingAudit.shift();
    }
    opened.data.audit.append('vault.unlocked', { method });
    this.#attempts.reset();
    if (method !== 'pin') this.quickUnlock.passphraseEntered(opened.dataKey);
  }

  /** Appends to the audit now if the vault is open, else at the next unlock. */
  #audit(action: string, details: Record<string, unknown>): void {
    if (this.#open) this.#open.data.audit.append(action, details);
    else this.#pendingAudit.push({ action, details });
  }

  /** Keeps the vault open, unless lock() was called while the operation ran: then it locks at once. */
  #becomeUnlocked(opened: OpenVault, epoch: number): void {
    this.#open = opened;
    if (epoch !== this.#lockEpoch) this.lock(this.#lastLockReason);
  }

  /**
   * WRONG_PASSPHRASE, for a failure already recorded: when it starts a pause,
   * the wait comes with it (`retryAfterSeconds`), so the countdown shows now
   * rather than after the next try is refused.
   */
  #wrongPassphrase(message: string): VaultError {
    const wait = this.#attempts.waitSeconds();
    return new VaultError('WRONG_PASSPHRASE', message, wait > 0 ? { details: { retryAfterSeconds: wait } } : undefined);
  }

  /** Recorded in the attempts file (the audit log is in the database this attempt could not open). */
  #failedUnlock(method: Exclude<UnlockMethod, 'pin'>): VaultError {
    this.#attempts.recordFailure(method);
    return method === 'passphrase'
      ? this.#wrongPassphrase('That passphrase is not right.')
      : new VaultError('WRONG_RECOVERY_KEY', 'That recovery key does not open this vault. Check it against the printed copy.');
  }

  #assertNoVault(): void {
    if (this.#open || fs.existsSync(keyFilePath(this.folder))) {
      throw new VaultError('VAULT_EXISTS', 'There is already a vault in this folder; nothing was changed.');
    }
  }

  /**
   * A database without a keys file is left over from a create that stopped
   * part-way (or its keys file was lost). It is renamed, never deleted, in
   * case the keys file turns up.
   */
  #setAsideOrphanedDatabase(): void {
    const stamp = this.#now().replace(/[:.]/g, '-');
    for (const suffix of DATABASE_FILE_SUFFIXES) {
      const file = this.#databasePath(suffix);
      if (fs.existsSync(file)) fs.renameSync(file, `${file}.orphaned-${stamp}`);
    }
  }

  /** The empty file gets owner-only permissions, which SQLite then gives the -wal and -shm files too. */
  #createEmptyDatabaseFile(): void {
    fs.closeSync(fs.openSync(this.#databasePath(''), 'wx', 0o600));
  }

  #removeDatabaseFiles(): void {
    for (const suffix of DATABASE_FILE_SUFFIXES) fs.rmSync(this.#databasePath(suffix), { force: true });
  }

  #databasePath(suffix: DatabaseFileSuffix): string {
    return databaseFile(this.folder, suffix);
  }

  #now(): string {
    return this.#clock().toISOString();
  }

  #track(key: Buffer): Buffer {
    this.#keyBuffers?.push(key);
    return key;
  }

  /**
   * Runs async operations one at a time, so a double click cannot unlock
   * twice. A full or read-only disk comes out as STORAGE_FULL or
   * STORAGE_READ_ONLY, a damaged page as VAULT_CORRUPT.
   */
  #serialize<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(async () => {
      try {
        this.#recoverInterruptedRestore();
        return await operation();
      } catch (error) {
        throw asStorageError(error);
      }
    });
    this.#queue = result.catch(() => undefined);
    return result;
  }
}


function summarizeBackup(entry: BackupEntry, currentVaultId: string | null): BackupSummary {
  return {
    id: entry.id,
    createdAt: entry.manifest.createdAt,
    reason: entry.manifest.reason,
    vaultId: entry.manifest.vaultId,
    sameVault: currentVaultId === null ? null : entry.manifest.vaultId === currentVaultId,
    schemaVersion: entry.manifest.schemaVersion,
    bytes: entry.manifest.files[DATABASE_FILE_NAME].bytes,
  };
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

function closeAndZero(opened: OpenVault): void {
  opened.integrity?.stop();
  try {
    opened.db.close();
  } finally {
    opened.dataKey.fill(0);
  }
}
