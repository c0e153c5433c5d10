import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import { openEncryptedDatabase } from '../../src-main/vault/connection';
import { VaultError } from '../../src-main/vault/errors';
import { storageErrorFrom } from '../../src-main/vault/storageErrors';
import { VaultData } from '../../src-main/vault/vaultData';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { openTestVault } from './testVault';

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: something`), { code });
}

describe('storageErrorFrom', () => {
  it.each([
    ['SQLITE_BUSY', 'VAULT_BUSY'],
    ['SQLITE_BUSY_SNAPSHOT', 'VAULT_BUSY'],
    ['SQLITE_LOCKED', 'VAULT_BUSY'],
    ['ENOSPC', 'STORAGE_FULL'],
    ['EDQUOT', 'STORAGE_FULL'],
    ['SQLITE_FULL', 'STORAGE_FULL'],
    ['EROFS', 'STORAGE_READ_ONLY'],
    ['EACCES', 'STORAGE_READ_ONLY'],
    ['EPERM', 'STORAGE_READ_ONLY'],
    ['SQLITE_READONLY', 'STORAGE_READ_ONLY'],
    ['SQLITE_READONLY_DIRECTORY', 'STORAGE_READ_ONLY'],
    ['SQLITE_CANTOPEN', 'STORAGE_READ_ONLY'],
    ['ENOENT', 'STORAGE_UNAVAILABLE'],
    ['ENOTDIR', 'STORAGE_UNAVAILABLE'],
    ['EIO', 'STORAGE_UNAVAILABLE'],
    ['SQLITE_IOERR_WRITE', 'STORAGE_UNAVAILABLE'],
    ['SQLITE_CORRUPT', 'VAULT_CORRUPT'],
    ['SQLITE_NOTADB', 'VAULT_CORRUPT'],
  ])('%s → %s', (code, expected) => {
    expect(storageErrorFrom(errno(code))?.code).toBe(expected);
  });

  it('leaves other errors alone (they stay INTERNAL) and VaultErrors as they are', () => {
    expect(storageErrorFrom(errno('SQLITE_CONSTRAINT'))).toBeNull();
    expect(storageErrorFrom(new Error('plain'))).toBeNull();
    expect(storageErrorFrom('a string')).toBeNull();
    const vaultError = new VaultError('NOT_FOUND', 'gone');
    expect(storageErrorFrom(vaultError)).toBe(vaultError);
  });

  it('words the error for the files it was about', () => {
    expect(storageErrorFrom(errno('ENOSPC'), 'backup')?.message).toMatch(/no backup was made/);
    expect(storageErrorFrom(errno('ENOSPC'), 'file')?.message).not.toMatch(/vault/);
    expect(storageErrorFrom(errno('SQLITE_FULL'), 'file')?.message).toMatch(/vault/);
  });
});

describe('a page damaged while the vault is open', () => {
  it('reads as VAULT_CORRUPT through the router, not INTERNAL', async () => {
    const vault = openTestVault();
    for (let index = 0; index < 200; index += 1) vault.data.notes.create({ body: `Note ${index} ${'about the week and the plan; '.repeat(20)}` });
    const first = vault.data.notes.list({ limit: 1 })[0]?.id ?? '';
    vault.db.close();
    // Damage every page in the second half (note text; the schema was written first), then open without the
    // unlock check, as if the damage happened after unlocking.
    const bytes = fs.readFileSync(vault.file);
    const pages = bytes.length / 4096;
    for (let page = Math.floor(pages / 2); page < pages; page += 1) bytes[page * 4096 + 100] = (bytes[page * 4096 + 100] ?? 0) ^ 0xff;
    fs.writeFileSync(vault.file, bytes);

    const db = vault.reopen();
    const data = new VaultData(db);
    const reported: string[] = [];
    const router = createRouter({ data } as unknown as VaultSession, { reportInternalError: (command) => reported.push(command) });
    const results = [await router.invoke('notes.get', { id: first }), await router.invoke('notes.list', { limit: 500 }), await router.invoke('notes.search', { query: 'plan' })];
    expect(results.some((result) => !result.ok)).toBe(true);
    for (const result of results) if (!result.ok) expect(result.error.code).toBe('VAULT_CORRUPT');
    expect(reported).toEqual([]);
    expect(() => openEncryptedDatabase(path.join(vault.dir, 'vault.db'), Buffer.alloc(32, 1), { create: false })).toThrow(VaultError);
    vault.dispose();
  });
});

describe('storageErrorFrom on a failure reported as INTERNAL', () => {
  it('names the storage problem behind it in the app\'s words, and keeps other INTERNAL errors as they are', () => {
    const write = new VaultError('INTERNAL', "Could not write /x/k: EPERM: operation not permitted, open '/x/.k.tmp'", { cause: errno('EPERM') });
    expect(storageErrorFrom(write)).toMatchObject({ code: 'STORAGE_READ_ONLY' });
    expect(storageErrorFrom(write)?.message).not.toContain('EPERM');
    const plain = new VaultError('INTERNAL', 'The note history is missing its latest revision.');
    expect(storageErrorFrom(plain)).toBe(plain);
  });
});
