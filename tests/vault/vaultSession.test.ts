import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveKey } from '../../src-main/vault/keys/kdf';
import { readKeyFile, unwrapKey, wrapAad } from '../../src-main/vault/keys/keyFile';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { hashFolder, hashVaultFiles, rejectionCode } from './vaultFolder';
import { ATTEMPTS_FILE_NAME, KEY_FILE_NAME } from '../../src-main/vault/folderLayout';

const NEW_PASSPHRASE = 'copper kettle meadow ninety';
const WRONG_PASSPHRASE = 'copper kettle meadow ninety one';
const WRONG_RECOVERY_KEY = 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH';

let root: string;
let folder: string;
const sessions: VaultSession[] = [];

function session(): VaultSession {
  const opened = new VaultSession(folder, { kdf: TEST_KDF });
  sessions.push(opened);
  return opened;
}

beforeEach(() => {
  root = makeTempDir();
  folder = path.join(root, 'vault');
});

afterEach(() => {
  for (const opened of sessions.splice(0)) opened.lock();
  removeDir(root);
});

async function createdAndLocked(): Promise<{ recoveryKey: string; noteId: string }> {
  const vault = session();
  const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
  const noteId = vault.data.notes.create({ body: 'Checked in with J. about the bus schedule.' }).id;
  vault.lock();
  return { recoveryKey, noteId };
}

async function dataKeyFromDisk(passphrase: string): Promise<Buffer | null> {
  const keyFile = await readKeyFile(folder);
  const kek = await deriveKey(passphrase, keyFile.wraps.passphrase.kdf);
  return unwrapKey(keyFile.wraps.passphrase, kek, wrapAad(keyFile.vaultId, 'passphrase'));
}

function auditActions(vault: VaultSession): string[] {
  return vault.data.audit
    .list(1000)
    .map((entry) => entry.action)
    .reverse();
}

describe('VaultSession lifecycle', () => {
  it('creates, keeps a note across lock and unlock, and reports its state', async () => {
    const vault = session();
    expect(vault.state()).toBe('absent');
    const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    expect(vault.state()).toBe('unlocked');
    expect(fs.readdirSync(folder)).toEqual(expect.arrayContaining(['vault.db', KEY_FILE_NAME]));
    if (process.platform !== 'win32') {
      expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(folder, 'vault.db')).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(folder, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    }

    const note = vault.data.notes.create({ body: 'Talked through the week; follow up Friday.' });
    vault.lock();
    expect(vault.state()).toBe('locked');

    const again = session();
    expect(again.state()).toBe('locked');
    await again.unlock(TEST_PASSPHRASE);
    expect(again.data.notes.get(note.id).body).toBe('Talked through the week; follow up Friday.');
    expect(auditActions(again)).toEqual(['vault.created', 'vault.unlocked']);
    expect(again.data.audit.list(1)[0]?.details).toEqual({ method: 'passphrase' });
  });

  it('after lock, data throws VAULT_LOCKED and every key Buffer it held is zero', async () => {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    const keys = vault.keyBuffersForTesting();
    expect(keys.length).toBeGreaterThanOrEqual(4); // data key, recovery secret, two key-encryption keys
    expect(keys.some((key) => key.some((byte) => byte !== 0))).toBe(true); // the data key, in use

    vault.lock();
    expect(() => vault.data).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED', message: 'The vault is locked.' }));
    for (const key of vault.keyBuffersForTesting()) expect(key.every((byte) => byte === 0)).toBe(true);

    await vault.unlock(TEST_PASSPHRASE);
    await vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE);
    expect(await rejectionCode(vault.changePassphrase(WRONG_PASSPHRASE, TEST_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    vault.lock('idle');
    for (const key of vault.keyBuffersForTesting()) expect(key.every((byte) => byte === 0)).toBe(true);
  });

  it('notifies lock listeners once per lock, with the reason, and lets them unsubscribe', async () => {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    const reasons: string[] = [];
    const unsubscribe = vault.onLock((reason) => reasons.push(reason));
    vault.onLock(() => {
      throw new Error('a broken listener');
    });
    vault.lock('idle');
    vault.lock('user'); // already locked: nothing to tell
    expect(reasons).toEqual(['idle']);

    await vault.unlock(TEST_PASSPHRASE);
    unsubscribe();
    vault.lock('suspend');
    expect(reasons).toEqual(['idle']);
  });

  it('unlocks once when unlock is called twice at the same time (a double click)', async () => {
    await createdAndLocked();
    const vault = session();
    await Promise.all([vault.unlock(TEST_PASSPHRASE), vault.unlock(TEST_PASSPHRASE)]);
    expect(auditActions(vault).filter((action) => action === 'vault.unlocked')).toHaveLength(1);
  });

  it('ends locked when lock() arrives while an unlock is still deriving its key', async () => {
    await createdAndLocked();
    const vault = session();
    const reasons: string[] = [];
    vault.onLock((reason) => reasons.push(reason));
    const unlocking = vault.unlock(TEST_PASSPHRASE);
    vault.lock('suspend');
    await unlocking;
    expect(vault.state()).toBe('locked');
    expect(reasons).toEqual(['suspend']);
    for (const key of vault.keyBuffersForTesting()) expect(key.every((byte) => byte === 0)).toBe(true);
  });
});

describe('VaultSession refusals that leave the folder untouched', () => {
  it('a wrong passphrase gives WRONG_PASSPHRASE and leaves every file byte-identical', async () => {
    await createdAndLocked();
    const before = hashFolder(folder);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['vault.db', KEY_FILE_NAME]));

    const vault = session();
    expect(await rejectionCode(vault.unlock(WRONG_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    expect(vault.state()).toBe('locked');
    // vault.db (-wal, -shm) and the keys file are untouched; the attempt is recorded in its own file.
    expect(hashVaultFiles(folder)).toEqual(before);
    expect(JSON.parse(fs.readFileSync(path.join(folder, ATTEMPTS_FILE_NAME), 'utf8'))).toMatchObject({ failures: 1 });

    vault.lock();
    expect(hashVaultFiles(folder)).toEqual(before);
  });

  it('refuses a weak passphrase with WEAK_PASSPHRASE and writes nothing, not even the folder', async () => {
    const vault = session();
    expect(await rejectionCode(vault.create('password123'))).toBe('WEAK_PASSPHRASE');
    expect(fs.existsSync(folder)).toBe(false);
    expect(vault.state()).toBe('absent');
  });

  it('refuses to create over an existing vault with VAULT_EXISTS and changes nothing', async () => {
    await createdAndLocked();
    const before = hashFolder(folder);
    expect(await rejectionCode(session().create(NEW_PASSPHRASE))).toBe('VAULT_EXISTS');
    expect(hashFolder(folder)).toEqual(before);

    const unlocked = session();
    await unlocked.unlock(TEST_PASSPHRASE);
    expect(await rejectionCode(unlocked.create(NEW_PASSPHRASE))).toBe('VAULT_EXISTS');
  });

  it.each([
    ['garbage → KEYS_CORRUPT', 'KEYS_CORRUPT', () => 'this is not a keys file \u0000\u0001'],
    ['truncated JSON → KEYS_CORRUPT', 'KEYS_CORRUPT', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    [
      'a flipped base64 character in the ciphertext → WRONG_PASSPHRASE (GCM cannot tell tampering from a wrong key)',
      'WRONG_PASSPHRASE',
      (text: string) => {
        const file = JSON.parse(text) as { wraps: { passphrase: { ciphertext: string } } };
        const ciphertext = file.wraps.passphrase.ciphertext;
        file.wraps.passphrase.ciphertext = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
        return JSON.stringify(file);
      },
    ],
  ])('a keys file with %s, and nothing written', async (_name, expectedCode, damage) => {
    await createdAndLocked();
    const keysPath = path.join(folder, KEY_FILE_NAME);
    fs.writeFileSync(keysPath, damage(fs.readFileSync(keysPath, 'utf8')));
    const before = hashFolder(folder);

    const vault = session();
    expect(await rejectionCode(vault.unlock(TEST_PASSPHRASE))).toBe(expectedCode);
    expect(vault.state()).toBe('locked');
    expect(hashVaultFiles(folder)).toEqual(before);
  });

  it('a vault.db truncated to half gives VAULT_CORRUPT and leaves the keys file untouched', async () => {
    await createdAndLocked();
    const dbPath = path.join(folder, 'vault.db');
    fs.truncateSync(dbPath, Math.floor(fs.statSync(dbPath).size / 2));
    const keysBefore = hashFolder(folder)[KEY_FILE_NAME];

    const vault = session();
    expect(await rejectionCode(vault.unlock(TEST_PASSPHRASE))).toBe('VAULT_CORRUPT');
    expect(vault.state()).toBe('locked');
    expect(hashFolder(folder)[KEY_FILE_NAME]).toBe(keysBefore);
    for (const key of vault.keyBuffersForTesting()) expect(key.every((byte) => byte === 0)).toBe(true);
  });

  it('a missing vault.db beside its keys file gives VAULT_NOT_FOUND and creates no database', async () => {
    await createdAndLocked();
    fs.rmSync(path.join(folder, 'vault.db'));
    expect(await rejectionCode(session().unlock(TEST_PASSPHRASE))).toBe('VAULT_NOT_FOUND');
    expect(fs.existsSync(path.join(folder, 'vault.db'))).toBe(false);
  });

  it('unlocking an empty folder gives VAULT_NOT_FOUND', async () => {
    expect(await rejectionCode(session().unlock(TEST_PASSPHRASE))).toBe('VAULT_NOT_FOUND');
    expect(fs.existsSync(folder)).toBe(false);
  });
});

describe('VaultSession audit of failed unlocks', () => {
  it('records wrong passphrases and recovery keys at the next successful unlock, once', async () => {
    await createdAndLocked();
    let tick = Date.parse('2025-03-03T08:00:00.000Z');
    const vault = new VaultSession(folder, { kdf: TEST_KDF, clock: () => new Date((tick += 1000)) });
    sessions.push(vault);

    expect(await rejectionCode(vault.unlock(WRONG_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    expect(await rejectionCode(vault.unlockWithRecovery(WRONG_RECOVERY_KEY, NEW_PASSPHRASE))).toBe('WRONG_RECOVERY_KEY');
    await vault.unlock(TEST_PASSPHRASE);

    const newest = vault.data.audit.list(3).reverse();
    expect(newest.map((entry) => [entry.action, entry.details])).toEqual([
      ['vault.unlock_failed', { method: 'passphrase', at: '2025-03-03T08:00:01.000Z' }],
      ['vault.unlock_failed', { method: 'recovery', at: '2025-03-03T08:00:02.000Z' }],
      ['vault.unlocked', { method: 'passphrase' }],
    ]);
    expect(vault.data.audit.verify()).toMatchObject({ intact: true });

    vault.lock();
    await vault.unlock(TEST_PASSPHRASE);
    expect(auditActions(vault).filter((action) => action === 'vault.unlock_failed')).toHaveLength(2);
  });
});

describe('VaultSession recovery key', () => {
  it('unlocks with the recovery key as typed, sets the new passphrase, and the old one then fails', async () => {
    const { recoveryKey, noteId } = await createdAndLocked();
    const dataKeyBefore = await dataKeyFromDisk(TEST_PASSPHRASE);

    const vault = session();
    await vault.unlockWithRecovery(` ${recoveryKey.toLowerCase().replaceAll('-', ' ')} `, NEW_PASSPHRASE);
    expect(vault.state()).toBe('unlocked');
    expect(vault.data.notes.get(noteId).body).toContain('bus schedule');
    expect(auditActions(vault).slice(-2)).toEqual(['vault.unlocked', 'vault.passphrase_reset']);
    vault.lock();

    expect(await rejectionCode(session().unlock(TEST_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    const withNew = session();
    await withNew.unlock(NEW_PASSPHRASE);
    expect(withNew.data.notes.get(noteId).body).toContain('bus schedule');
    expect((await dataKeyFromDisk(NEW_PASSPHRASE))?.equals(dataKeyBefore ?? Buffer.alloc(0))).toBe(true);
    withNew.lock();

    // The recovery key stays valid.
    await session().unlockWithRecovery(recoveryKey, TEST_PASSPHRASE);
  });

  it('refuses a wrong recovery key with WRONG_RECOVERY_KEY and writes nothing', async () => {
    await createdAndLocked();
    const before = hashFolder(folder);
    expect(await rejectionCode(session().unlockWithRecovery(WRONG_RECOVERY_KEY, NEW_PASSPHRASE))).toBe('WRONG_RECOVERY_KEY');
    expect(await rejectionCode(session().unlockWithRecovery('too short', NEW_PASSPHRASE))).toBe('WRONG_RECOVERY_KEY');
    expect(hashVaultFiles(folder)).toEqual(before);
  });

  it('judges the new passphrase before anything else, even before the recovery key', async () => {
    const { recoveryKey } = await createdAndLocked();
    const before = hashFolder(folder);
    expect(await rejectionCode(session().unlockWithRecovery(recoveryKey, 'password123'))).toBe('WEAK_PASSPHRASE');
    expect(await rejectionCode(session().unlockWithRecovery(WRONG_RECOVERY_KEY, 'password123'))).toBe('WEAK_PASSPHRASE');
    expect(hashFolder(folder)).toEqual(before);
  });
});

describe('VaultSession changePassphrase', () => {
  it('rewraps only the passphrase slot, with fresh salt and nonce, and the old passphrase then fails', async () => {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    const note = vault.data.notes.create({ body: 'Planning meeting with the grade team.' });
    const keysBefore = await readKeyFile(folder);
    const dataKeyBefore = await dataKeyFromDisk(TEST_PASSPHRASE);

    await vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE);
    expect(vault.state()).toBe('unlocked');
    expect(auditActions(vault).at(-1)).toBe('vault.passphrase_changed');

    const keysAfter = await readKeyFile(folder);
    expect(keysAfter.vaultId).toBe(keysBefore.vaultId);
    expect(keysAfter.wraps.recovery).toEqual(keysBefore.wraps.recovery);
    expect(keysAfter.wraps.passphrase.kdf.salt).not.toBe(keysBefore.wraps.passphrase.kdf.salt);
    expect(keysAfter.wraps.passphrase.nonce).not.toBe(keysBefore.wraps.passphrase.nonce);
    expect((await dataKeyFromDisk(NEW_PASSPHRASE))?.equals(dataKeyBefore ?? Buffer.alloc(0))).toBe(true); // the database key is unchanged
    vault.lock();

    expect(await rejectionCode(session().unlock(TEST_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    const again = session();
    await again.unlock(NEW_PASSPHRASE);
    expect(again.data.notes.get(note.id).body).toBe('Planning meeting with the grade team.');
  });

  it('works from a locked session too, and leaves it unlocked', async () => {
    await createdAndLocked();
    const vault = session();
    await vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE);
    expect(vault.state()).toBe('unlocked');
    expect(auditActions(vault).slice(-2)).toEqual(['vault.unlocked', 'vault.passphrase_changed']);
    vault.lock();
    await session().unlock(NEW_PASSPHRASE);
  });

  it('needs the current passphrase (WRONG_PASSPHRASE) and a strong new one (WEAK_PASSPHRASE), keys file unchanged', async () => {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    const keysBefore = hashFolder(folder)[KEY_FILE_NAME];
    expect(await rejectionCode(vault.changePassphrase(WRONG_PASSPHRASE, NEW_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    expect(await rejectionCode(vault.changePassphrase(TEST_PASSPHRASE, 'password123'))).toBe('WEAK_PASSPHRASE');
    expect(hashFolder(folder)[KEY_FILE_NAME]).toBe(keysBefore);
    expect(auditActions(vault).at(-1)).toBe('vault.passphrase_change_failed');
    expect(vault.state()).toBe('unlocked');
  });
});

describe('VaultSession after an interrupted create', () => {
  it('reads as absent when only vault.db exists, and a new create sets the old file aside', async () => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'vault.db'), 'left over from a create that never finished');
    const vault = session();
    expect(vault.state()).toBe('absent');

    await vault.create(TEST_PASSPHRASE);
    vault.lock();
    const names = fs.readdirSync(folder);
    const orphan = names.find((name) => name.startsWith('vault.db.orphaned-'));
    expect(orphan).toBeDefined();
    expect(fs.readFileSync(path.join(folder, orphan ?? ''), 'utf8')).toBe('left over from a create that never finished');
    await session().unlock(TEST_PASSPHRASE);
  });
});
