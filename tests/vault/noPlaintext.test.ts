import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deriveKey } from '../../src-main/vault/keys/kdf';
import { readKeyFile, unwrapKey, wrapAad } from '../../src-main/vault/keys/keyFile';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

let root: string;
let folder: string;
let vault: VaultSession;

beforeEach(() => {
  root = makeTempDir();
  folder = path.join(root, 'vault');
  vault = new VaultSession(folder, { kdf: TEST_KDF });
});

afterEach(() => {
  vault.lock();
  removeDir(root);
});

/** Every file in the vault folder that holds `needle` in UTF-8 or UTF-16LE (or, for bytes, as they are). */
function filesContaining(needle: string | Buffer): string[] {
  const patterns = typeof needle === 'string' ? [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')] : [needle];
  return fs
    .readdirSync(folder)
    .filter((name) => {
      const bytes = fs.readFileSync(path.join(folder, name));
      return patterns.some((pattern) => bytes.includes(pattern));
    });
}

it('no file in the vault folder holds a note, the passphrase, the recovery key or the data key in the clear, unlocked or locked', async () => {
  const canary = `CANARY-${crypto.randomUUID()}`;
  const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
  for (let i = 0; i < 50; i += 1) {
    vault.data.notes.create({ body: `Note ${i}: ${canary} spoke about the week. ${'Filler text to fill pages. '.repeat(20)}` });
  }
  const edited = vault.data.notes.create({ body: `Draft holding ${canary}` });
  vault.data.notes.update(edited.id, { body: 'Rewritten without it.' });
  expect(vault.data.notes.search(canary.slice(0, 6), 5).length).toBeGreaterThan(0);

  const secrets = [canary, TEST_PASSPHRASE, recoveryKey, recoveryKey.replaceAll('-', '')];
  const whileOpen = fs.readdirSync(folder);
  expect(whileOpen).toEqual(expect.arrayContaining(['vault.db', 'vault.db-wal', 'vault.keys.json']));
  for (const secret of secrets) expect(filesContaining(secret)).toEqual([]);

  vault.lock();
  for (const secret of secrets) expect(filesContaining(secret)).toEqual([]);

  // Nor the data key itself, in any of the usual encodings.
  const keyFile = await readKeyFile(folder);
  const kek = await deriveKey(TEST_PASSPHRASE, keyFile.wraps.passphrase.kdf);
  const dataKey = unwrapKey(keyFile.wraps.passphrase, kek, wrapAad(keyFile.vaultId, 'passphrase'));
  expect(dataKey).not.toBeNull();
  for (const encoded of [dataKey ?? Buffer.alloc(0), dataKey?.toString('hex') ?? '', dataKey?.toString('base64') ?? '']) {
    expect(filesContaining(encoded)).toEqual([]);
  }

  const header = fs.readFileSync(path.join(folder, 'vault.db')).subarray(0, SQLITE_HEADER.length);
  expect(header.equals(SQLITE_HEADER)).toBe(false);
});
