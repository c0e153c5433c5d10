import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newKdfParams, type KdfCost } from '../../src-main/vault/keys/kdf';
import {
  readKeyFile,
  unwrapKey,
  wrapAad,
  wrapKey,
  writeKeyFile,
  type KeyFile,
  type Wrap,
} from '../../src-main/vault/keys/keyFile';
import { KEY_FILE_NAME } from '../../src-main/vault/folderLayout';

const TEST_KDF: KdfCost = { algorithm: 'argon2id', memoryKiB: 65536, passes: 3, parallelism: 1 };
const VAULT_ID = crypto.randomUUID();

let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-keyfile-'));
});
afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

function sampleWrap(dataKey: Buffer, kek: Buffer, slot: 'passphrase' | 'recovery', vaultId = VAULT_ID): Wrap {
  return { kdf: newKdfParams(TEST_KDF), ...wrapKey(dataKey, kek, wrapAad(vaultId, slot)) };
}

function sampleKeyFile(): KeyFile {
  const dataKey = crypto.randomBytes(32);
  return {
    format: 'sole-notes-keys',
    version: 1,
    vaultId: VAULT_ID,
    createdAt: new Date().toISOString(),
    wraps: { passphrase: sampleWrap(dataKey, crypto.randomBytes(32), 'passphrase'), recovery: sampleWrap(dataKey, crypto.randomBytes(32), 'recovery') },
  };
}

function writeRaw(text: string): void {
  fs.writeFileSync(path.join(folder, KEY_FILE_NAME), text);
}

describe('wrapKey / unwrapKey', () => {
  const dataKey = crypto.randomBytes(32);
  const kek = crypto.randomBytes(32);

  it('round-trips the data key, with a fresh nonce each time', () => {
    const a = wrapKey(dataKey, kek, wrapAad(VAULT_ID, 'passphrase'));
    const b = wrapKey(dataKey, kek, wrapAad(VAULT_ID, 'passphrase'));
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(unwrapKey(a, kek, wrapAad(VAULT_ID, 'passphrase'))?.equals(dataKey)).toBe(true);
  });

  it('fails with a wrong key-encryption key', () => {
    const sealed = wrapKey(dataKey, kek, wrapAad(VAULT_ID, 'passphrase'));
    expect(unwrapKey(sealed, crypto.randomBytes(32), wrapAad(VAULT_ID, 'passphrase'))).toBeNull();
  });

  it('fails when the wrap is moved to the other slot', () => {
    const sealed = wrapKey(dataKey, kek, wrapAad(VAULT_ID, 'passphrase'));
    expect(unwrapKey(sealed, kek, wrapAad(VAULT_ID, 'recovery'))).toBeNull();
  });

  it('fails when the wrap is moved into another vault', () => {
    const sealed = wrapKey(dataKey, kek, wrapAad(VAULT_ID, 'passphrase'));
    expect(unwrapKey(sealed, kek, wrapAad(crypto.randomUUID(), 'passphrase'))).toBeNull();
  });

  it('fails when the ciphertext, tag or nonce is altered', () => {
    const aad = wrapAad(VAULT_ID, 'passphrase');
    const sealed = wrapKey(dataKey, kek, aad);
    const flipFirstByte = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      return bytes.toString('base64');
    };
    expect(unwrapKey({ ...sealed, ciphertext: flipFirstByte(sealed.ciphertext) }, kek, aad)).toBeNull();
    expect(unwrapKey({ ...sealed, tag: flipFirstByte(sealed.tag) }, kek, aad)).toBeNull();
    expect(unwrapKey({ ...sealed, nonce: flipFirstByte(sealed.nonce) }, kek, aad)).toBeNull();
  });
});

describe('writeKeyFile / readKeyFile', () => {
  it('round-trips, owner-only, leaving no temporary file behind', async () => {
    const keyFile = sampleKeyFile();
    await writeKeyFile(folder, keyFile);
    expect(await readKeyFile(folder)).toEqual(keyFile);
    expect(fs.readdirSync(folder)).toEqual([KEY_FILE_NAME]);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(folder, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('replaces an existing keys file', async () => {
    await writeKeyFile(folder, sampleKeyFile());
    const second = sampleKeyFile();
    await writeKeyFile(folder, second);
    expect(await readKeyFile(folder)).toEqual(second);
    expect(fs.readdirSync(folder)).toEqual([KEY_FILE_NAME]);
  });

  it('refuses to write a malformed keys file', async () => {
    const bad = { ...sampleKeyFile(), vaultId: 'not-a-uuid' };
    await expect(writeKeyFile(folder, bad)).rejects.toThrow();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('reports a missing keys file as VAULT_NOT_FOUND', async () => {
    await expect(readKeyFile(folder)).rejects.toMatchObject({ code: 'VAULT_NOT_FOUND' });
  });

  it.each([
    ['garbage', '\u0000\u0001 not json at all'],
    ['truncated JSON', () => JSON.stringify(sampleKeyFile()).slice(0, 120)],
    ['an empty file', ''],
    ['JSON of another shape', '{"hello":"world"}'],
    ['a wrong format name', () => JSON.stringify({ ...sampleKeyFile(), format: 'other-app' })],
    ['a nonce of the wrong length', () => {
      const file = sampleKeyFile();
      return JSON.stringify({ ...file, wraps: { ...file.wraps, passphrase: { ...file.wraps.passphrase, nonce: 'AAAA' } } });
    }],
    ['a character outside base64 in the ciphertext', () => {
      const file = sampleKeyFile();
      const ciphertext = `!${file.wraps.passphrase.ciphertext.slice(1)}`;
      return JSON.stringify({ ...file, wraps: { ...file.wraps, passphrase: { ...file.wraps.passphrase, ciphertext } } });
    }],
  ])('reports %s as KEYS_CORRUPT', async (_name, content) => {
    writeRaw(typeof content === 'function' ? content() : content);
    await expect(readKeyFile(folder)).rejects.toMatchObject({ code: 'KEYS_CORRUPT', message: expect.stringMatching(/keys file/) });
  });

  it('reports KDF parameters below the floor as KEYS_CORRUPT', async () => {
    const file = sampleKeyFile();
    const weak = { ...file, wraps: { ...file.wraps, passphrase: { ...file.wraps.passphrase, kdf: { ...file.wraps.passphrase.kdf, memoryKiB: 1024, passes: 1 } } } };
    writeRaw(JSON.stringify(weak));
    await expect(readKeyFile(folder)).rejects.toMatchObject({ code: 'KEYS_CORRUPT', message: expect.stringMatching(/weaker than Sole Notes allows/) });
  });

  it('reports absurd KDF parameters (an unlock that would hang) as KEYS_CORRUPT', async () => {
    const file = sampleKeyFile();
    const huge = { ...file, wraps: { ...file.wraps, recovery: { ...file.wraps.recovery, kdf: { ...file.wraps.recovery.kdf, passes: 1_000_000 } } } };
    writeRaw(JSON.stringify(huge));
    await expect(readKeyFile(folder)).rejects.toMatchObject({ code: 'KEYS_CORRUPT' });
  });

  it('reports a keys file from a newer version as VAULT_FROM_FUTURE', async () => {
    writeRaw(JSON.stringify({ ...sampleKeyFile(), version: 2 }));
    await expect(readKeyFile(folder)).rejects.toMatchObject({ code: 'VAULT_FROM_FUTURE' });
  });

  it('refuses a huge file without parsing it', async () => {
    writeRaw(' '.repeat(1024 * 1024));
    await expect(readKeyFile(folder)).rejects.toMatchObject({ code: 'KEYS_CORRUPT' });
  });
});
