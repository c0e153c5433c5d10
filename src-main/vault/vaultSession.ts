import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LockReason } from '../../shared/api/bridge';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../shared/domain/autoLock';
import type { BackupOffer } from '../../shared/api/errors';
import type { VaultState } from '../../shared/api/schemas';
import type { BackupSettingsPatch, BackupSettingsValue } from './backups/backupSettings';
import * as restore from './backups/restore';
import { restoreFromBackup, type RestoreHost, type RestoreRequest } from './backups/restoreFlow';
import { SessionBackups, summarizeBackup, type BackupListing, type BackupOptions, type BackupSummary, type FreshBackupSetResult, type PendingRestoreSummary } from './backups/sessionBackups';
import { readBoundedFileSync } from './boundedRead';
import { DATA_KEY_BYTES, openEncryptedDatabase } from './connection';
import { VaultError } from './errors';
import { databaseFile } from './folderLayout';
import type { IntegrityStatus } from './integrityCheck';
import { IntegrityWatch, type IntegrityReport } from './integrityWatch';
import { UnlockAttempts } from './keys/attempts';
import { benchmarkKdf, type KdfCost } from './keys/kdf';
import { keyFilePath, MAX_KEY_FILE_BYTES, parseKeyFile, readKeyFile, writeKeyFile, type KeyFile, type Wrap, type WrapSlot } from './keys/keyFile';
import { withKeyFileLock } from './keys/keyFileLock';
import { newKeyFile, sealSlot, unsealSlot } from './keys/keySlots';
import { removeKeyFileLeftovers } from './keys/leftovers';
import { assertStrongPassphrase } from './keys/passphraseStrength';
import { writeRecordedKeyFile } from './keys/recordedKeyFileWrite';
import { generateRecoveryKey, parseRecoveryKey } from './keys/recoveryKey';
import { createEmptyDatabaseFile, removeDatabaseFiles, setAsideOrphanedDatabase } from './newDatabaseFile';
import { LockListeners } from './lockListeners';
import { closeAndZero, type OpenVault, type UnlockMethod } from './openVault';
import { QuickUnlockKeeper, type QuickUnlockOptions } from './quickUnlock/quickUnlockKeeper';
import { migrate, upgradeExistingVault } from './schema/migrations';
import { asStorageError } from './storageErrors';
import { VaultData } from './vaultData';
import { UnlockAudit } from './unlockAudit';

export interface VaultSessionOptions {
  /** Fixed argon2id cost instead of calibrating on this machine (tests, benchmarks). */
  kdf?: KdfCost;
  clock?: () => Date;
  backups?: BackupOptions;
  /** The PIN after a short lock (see quickUnlock/); the clock is the session's unless given. */
  quickUnlock?: QuickUnlockOptions;
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
  readonly #lockListeners = new LockListeners();
  #open: OpenVault | null = null;
  /** Wrong passphrases in a row and the delay they impose, kept in `vault.attempts.json`. */
  readonly #attempts: UnlockAttempts;
  /** Backups as the vault locks or on request, their settings and the last failure (backups/sessionBackups.ts). */
  readonly #backups: SessionBackups;
  /** Bumped by every lock(), so an operation requested before it, still queued or deriving a key, ends locked. */
  #lockEpoch = 0;
  #lastLockReason: LockReason = 'user';
  #queue: Promise<unknown> = Promise.resolve();
  /** The background integrity check of the open vault. */
  readonly #integrity: IntegrityWatch;
  /** Audit entries for events while locked, appended at the next unlock. */
  readonly #unlockAudit: UnlockAudit;
  /** Every key Buffer this session made, kept only under NODE_ENV=test so tests can see them zeroed. */
  readonly #keyBuffers: Buffer[] | null = process.env.NODE_ENV === 'test' ? [] : null;
  /** The PIN after an idle lock: memory only, told of each passphrase unlock and each lock. */
  readonly quickUnlock: QuickUnlockKeeper;

  constructor(folder: string, options: VaultSessionOptions = {}) {
    this.folder = path.resolve(folder);
    this.#kdf = options.kdf;
    this.#clock = options.clock ?? (() => new Date());
    this.#attempts = new UnlockAttempts(this.folder, this.#clock);
    this.#unlockAudit = new UnlockAudit(this.#attempts);
    this.#integrity = new IntegrityWatch(databaseFile(this.folder));
    this.quickUnlock = new QuickUnlockKeeper({ clock: this.#clock, ...options.quickUnlock });
    this.#backups = new SessionBackups(this.folder, this.#clock, options.backups);
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
    return this.#lockListeners.onLock(listener);
  }

  /** Calls back as a lock begins, before the database closes; returns an unsubscribe function. */
  onBeforeClose(listener: (data: VaultData) => void): () => void {
    return this.#lockListeners.onBeforeClose(listener);
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
        const keyFile = await newKeyFile(dataKey, { passphrase, recovery: recovery.secret }, cost, vaultId, this.#now(), (key) => this.#track(key));
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
        if (!dataKey) throw this.#attempts.failedUnlock('passphrase');

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
      if (!dataKey) throw this.#attempts.failedUnlock('recovery');
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
        if (!this.#open) throw this.#attempts.failedUnlock('passphrase');
        const { at } = this.#attempts.recordFailure('passphrase', { audited: true });
        this.#audit('vault.passphrase_change_failed', { at });
        throw this.#attempts.wrongPassphrase('The current passphrase is not right.');
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
    this.#backups.backUpIfDue(open);
    this.#closeOpen(open);
    this.#notifyLocked(reason);
  }

  #closeOpen(open: OpenVault): void {
    this.#lockListeners.closing(open.data);
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
    this.#lockListeners.locked(reason);
  }

  // Backups (see backup.ts) and restore (see restore.ts).

  /** Where backups go, how many are kept, whether they are automatic. Readable while locked. */
  backupSettings(): BackupSettingsValue {
    return this.#backups.settings();
  }

  /** Needs the vault unlocked: only the worker may move or thin out the backups. */
  updateBackupSettings(patch: BackupSettingsPatch): Promise<BackupSettingsValue> {
    return this.#serialize(async () => this.#backups.updateSettings(this.#requireOpen(), patch));
  }

  /**
   * The backups in the backup folder (or `folder`), newest first, with the
   * settings, a restore waiting to be kept or undone, and the last failed
   * backup. Works locked, and with no vault at all (a new laptop).
   */
  listBackups(folder?: string): BackupListing {
    if (folder !== undefined && !path.isAbsolute(folder)) throw new VaultError('INVALID_INPUT', 'folder: choose the backup folder by its full path.');
    this.#recoverInterruptedRestore();
    return this.#backups.listing(folder, this.#currentVaultId());
  }

  /** A backup now into the backup folder (or `folder`), whatever the time since the last one; the oldest beyond the number to keep are removed. */
  createBackup(folder?: string): Promise<BackupSummary> {
    return this.#serialize(async () => {
      const open = this.#requireOpen();
      return summarizeBackup(this.#backups.backUp(open, 'manual', folder), open.vaultId);
    });
  }

  /** A new full copy, checked, then the older ones removed, in each backup folder it can reach (backups/freshBackupSet.ts). */
  startFreshBackupSet(): Promise<FreshBackupSetResult> {
    return this.#serialize(async () => this.#backups.freshSet(this.#requireOpen()));
  }

  /** While unlocked: a copy to the second place when it can be seen and the last one there is older than the interval (offsitePoll.ts). */
  copyOffLaptopIfDue(): Promise<boolean> {
    return this.#serialize(async () => this.#open !== null && this.#backups.offsiteIfDue(this.#open));
  }

  /**
   * Puts a backup in place of the vault (see backups/restoreFlow.ts); the
   * vault it replaces is set aside until the worker keeps the restore
   * (confirmRestore) or goes back (undoRestore). Leaves the restored vault
   * unlocked; the renderer must drop everything it holds.
   */
  restoreBackup(request: RestoreRequest): Promise<{ backup: BackupSummary; pendingRestore: PendingRestoreSummary }> {
    const epoch = this.#lockEpoch;
    return this.#serialize(async () => {
      const { opened, backup, keys } = await restoreFromBackup(this.#restoreHost, request, this.backupSettings().folder);
      this.#becomeUnlocked(opened, epoch);
      const pending = restore.pendingRestore(this.folder);
      return {
        backup,
        pendingRestore: { backupId: backup.id, backupCreatedAt: backup.createdAt, restoredAt: pending?.restoredAt ?? this.#now(), keys },
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
      await this.#integrity.threadEnded();
      const keptIn = restore.undoRestore(this.folder, this.#clock());
      this.#unlockAudit.append(null, 'backup.restore_undone', { backupId: pending.backupId, keptIn });
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
    return this.#backups.latestOffer(this.#currentVaultId());
  }

  /** What restoreFlow.ts may use of this session. */
  get #restoreHost(): RestoreHost {
    return {
      folder: this.folder,
      clock: this.#clock,
      attempts: this.#attempts,
      track: (key) => this.#track(key),
      open: () => this.#open,
      passphraseKdfCost: () => this.#passphraseKdfCost(),
            closeOpen: (open) => this.#closeOpen(open),
      notifyLocked: (reason) => this.#notifyLocked(reason),
      openChecked: (dataKey, vaultId) => this.#openDatabase(dataKey, { create: false, checked: true }, vaultId),
      stopIntegrityCheck: () => this.#integrity.stopAndWait(this.#open),
      startIntegrityCheck: (open) => this.#startIntegrityCheck(open),
      auditOrClose: (opened, write) => this.#auditOrClose(opened, write),
      auditUnlock: (opened, method) => this.#auditUnlock(opened, method),
    };
  }

  /** Test-only view of every key Buffer this session made, to check they are zeroed. */
  keyBuffersForTesting(): readonly Buffer[] {
    if (!this.#keyBuffers) throw new Error('keyBuffersForTesting() is only available when NODE_ENV is "test".');
    return [...this.#keyBuffers];
  }

  /** Writes the database, then the keys file; if either fails, the database just made is removed again. */
  async #writeNewVault(dataKey: Buffer, keyFile: KeyFile): Promise<OpenVault> {
    setAsideOrphanedDatabase(this.folder, this.#clock());
    createEmptyDatabaseFile(this.folder);
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
      removeDatabaseFiles(this.folder); // ours, made a moment ago; anything older was set aside
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

  #unseal(keyFile: KeyFile, slot: WrapSlot, secret: string | Buffer): Promise<Buffer | null> {
    return unsealSlot(keyFile, slot, secret, (key) => this.#track(key));
  }

  #seal(dataKey: Buffer, secret: string | Buffer, cost: KdfCost, vaultId: string, slot: WrapSlot): Promise<Wrap> {
    return sealSlot(dataKey, secret, cost, vaultId, slot, (key) => this.#track(key));
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
    const file = databaseFile(this.folder);
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
    this.#integrity.start(opened, (candidate) => this.#open === candidate);
  }

  /** The open vault's background integrity check; null while locked. */
  integrity(): IntegrityReport | null {
    return this.#integrity.report(this.#open, () => this.#latestBackupOffer());
  }

  /** Resolves when the open vault's integrity check has finished (null: locked or stopped first). */
  integrityChecked(): Promise<IntegrityStatus | null> {
    return this.#integrity.checked(this.#open);
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

  #auditUnlock(opened: OpenVault, method: UnlockMethod): void {
    this.#unlockAudit.unlocked(opened, method);
    if (method !== 'pin') this.quickUnlock.passphraseEntered(opened.dataKey);
  }

  /** Appends to the audit now if the vault is open, else at the next unlock. */
  #audit(action: string, details: Record<string, unknown>): void {
    this.#unlockAudit.append(this.#open, action, details);
  }

  /** Keeps the vault open, unless lock() was called while the operation ran: then it locks at once. */
  #becomeUnlocked(opened: OpenVault, epoch: number): void {
    this.#open = opened;
    if (epoch !== this.#lockEpoch) this.lock(this.#lastLockReason);
  }

  #assertNoVault(): void {
    if (this.#open || fs.existsSync(keyFilePath(this.folder))) {
      throw new VaultError('VAULT_EXISTS', 'There is already a vault in this folder; nothing was changed.');
    }
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


