import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LockReason } from '../../shared/api/bridge';
import type { VaultState } from '../../shared/api/schemas';
import { DATA_KEY_BYTES, openEncryptedDatabase, type VaultDatabase } from './connection';
import { VaultError } from './errors';
import { benchmarkKdf, deriveKey, KDF_FLOOR, newKdfParams, type KdfCost } from './kdf';
import { KEY_FILE_FORMAT, KEY_FILE_VERSION, keyFilePath, readKeyFile, unwrapKey, wrapAad, wrapKey, writeKeyFile, type KeyFile, type Wrap, type WrapSlot } from './keyFile';
import { assertStrongPassphrase } from './passphraseStrength';
import { generateRecoveryKey, parseRecoveryKey } from './recoveryKey';
import { migrate } from './schema/migrations';
import { VaultData } from './vaultData';

export const DATABASE_FILE_NAME = 'vault.db';
/** The database and the files SQLite keeps beside it. */
const DATABASE_FILE_SUFFIXES = ['', '-wal', '-shm', '-journal'] as const;

/**
 * The recovery key holds 200 random bits, so it needs no stretching beyond
 * the floor; the passphrase slot gets the calibrated cost.
 */
const RECOVERY_KDF_COST: KdfCost = { algorithm: 'argon2id', ...KDF_FLOOR };

export interface VaultSessionOptions {
  /** Fixed argon2id cost instead of calibrating on this machine (tests, benchmarks). */
  kdf?: KdfCost;
  clock?: () => Date;
}

type UnlockMethod = 'passphrase' | 'recovery';

interface OpenVault {
  db: VaultDatabase;
  data: VaultData;
  dataKey: Buffer;
}

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
  #open: OpenVault | null = null;
  /** Audit entries for events while locked (wrong passphrases, mostly); appended at the next unlock. */
  #pendingAudit: { action: string; details: Record<string, unknown> }[] = [];
  /** Bumped by every lock(), so an operation requested before it, still queued or deriving a key, ends locked. */
  #lockEpoch = 0;
  #lastLockReason: LockReason = 'user';
  #queue: Promise<unknown> = Promise.resolve();
  /** Every key Buffer this session made, kept only under NODE_ENV=test so tests can see them zeroed. */
  readonly #keyBuffers: Buffer[] | null = process.env.NODE_ENV === 'test' ? [] : null;

  constructor(folder: string, options: VaultSessionOptions = {}) {
    this.folder = path.resolve(folder);
    this.#kdf = options.kdf;
    this.#clock = options.clock ?? (() => new Date());
  }

  state(): VaultState {
    if (this.#open) return 'unlocked';
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
        this.#assertNoVault(); // again: argon2id took a while
        opened = await this.#writeNewVault(dataKey, keyFile);
      } catch (error) {
        dataKey.fill(0);
        throw error;
      } finally {
        recovery.secret.fill(0);
      }
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
      const keyFile = await readKeyFile(this.folder);
      const dataKey = await this.#unseal(keyFile, 'passphrase', passphrase);
      if (!dataKey) throw this.#failedUnlock('passphrase');

      const opened = this.#openDatabaseOrZero(dataKey);
      this.#auditOrClose(opened, () => this.#auditUnlock(opened, 'passphrase'));
      this.#becomeUnlocked(opened, epoch);
    });
  }

  /**
   * Unlocks with the recovery key and sets a new passphrase, which is judged
   * before anything else happens. The recovery key stays valid.
   */
  unlockWithRecovery(recoveryKey: string, newPassphrase: string): Promise<void> {
    const epoch = this.#lockEpoch;
    return this.#serialize(async () => {
      assertStrongPassphrase(newPassphrase);
      const secret = this.#track(parseRecoveryKey(recoveryKey));
      let dataKey: Buffer | null;
      let keyFile: KeyFile;
      try {
        keyFile = await readKeyFile(this.folder);
        dataKey = await this.#unseal(keyFile, 'recovery', secret);
      } finally {
        secret.fill(0);
      }
      if (!dataKey) throw this.#failedUnlock('recovery');
      await this.#replacePassphraseWrap(keyFile, dataKey, newPassphrase, 'recovery', 'vault.passphrase_reset', epoch);
    });
  }

  /**
   * Rewraps the data key under a new passphrase, with a fresh salt, nonce and
   * cost; the database is never re-encrypted. Works locked or unlocked, and
   * leaves the vault unlocked.
   */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    const epoch = this.#lockEpoch;
    return this.#serialize(async () => {
      assertStrongPassphrase(newPassphrase);
      const keyFile = await readKeyFile(this.folder);
      const dataKey = await this.#unseal(keyFile, 'passphrase', currentPassphrase);
      if (!dataKey) {
        if (!this.#open) throw this.#failedUnlock('passphrase');
        this.#audit('vault.passphrase_change_failed', { at: this.#now() });
        throw new VaultError('WRONG_PASSPHRASE', 'The current passphrase is not right.');
      }
      await this.#replacePassphraseWrap(keyFile, dataKey, newPassphrase, 'passphrase', 'vault.passphrase_changed', epoch);
    });
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
    if (!open) return;
    this.#open = null;
    try {
      open.db.close();
    } catch {
      // Nothing more to do: the key is zeroed below either way.
    } finally {
      open.dataKey.fill(0);
    }
    for (const listener of [...this.#listeners]) {
      try {
        listener(reason);
      } catch {
        // One failing listener must not stop the others from hearing of the lock.
      }
    }
  }

  /** Test-only view of every key Buffer this session made, to check they are zeroed. */
  keyBuffersForTesting(): readonly Buffer[] {
    if (!this.#keyBuffers) throw new Error('keyBuffersForTesting() is only available when NODE_ENV is "test".');
    return [...this.#keyBuffers];
  }

  /** Writes the database, then the keys file; if either fails, the database just made is removed again. */
  async #writeNewVault(dataKey: Buffer, keyFile: KeyFile): Promise<OpenVault> {
    fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    this.#setAsideOrphanedDatabase();
    this.#createEmptyDatabaseFile();
    try {
      const opened = this.#openDatabase(dataKey, { create: true });
      try {
        opened.data.audit.append('vault.created', { vaultId: keyFile.vaultId });
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

    const alreadyOpen = this.#open;
    if (alreadyOpen) {
      const sameVault = crypto.timingSafeEqual(dataKey, alreadyOpen.dataKey);
      dataKey.fill(0);
      if (!sameVault) throw new VaultError('KEYS_CORRUPT', 'The vault keys file no longer matches the open vault; it was replaced while Sole Notes was running.');
      await writeKeyFile(this.folder, updated);
      this.#audit(action, { method, at: this.#now() }); // the vault may have been locked during the write
      return;
    }

    // Open first: a damaged database is reported before the keys file changes.
    const opened = this.#openDatabaseOrZero(dataKey);
    try {
      await writeKeyFile(this.folder, updated);
    } catch (error) {
      closeAndZero(opened);
      throw error;
    }
    this.#auditOrClose(opened, () => {
      this.#auditUnlock(opened, method);
      opened.data.audit.append(action, { method, at: this.#now() });
    });
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

  #openDatabase(dataKey: Buffer, options: { create: boolean }): OpenVault {
    const db = openEncryptedDatabase(this.#databasePath(''), dataKey, options);
    try {
      migrate(db, this.#clock);
      return { db, data: new VaultData(db, this.#clock), dataKey };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Opens the existing database; on failure the data key is zeroed. */
  #openDatabaseOrZero(dataKey: Buffer): OpenVault {
    try {
      return this.#openDatabase(dataKey, { create: false });
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
    // One at a time, so entries already appended are not appended again if one fails.
    for (let next = this.#pendingAudit[0]; next; next = this.#pendingAudit[0]) {
      opened.data.audit.append(next.action, next.details);
      this.#pendingAudit.shift();
    }
    opened.data.audit.append('vault.unlocked', { method });
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

  #failedUnlock(method: UnlockMethod): VaultError {
    this.#audit('vault.unlock_failed', { method, at: this.#now() });
    return method === 'passphrase'
      ? new VaultError('WRONG_PASSPHRASE', 'That passphrase is not right.')
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

  #databasePath(suffix: (typeof DATABASE_FILE_SUFFIXES)[number]): string {
    return path.join(this.folder, `${DATABASE_FILE_NAME}${suffix}`);
  }

  #now(): string {
    return this.#clock().toISOString();
  }

  #track(key: Buffer): Buffer {
    this.#keyBuffers?.push(key);
    return key;
  }

  /** Runs async operations one at a time, so a double click cannot unlock twice. */
  #serialize<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

function closeAndZero(opened: OpenVault): void {
  try {
    opened.db.close();
  } finally {
    opened.dataKey.fill(0);
  }
}
