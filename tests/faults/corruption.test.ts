import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import { openEncryptedDatabase, type VaultDatabase } from '../../src-main/vault/connection';
import { VaultError } from '../../src-main/vault/errors';
import type { IntegrityStatus } from '../../src-main/vault/integrityCheck';
import { asStorageError } from '../../src-main/vault/storageErrors';
import { assertKdfParamsAllowed, deriveKey } from '../../src-main/vault/keys/kdf';
import { KEY_FILE_VERSION, KeyFileSchema, readKeyFile, unwrapKey, wrapAad, type KeyFile } from '../../src-main/vault/keys/keyFile';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { KEY_FILE_NAME } from '../../src-main/vault/folderLayout';

/*
 * Random damage to a locked vault. What each flip must give, precisely:
 *
 * vault.db — SQLCipher authenticates every page with an HMAC, so a damaged
 * page can only fail to read, never read as something else. Unlock reads what
 * opening needs (header, schema, the audit log it appends to) and then runs the
 * full `PRAGMA integrity_check` (every page in use) in the background. So a
 * flipped bit gives, precisely:
 *   - VAULT_CORRUPT at unlock, with nothing written; or
 *   - an unlocked vault whose background check reports 'damaged' (with the
 *     latest backup), where every read either fails with VAULT_CORRUPT or
 *     returns exactly the data as it was, backups are refused, and the damaged
 *     page is never overwritten; or
 *   - when it lands in a page no longer in use (the free list), nothing at
 *     all: the check passes and the vault reads exactly as before.
 * Never a crash, never different data.
 *
 * vault.keys.json — decided by what the flip leaves:
 *   - not JSON, or not a well-formed keys file (a field renamed, base64 that is
 *     not canonical or of the wrong length, KDF settings out of bounds)
 *                                        → KEYS_CORRUPT
 *   - a larger `version` number         → VAULT_FROM_FUTURE (a newer app's file looks the same)
 *   - a well-formed file whose passphrase wrap (nonce, ciphertext, tag, salt,
 *     KDF cost) or vault id (authenticated with the wrap) changed
 *                                        → WRONG_PASSPHRASE: AES-GCM cannot tell a damaged wrap
 *                                          from a wrong key; the recovery key still works if its
 *                                          wrap is intact, and the latest backup is offered
 *   - anything else (the recovery wrap, the creation time) → unlocks, same data
 * In every case nothing is written to vault.db or the keys file, and errors a
 * restore can fix carry the latest backup.
 */

let root: string;
let pristine: string;
let backups: string;
let dataKey: Buffer;
let originalKeys: KeyFile;
let expectedDump: string;
/** Without the audit log, which a successful unlock appends to. */
let expectedData: string;
let latestBackupId: string;
let recoveryKey: string;
let trial = 0;

beforeAll(async () => {
  root = makeTempDir('sole-notes-corruption-');
  pristine = path.join(root, 'pristine');
  backups = path.join(root, 'backups');
  const vault = new VaultSession(pristine, { kdf: TEST_KDF, backups: { defaultFolder: backups } });
  ({ recoveryKey } = await vault.create(TEST_PASSPHRASE));
  const student = vault.data.students.create({ code: 'C-1', grade: 5 });
  const ids: string[] = [];
  for (let index = 0; index < 80; index += 1) {
    const body = `Note ${index}: ${'talked through the week and the plan for the bus; '.repeat(1 + (index % 7) * (index % 5 === 0 ? 40 : 3))}`;
    ids.push(vault.data.notes.create({ studentId: index % 2 === 0 ? student.id : null, body }).id);
  }
  for (const id of ids.slice(0, 12)) vault.data.notes.delete(id); // free pages, zeroed by secure_delete
  latestBackupId = (await vault.createBackup()).id;
  vault.lock();

  originalKeys = await readKeyFile(pristine);
  const kek = await deriveKey(TEST_PASSPHRASE, originalKeys.wraps.passphrase.kdf);
  const key = unwrapKey(originalKeys.wraps.passphrase, kek, wrapAad(originalKeys.vaultId, 'passphrase'));
  kek.fill(0);
  if (!key) throw new Error('no data key');
  dataKey = key;
  const db = openEncryptedDatabase(path.join(pristine, 'vault.db'), dataKey, { create: false });
  expectedDump = dump(db);
  expectedData = dump(db, { withAudit: false });
  db.close();
}, 60_000);

afterAll(() => {
  dataKey?.fill(0);
  if (root) removeDir(root);
});

/** Every row of every table (the full-text index's shadow tables included), as one string. */
function dump(db: VaultDatabase, options: { withAudit?: boolean } = {}): string {
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all()
    .filter((table) => options.withAudit !== false || table !== 'audit');
  return JSON.stringify(
    tables.map((table) => {
      const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all();
      return [table, rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value))).sort()];
    }),
  );
}

/** A copy of the pristine vault folder to damage. */
function trialFolder(): string {
  trial += 1;
  const folder = path.join(root, `trial-${trial}`);
  fs.cpSync(pristine, folder, { recursive: true });
  return folder;
}

function flipBit(file: string, offset: number, bit: number): void {
  const bytes = fs.readFileSync(file);
  bytes[offset] = (bytes[offset] ?? 0) ^ (1 << bit);
  fs.writeFileSync(file, bytes);
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function session(folder: string): VaultSession {
  return new VaultSession(folder, { kdf: TEST_KDF, backups: { defaultFolder: backups } });
}

interface UnlockOutcome {
  code: string;
  error?: VaultError;
  /** Once unlocked: what the background check found, and every row read back (or the code reading failed with). */
  integrity?: IntegrityStatus | null;
  dump?: string;
  readError?: string;
}

/** Unlocks, waits for the background check, reads everything back, then (unless `keepOpen`) locks. */
async function unlockOutcome(folder: string, options: { keepOpen?: (vault: VaultSession, outcome: UnlockOutcome) => Promise<void> } = {}): Promise<UnlockOutcome> {
  const vault = session(folder);
  try {
    await vault.unlock(TEST_PASSPHRASE);
  } catch (error) {
    if (error instanceof VaultError) return { code: error.code, error };
    throw error; // anything else is a bug: the test fails here
  }
  const result: UnlockOutcome = { code: 'OK', integrity: await vault.integrityChecked() };
  try {
    result.dump = dump(vault.data.db, { withAudit: false });
  } catch (error) {
    const typed = asStorageError(error);
    if (!(typed instanceof VaultError)) throw error;
    result.readError = typed.code;
  }
  if (result.integrity === 'ok') expect(vault.data.audit.verify()).toMatchObject({ intact: true });
  await options.keepOpen?.(vault, result);
  vault.lock();
  return result;
}

describe('random bit flips in vault.db (after lock)', () => {
  it('400 flips under the full integrity check (the one unlock runs in the background): VAULT_CORRUPT, or a free page and exactly the same data', () => {
    const source = fs.readFileSync(path.join(pristine, 'vault.db'));
    const file = path.join(root, 'flipped.db');
    const counts = { corrupt: 0, harmless: 0 };
    for (let index = 0; index < 400; index += 1) {
      const offset = crypto.randomInt(source.length);
      const bytes = Buffer.from(source);
      bytes[offset] = (bytes[offset] ?? 0) ^ (1 << crypto.randomInt(8));
      fs.writeFileSync(file, bytes);
      let db: VaultDatabase;
      try {
        db = openEncryptedDatabase(file, dataKey, { create: false, verify: 'integrity' });
      } catch (error) {
        expect(error, `offset ${offset}`).toBeInstanceOf(VaultError);
        expect((error as VaultError).code, `offset ${offset}`).toBe('VAULT_CORRUPT');
        expect(fs.readFileSync(file).equals(bytes), 'a failed open wrote to the file').toBe(true);
        counts.corrupt += 1;
        continue;
      }
      expect(dump(db), `offset ${offset} read differently without an error`).toBe(expectedDump);
      db.close();
      counts.harmless += 1;
    }
    const pages = source.length / 4096;
    console.log(`vault.db flips: ${counts.corrupt} VAULT_CORRUPT, ${counts.harmless} in free pages (no effect); ${pages} pages of 4096 bytes`);
    expect(counts.corrupt).toBeGreaterThan(counts.harmless);
  });

  it('any flip in page 1 (salt, header, reserved HMAC bytes) is VAULT_CORRUPT', async () => {
    for (const offset of [0, 15, 16, 100, 2048, 4095]) {
      const folder = trialFolder();
      flipBit(path.join(folder, 'vault.db'), offset, offset % 8);
      expect((await unlockOutcome(folder)).code, `offset ${offset}`).toBe('VAULT_CORRUPT');
    }
  });

  it('through the real unlock: VAULT_CORRUPT at unlock or from the background check, the latest backup offered, nothing overwritten', async () => {
    const size = fs.statSync(path.join(pristine, 'vault.db')).size;
    const counts = { atUnlock: 0, inBackground: 0, harmless: 0 };
    const backupsBefore = fs.readdirSync(backups).sort();
    for (let index = 0; index < 16; index += 1) {
      const folder = trialFolder();
      const db = path.join(folder, 'vault.db');
      const offset = 4096 + crypto.randomInt(size - 4096);
      flipBit(db, offset, crypto.randomInt(8));
      const page = (file: string) => fs.readFileSync(file).subarray(offset - (offset % 4096), offset - (offset % 4096) + 4096);
      const damagedPage = Buffer.from(page(db));
      const before = { db: sha256(db), keys: sha256(path.join(folder, KEY_FILE_NAME)) };
      const outcome = await unlockOutcome(folder, {
        keepOpen: async (vault, opened) => {
          if (opened.integrity !== 'damaged') return;
          // As the renderer sees it: damage in the status, with the backup to restore; a backup now is refused.
          const router = createRouter(vault);
          expect(await router.invoke('vault.status', {})).toMatchObject({
            ok: true,
            value: { state: 'unlocked', integrity: { status: 'damaged', latestBackup: { id: latestBackupId } } },
          });
          expect(await router.invoke('backups.create', {})).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
        },
      });
      if (outcome.code === 'OK' && outcome.integrity === 'ok') {
        counts.harmless += 1;
        expect(outcome.dump, `offset ${offset}`).toBe(expectedData);
        continue;
      }
      if (outcome.code === 'OK') {
        counts.inBackground += 1;
        expect(outcome.integrity, `offset ${offset}`).toBe('damaged');
        // Every read fails as damage, or (the flip is in an index, which a table scan does not read) gives the very same rows.
        if (outcome.readError !== undefined) expect(outcome.readError, `offset ${offset}`).toBe('VAULT_CORRUPT');
        else expect(outcome.dump, `offset ${offset}`).toBe(expectedData);
        expect(page(db).equals(damagedPage), `offset ${offset}: the damaged page was overwritten`).toBe(true);
        expect(sha256(path.join(folder, KEY_FILE_NAME))).toBe(before.keys);
        continue;
      }
      counts.atUnlock += 1;
      expect(outcome.code).toBe('VAULT_CORRUPT');
      expect(outcome.error?.details?.latestBackup).toMatchObject({ id: latestBackupId });
      expect({ db: sha256(db), keys: sha256(path.join(folder, KEY_FILE_NAME)) }).toEqual(before);
      expect(fs.readdirSync(folder).filter((name) => name.startsWith('vault.db'))).toEqual(['vault.db']);
    }
    console.log(`unlock flips: ${JSON.stringify(counts)}`);
    expect(counts.atUnlock + counts.inBackground).toBeGreaterThan(0);
    // No backup was made of a damaged vault, so none of the good ones was thinned out.
    expect(fs.readdirSync(backups).sort()).toEqual(backupsBefore);

    // The same through the API, as the renderer sees it: damage that opening reads (page 1) fails the unlock…
    const folder = trialFolder();
    flipBit(path.join(folder, 'vault.db'), 200, 3);
    const result = await createRouter(session(folder)).invoke('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT', details: { latestBackup: { id: latestBackupId, createdAt: expect.any(String) } } } });

    // …and damage elsewhere (page 2: a table opening does not read) shows in the status once the background check is done.
    const later = trialFolder();
    flipBit(path.join(later, 'vault.db'), 4096 + 10, 3);
    const vault = session(later);
    const router = createRouter(vault);
    expect(await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    expect(await vault.integrityChecked()).toBe('damaged');
    expect(await router.invoke('vault.status', {})).toEqual({
      ok: true,
      value: { state: 'unlocked', integrity: { status: 'damaged', latestBackup: { id: latestBackupId, createdAt: expect.any(String) } } },
    });
    vault.lock();
    expect(await router.invoke('vault.status', {})).toEqual({ ok: true, value: { state: 'locked' } });
  });

  it('a database cut short or padded gives VAULT_CORRUPT', async () => {
    const size = fs.statSync(path.join(pristine, 'vault.db')).size;
    for (const cut of [4096, size - 4096, size - 1]) {
      const folder = trialFolder();
      fs.truncateSync(path.join(folder, 'vault.db'), cut);
      expect((await unlockOutcome(folder)).code, `cut to ${cut}`).toBe('VAULT_CORRUPT');
    }
    const folder = trialFolder();
    fs.appendFileSync(path.join(folder, 'vault.db'), Buffer.alloc(100, 7));
    expect((await unlockOutcome(folder)).code).toBe('VAULT_CORRUPT');
  });
});

type KeysOutcome = 'KEYS_CORRUPT' | 'VAULT_FROM_FUTURE' | 'WRONG_PASSPHRASE' | 'OK';

/** The rule in the comment at the top, written out independently of the code under test's control flow. */
function expectedKeysOutcome(damaged: Buffer): KeysOutcome {
  let json: unknown;
  try {
    json = JSON.parse(damaged.toString());
  } catch {
    return 'KEYS_CORRUPT';
  }
  const header = json as { format?: unknown; version?: unknown };
  if (header?.format === 'sole-notes-keys' && Number.isInteger(header.version) && (header.version as number) > KEY_FILE_VERSION) {
    return 'VAULT_FROM_FUTURE';
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) return 'KEYS_CORRUPT';
  try {
    assertKdfParamsAllowed(parsed.data.wraps.passphrase.kdf);
    assertKdfParamsAllowed(parsed.data.wraps.recovery.kdf);
  } catch {
    return 'KEYS_CORRUPT';
  }
  const sameWrap = JSON.stringify(parsed.data.wraps.passphrase) === JSON.stringify(originalKeys.wraps.passphrase);
  return sameWrap && parsed.data.vaultId === originalKeys.vaultId ? 'OK' : 'WRONG_PASSPHRASE';
}

describe('random bit flips in vault.keys.json', () => {
  it('each gives exactly the code its damage calls for, and nothing is written', async () => {
    const keysText = fs.readFileSync(path.join(pristine, KEY_FILE_NAME), 'utf8');
    // Random offsets, plus one in each part of the file so that every rule is exercised.
    const targeted = ['"passphrase"', '"ciphertext"', '"tag"', '"nonce"', '"salt"', '"memoryKiB"', '"vaultId"', '"version"', '"recovery"', '"createdAt"'].map(
      (field) => keysText.indexOf(field) + field.length + 4,
    );
    const offsets = [...targeted, ...Array.from({ length: 30 }, () => crypto.randomInt(keysText.length))];
    const seen = new Map<KeysOutcome, number>();
    for (const offset of offsets) {
      const folder = trialFolder();
      const keys = path.join(folder, KEY_FILE_NAME);
      flipBit(keys, offset, crypto.randomInt(7)); // the low seven bits keep ASCII as ASCII more often
      const expected = expectedKeysOutcome(fs.readFileSync(keys));
      const before = { db: sha256(path.join(folder, 'vault.db')), keys: sha256(keys) };
      const outcome = await unlockOutcome(folder);
      expect(outcome.code, `offset ${offset} (${JSON.stringify(keysText.slice(offset - 12, offset + 4))})`).toBe(expected);
      if (expected === 'OK') expect(outcome).toMatchObject({ integrity: 'ok', dump: expectedData });
      else expect({ db: sha256(path.join(folder, 'vault.db')), keys: sha256(keys) }).toEqual(before);
      if (expected === 'KEYS_CORRUPT') expect(outcome.error?.details?.latestBackup).toMatchObject({ id: latestBackupId });
      seen.set(expected, (seen.get(expected) ?? 0) + 1);
    }
    console.log(`keys file flips: ${JSON.stringify(Object.fromEntries(seen))}`);
    expect(seen.get('KEYS_CORRUPT')).toBeGreaterThan(0);
    expect(seen.get('WRONG_PASSPHRASE')).toBeGreaterThan(0);
  }, 120_000);

  it('a damaged passphrase wrap still opens with the recovery key, which repairs it', async () => {
    const folder = trialFolder();
    const keys = path.join(folder, KEY_FILE_NAME);
    const file = JSON.parse(fs.readFileSync(keys, 'utf8')) as KeyFile;
    const tag = Buffer.from(file.wraps.passphrase.tag, 'base64');
    tag[0] = (tag[0] ?? 0) ^ 1;
    file.wraps.passphrase.tag = tag.toString('base64');
    fs.writeFileSync(keys, JSON.stringify(file));
    expect((await unlockOutcome(folder)).code).toBe('WRONG_PASSPHRASE');

    const newPassphrase = 'copper kettle meadow ninety';
    const recovered = session(folder);
    await recovered.unlockWithRecovery(recoveryKey, newPassphrase);
    expect(dump(recovered.data.db, { withAudit: false })).toBe(expectedData);
    recovered.lock();
    await session(folder).unlock(newPassphrase);
  });
});
