import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as KeyFileModule from '../../../src-main/vault/keys/keyFile';
import { createdVault, newSession, removeDir, TEST_PASSPHRASE } from '../../helpers/tempVault';

/*
 * The PIN through a real session over a real encrypted vault: set after the
 * passphrase, an idle lock keeps the key wrapped, the PIN opens it; three wrong
 * PINs, suspend and restart mean the passphrase; and nothing of it on disk.
 */

const wraps = vi.hoisted(() => ({ quick: [] as Buffer[] }));

vi.mock('../../../src-main/vault/keys/keyFile', async (importOriginal) => {
  const actual = await importOriginal<typeof KeyFileModule>();
  return {
    ...actual,
    wrapKey: (...args: Parameters<typeof actual.wrapKey>) => {
      const sealed = actual.wrapKey(...args);
      if (args[2].toString('utf8').startsWith('sole-notes/quick-unlock')) wraps.quick.push(Buffer.from(sealed.ciphertext + sealed.tag, 'utf8'), Buffer.from(sealed.ciphertext, 'base64'));
      return sealed;
    },
  };
});

const PIN = '20250303';
let roots: string[] = [];
afterEach(() => {
  for (const root of roots) removeDir(root);
  roots = [];
  wraps.quick = [];
});

async function vaultWithPin() {
  const made = await createdVault();
  roots.push(made.root);
  await made.session.quickUnlock.set(PIN);
  return made;
}

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; details?: { attemptsLeft?: number } }> {
  return (await promise.then(() => ({}), (error: unknown) => error)) as { code?: string };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('unlocking with a PIN after a short lock', () => {
  it('opens the vault with the PIN after an idle lock, and writes nothing of the PIN in the vault folder', async () => {
    const { session, root } = await vaultWithPin();
    session.data.students.create({ code: 'S-1' } as never);
    session.lock('idle');
    expect(session.state()).toBe('locked');
    expect(session.quickUnlock.status()).toMatchObject({ available: true, attemptsLeft: 3 });

    // Every file in the vault's folder (and the temp root around it), byte by byte.
    expect(wraps.quick.length).toBeGreaterThan(0);
    const needles = [Buffer.from(PIN, 'utf8'), Buffer.from(PIN, 'utf16le'), ...wraps.quick];
    for (const file of filesUnder(root)) {
      const bytes = fs.readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${file} holds a PIN trace`).toBe(false);
    }

    await session.unlockWithPin(PIN);
    expect(session.state()).toBe('unlocked');
    expect(session.data.students.list({}).map((student) => student.code)).toEqual(['S-1']);
    expect(session.data.audit.list(5).some((entry) => entry.action === 'vault.unlocked' && (entry.details as { method?: string }).method === 'pin')).toBe(true);

    // And again after the next idle lock, the same day.
    session.lock('idle');
    await session.unlockWithPin(PIN);
    expect(session.state()).toBe('unlocked');
    session.lock('user');
  });

  it('after three wrong PINs asks for the passphrase, which still works', async () => {
    const { session } = await vaultWithPin();
    session.lock('idle');
    expect(await rejection(session.unlockWithPin('111111'))).toMatchObject({ code: 'WRONG_PIN', details: { attemptsLeft: 2 } });
    expect(await rejection(session.unlockWithPin('111112'))).toMatchObject({ code: 'WRONG_PIN', details: { attemptsLeft: 1 } });
    expect(await rejection(session.unlockWithPin('111113'))).toMatchObject({ code: 'PIN_EXPIRED' });
    expect(await rejection(session.unlockWithPin(PIN))).toMatchObject({ code: 'PIN_EXPIRED' });
    expect(session.state()).toBe('locked');
    await session.unlock(TEST_PASSPHRASE);
    expect(session.state()).toBe('unlocked');
    // Three wrong PINs forgot the PIN: it must be set again.
    expect(session.quickUnlock.status().pinSet).toBe(false);
    session.lock('user');
  });

  it('"Use passphrase instead" keeps the PIN for the next short lock', async () => {
    const { session } = await vaultWithPin();
    session.lock('idle');
    await session.unlock(TEST_PASSPHRASE);
    expect(session.quickUnlock.status().pinSet).toBe(true);
    session.lock('idle');
    await session.unlockWithPin(PIN);
    expect(session.state()).toBe('unlocked');
    session.lock('user');
  });

  it('writes each wrong PIN in the audit log at the next unlock (in the encrypted vault, never the PIN)', async () => {
    const { session } = await vaultWithPin();
    session.lock('idle');
    await rejection(session.unlockWithPin('111111'));
    await rejection(session.unlockWithPin('111112'));
    await session.unlockWithPin(PIN);
    const failed = session.data.audit.list(10).filter((entry) => entry.action === 'vault.unlock_failed');
    expect(failed.map((entry) => (entry.details as { method?: string }).method)).toEqual(['pin', 'pin']);
    expect(JSON.stringify(session.data.audit.list(10))).not.toContain('111111');
    session.lock('user');
  });

  it.each(['suspend', 'window-closed'] as const)('keeps nothing after %s, even when an idle lock came first', async (reason) => {
    const { session } = await vaultWithPin();
    session.lock('idle');
    session.lock(reason);
    expect(session.quickUnlock.status().available).toBe(false);
    expect(await rejection(session.unlockWithPin(PIN))).toMatchObject({ code: 'PIN_EXPIRED' });
  });

  it('a restart (a new session over the same folder) asks for the passphrase', async () => {
    const { session, root } = await vaultWithPin();
    session.lock('idle');
    const restarted = newSession(root);
    expect(restarted.quickUnlock.status()).toMatchObject({ available: false, passphraseThisRun: false });
    expect(await rejection(restarted.unlockWithPin(PIN))).toMatchObject({ code: 'PIN_EXPIRED' });
    expect(await rejection(restarted.quickUnlock.set(PIN))).toMatchObject({ code: 'PIN_EXPIRED' });
  });

  it('zeroes every key buffer once the PIN unlock is over and the vault is locked for good', async () => {
    const { session } = await vaultWithPin();
    session.lock('idle');
    await session.unlockWithPin(PIN);
    session.lock('suspend');
    const buffers = [...session.keyBuffersForTesting(), ...session.quickUnlock.keyBuffersForTesting()];
    expect(buffers.length).toBeGreaterThan(3);
    for (const buffer of buffers) expect(buffer.every((byte) => byte === 0)).toBe(true);
  });
});
