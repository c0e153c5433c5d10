import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Timestamp } from '../../../shared/api/schemas';
import { writeFileAtomicSync } from '../atomicFile';
import { MAX_STATE_FILE_BYTES, readBoundedFileSync } from '../boundedRead';
import { VaultError } from '../errors';
import { ATTEMPTS_FILE_NAME } from '../folderLayout';

/**
 * `vault.attempts.json`, beside the vault: how many wrong passphrases in a
 * row, when the last one was, and the failed attempts not yet written to the
 * audit log (the log is inside the encrypted database, which a failed attempt
 * cannot open). A file of its own, so that a wrong passphrase never touches
 * `vault.db` or `vault.keys.json`; written atomically; deleted at the next
 * successful unlock, once its entries are in the audit log.
 *
 * The delay is a brake on guessing at the unlock screen of a running app. It
 * is not what protects the notes from someone who has copied the files: that
 * is argon2id (about a second per guess, 64 MiB or more). Deleting this file
 * only removes the brake, and the audit entries of attempts not yet logged.
 */
const ATTEMPTS_FORMAT = 'sole-notes-attempts';
export const MAX_ATTEMPT_DELAY_SECONDS = 30;
/** Failed attempts kept for the audit log; beyond this only their number is kept. */
const MAX_UNAUDITED = 100;

export type AttemptMethod = 'passphrase' | 'recovery';

const UnauditedAttempt = z.object({ method: z.enum(['passphrase', 'recovery']), at: Timestamp }).strict();
export type UnauditedAttempt = z.infer<typeof UnauditedAttempt>;

const AttemptsRecord = z
  .object({
    format: z.literal(ATTEMPTS_FORMAT),
    version: z.literal(1),
    /** Wrong passphrases in a row; a recovery key is 200 random bits and needs no brake. */
    failures: z.number().int().min(0).max(1_000_000),
    lastFailureAt: Timestamp.nullable(),
    unaudited: z.array(UnauditedAttempt).max(MAX_UNAUDITED),
    /** Failed attempts beyond MAX_UNAUDITED, logged as a count. */
    droppedUnaudited: z.number().int().min(0),
  })
  .strict();
type AttemptsRecord = z.infer<typeof AttemptsRecord>;

const EMPTY: AttemptsRecord = { format: ATTEMPTS_FORMAT, version: 1, failures: 0, lastFailureAt: null, unaudited: [], droppedUnaudited: 0 };

/** Seconds to wait after this many wrong passphrases in a row: 0, 0, 1, 2, 4, 8, 16, 30, 30, … */
export function attemptDelaySeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(MAX_ATTEMPT_DELAY_SECONDS, 2 ** (failures - 3));
}

export class UnlockAttempts {
  readonly file: string;
  readonly #clock: () => Date;
  /** What could not be written (a full or read-only disk): the brake still holds while the app runs. */
  #unsaved: AttemptsRecord | null = null;

  constructor(folder: string, clock: () => Date) {
    this.file = path.join(folder, ATTEMPTS_FILE_NAME);
    this.#clock = clock;
  }

  /** The record on disk, or the newer one kept in memory when the disk refused it. */
  read(): AttemptsRecord {
    const onDisk = this.#readFile();
    const unsaved = this.#unsaved;
    if (unsaved && unsaved.failures + unsaved.unaudited.length >= onDisk.failures + onDisk.unaudited.length) return unsaved;
    return onDisk;
  }

  /** Whole seconds until the next passphrase may be tried; 0 when it may be tried now. */
  waitSeconds(): number {
    const record = this.read();
    const delay = attemptDelaySeconds(record.failures);
    if (delay === 0 || record.lastFailureAt === null) return 0;
    const now = this.#clock().getTime();
    const last = Date.parse(record.lastFailureAt);
    if (now < last) {
      // The clock was set back: count the wait from now, instead of until the clock catches up.
      this.#write({ ...record, lastFailureAt: this.#clock().toISOString() });
      return delay;
    }
    return Math.max(0, Math.ceil(delay - (now - last) / 1000));
  }

  /** Throws TOO_MANY_ATTEMPTS, with the wait in seconds, while the brake is on. */
  assertMayTry(): void {
    const seconds = this.waitSeconds();
    if (seconds > 0) {
      throw new VaultError(
        'TOO_MANY_ATTEMPTS',
        `Too many wrong passphrases in a row. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`,
        { details: { retryAfterSeconds: seconds } },
      );
    }
  }

  /**
   * WRONG_PASSPHRASE, for a failure already recorded: when it starts a pause,
   * the wait comes with it (`retryAfterSeconds`), so the countdown shows now
   * rather than after the next try is refused.
   */
  wrongPassphrase(message: string): VaultError {
    const wait = this.waitSeconds();
    return new VaultError('WRONG_PASSPHRASE', message, wait > 0 ? { details: { retryAfterSeconds: wait } } : undefined);
  }

  /** A failed unlock of the locked vault, recorded here (the audit log is in the database it could not open), as the error to throw. */
  failedUnlock(method: 'passphrase' | 'recovery'): VaultError {
    this.recordFailure(method);
    return method === 'passphrase'
      ? this.wrongPassphrase('That passphrase is not right.')
      : new VaultError('WRONG_RECOVERY_KEY', 'That recovery key does not open this vault. Check it against the printed copy.');
  }

  /**
   * Records one failed attempt. A wrong passphrase also counts towards the
   * delay. `audited`: the entry is already in the audit log (the vault was
   * open), so it is not kept for later.
   */
  recordFailure(method: AttemptMethod, options: { audited?: boolean } = {}): UnauditedAttempt {
    const record = this.read();
    const at = this.#clock().toISOString();
    const entry: UnauditedAttempt = { method, at };
    const next: AttemptsRecord = { ...record, unaudited: [...record.unaudited] };
    if (method === 'passphrase') {
      next.failures = Math.min(record.failures + 1, 1_000_000);
      next.lastFailureAt = at;
    }
    if (!options.audited) {
      if (next.unaudited.length < MAX_UNAUDITED) next.unaudited.push(entry);
      else next.droppedUnaudited += 1;
    }
    this.#write(next);
    return entry;
  }

  /** The failed attempts still to be written to the audit log, oldest first. */
  unaudited(): { entries: UnauditedAttempt[]; dropped: number } {
    const record = this.read();
    return { entries: record.unaudited, dropped: record.droppedUnaudited };
  }

  /** After a successful unlock whose audit entries are written: the brake is off and the file goes. */
  reset(): void {
    this.#unsaved = null;
    try {
      fs.rmSync(this.file, { force: true });
    } catch {
      // A read-only folder: the next success tries again; the entries may then be logged twice.
    }
  }

  #readFile(): AttemptsRecord {
    let raw: string;
    try {
      raw = readBoundedFileSync(this.file, MAX_STATE_FILE_BYTES).toString('utf8');
    } catch {
      return EMPTY;
    }
    try {
      const parsed = AttemptsRecord.safeParse(JSON.parse(raw));
      // A damaged record starts again from nothing: whoever can damage it can also delete it.
      return parsed.success ? parsed.data : EMPTY;
    } catch {
      return EMPTY;
    }
  }

  #write(record: AttemptsRecord): void {
    try {
      if (!fs.existsSync(path.dirname(this.file))) throw new Error('no vault folder');
      writeFileAtomicSync(this.file, `${JSON.stringify(record)}\n`);
      this.#unsaved = null;
    } catch {
      // Never let a full or read-only disk turn a wrong passphrase into another error.
      this.#unsaved = record;
    }
  }
}
