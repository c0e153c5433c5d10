import crypto from 'node:crypto';
import path from 'node:path';
import SignalDatabase from '@signalapp/sqlcipher';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveKey } from '../../src-main/vault/keys/kdf';
import { readKeyFile, unwrapKey, wrapAad } from '../../src-main/vault/keys/keyFile';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';

let root: string;
let folder: string;

beforeEach(() => {
  root = makeTempDir();
  folder = path.join(root, 'vault');
});

afterEach(() => {
  removeDir(root);
});

/** The data key, recovered the way an independent tool would: from the keys file and the passphrase. */
async function dataKeyFromKeysFile(): Promise<Buffer> {
  const keyFile = await readKeyFile(folder);
  const kek = await deriveKey(TEST_PASSPHRASE, keyFile.wraps.passphrase.kdf);
  const dataKey = unwrapKey(keyFile.wraps.passphrase, kek, wrapAad(keyFile.vaultId, 'passphrase'));
  kek.fill(0);
  if (!dataKey) throw new Error('the test passphrase did not open the wrap');
  return dataKey;
}

function openWithSignal(key: Buffer): SignalDatabase {
  const db = new SignalDatabase(path.join(folder, 'vault.db'));
  db.exec(`PRAGMA key = "x'${key.toString('hex')}'"`);
  return db;
}

describe('vault.db is a standard SQLCipher 4 database', () => {
  it('opens in an independent SQLCipher build with the raw data key, and only with it', async () => {
    const vault = new VaultSession(folder, { kdf: TEST_KDF });
    await vault.create(TEST_PASSPHRASE);
    const note = vault.data.notes.create({ body: 'Read back by another SQLCipher.' });
    vault.lock();

    const db = openWithSignal(await dataKeyFromKeysFile());
    try {
      const rows = db.prepare('SELECT id, body FROM notes').all();
      expect(rows).toEqual([{ id: note.id, body: 'Read back by another SQLCipher.' }]);
      expect(db.prepare('PRAGMA cipher_version').all()).toHaveLength(1);
    } finally {
      db.close();
    }

    const wrong = openWithSignal(crypto.randomBytes(32));
    try {
      expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').all()).toThrow(/not a database|file is encrypted/i);
    } finally {
      wrong.close();
    }
  });
});
