import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Kdf from '../../src-main/vault/keys/kdf';
import type * as KeyFileModule from '../../src-main/vault/keys/keyFile';
import type * as RecoveryKeyModule from '../../src-main/vault/keys/recoveryKey';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { rejectionCode } from './vaultFolder';

/*
 * Every secret Buffer the vault code makes — each argon2id output (a
 * key-encryption key), each data key that comes out of a wrap, each recovery
 * secret, each copy of the data key — is caught where it is made, by
 * wrapping the functions that make them. After lock() every one of them must
 * be all zeros, and every one must be among the buffers the session tracks.
 *
 * Not covered, and cannot be: `PRAGMA key` takes the key as a hex string,
 * and JavaScript strings cannot be overwritten; SQLCipher keeps its own copy
 * inside the connection, which it wipes when the connection closes.
 */

const made = vi.hoisted(() => ({ buffers: [] as { source: string; buffer: Buffer }[] }));

vi.mock('../../src-main/vault/keys/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof Kdf>();
  return {
    ...actual,
    deriveKey: async (...args: Parameters<typeof actual.deriveKey>) => {
      const key = await actual.deriveKey(...args);
      made.buffers.push({ source: 'deriveKey', buffer: key });
      return key;
    },
  };
});

vi.mock('../../src-main/vault/keys/keyFile', async (importOriginal) => {
  const actual = await importOriginal<typeof KeyFileModule>();
  return {
    ...actual,
    unwrapKey: (...args: Parameters<typeof actual.unwrapKey>) => {
      const key = actual.unwrapKey(...args);
      if (key) made.buffers.push({ source: 'unwrapKey', buffer: key });
      return key;
    },
  };
});

vi.mock('../../src-main/vault/keys/recoveryKey', async (importOriginal) => {
  const actual = await importOriginal<typeof RecoveryKeyModule>();
  return {
    ...actual,
    generateRecoveryKey: () => {
      const key = actual.generateRecoveryKey();
      made.buffers.push({ source: 'generateRecoveryKey', buffer: key.secret });
      return key;
    },
    parseRecoveryKey: (text: string) => {
      const secret = actual.parseRecoveryKey(text);
      made.buffers.push({ source: 'parseRecoveryKey', buffer: secret });
      return secret;
    },
  };
});

const NEW_PASSPHRASE = 'copper kettle meadow ninety';
const WRONG = 'copper kettle meadow ninety one';

let root: string;

beforeEach(() => {
  root = makeTempDir();
  made.buffers.length = 0;
});

afterEach(() => removeDir(root));

function expectAllZeroAndTracked(vault: VaultSession): void {
  const tracked = new Set(vault.keyBuffersForTesting());
  for (const { source, buffer } of made.buffers) {
    expect(buffer.length, source).toBe(source.endsWith('RecoveryKey') ? 25 : 32); // the recovery secret is 200 bits
    expect(buffer.every((byte) => byte === 0), `${source} output still holds key material`).toBe(true);
    expect(tracked.has(buffer), `${source} output is not tracked by the session`).toBe(true);
  }
  for (const buffer of tracked) expect(buffer.every((byte) => byte === 0)).toBe(true);
}

describe('key hygiene: every derived key and every unwrapped key is overwritten on lock', () => {
  it('through create, unlock, wrong passphrases, passphrase change, recovery, backup, restore and undo', async () => {
    const vault = new VaultSession(path.join(root, 'vault'), { kdf: TEST_KDF });
    const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
    vault.data.notes.create({ body: 'A note' });
    vault.lock();
    expectAllZeroAndTracked(vault);
    expect(made.buffers.filter((entry) => entry.source === 'deriveKey')).toHaveLength(2); // passphrase and recovery wraps

    expect(await rejectionCode(vault.unlock(WRONG))).toBe('WRONG_PASSPHRASE');
    await vault.unlock(TEST_PASSPHRASE);
    expect(made.buffers.filter((entry) => entry.source === 'unwrapKey')).toHaveLength(1);
    // While unlocked the data key is live (not zero): the check above is not vacuous.
    expect(made.buffers.at(-1)?.buffer.some((byte) => byte !== 0)).toBe(true);
    expect(await rejectionCode(vault.changePassphrase(WRONG, NEW_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    await vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE);
    const backup = await vault.createBackup();
    vault.lock();
    expectAllZeroAndTracked(vault);

    await vault.unlockWithRecovery(recoveryKey, TEST_PASSPHRASE);
    await vault.restoreBackup({ id: backup.id }); // with a copy of the open vault's key
    await vault.undoRestore();
    expectAllZeroAndTracked(vault);

    await vault.restoreBackup({ id: backup.id, passphrase: NEW_PASSPHRASE }); // the backup's own wrap, while locked
    vault.lock();
    expectAllZeroAndTracked(vault);

    const sources = new Set(made.buffers.map((entry) => entry.source));
    expect([...sources].sort()).toEqual(['deriveKey', 'generateRecoveryKey', 'parseRecoveryKey', 'unwrapKey']);
    expect(made.buffers.length).toBeGreaterThanOrEqual(15);
  });

  it('a lock that arrives while a key is being derived still leaves nothing behind', async () => {
    const vault = new VaultSession(path.join(root, 'vault'), { kdf: TEST_KDF });
    await vault.create(TEST_PASSPHRASE);
    vault.lock();
    const unlocking = vault.unlock(TEST_PASSPHRASE);
    vault.lock('suspend');
    await unlocking;
    expect(vault.state()).toBe('locked');
    expectAllZeroAndTracked(vault);
  });
});
