import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import { attemptDelaySeconds, MAX_ATTEMPT_DELAY_SECONDS } from '../../src-main/vault/keys/attempts';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { hashVaultFiles, rejectionCode } from './vaultFolder';
import { ATTEMPTS_FILE_NAME } from '../../src-main/vault/folderLayout';

const WRONG = 'copper kettle meadow ninety one';
const NEW_PASSPHRASE = 'copper kettle meadow ninety';

let root: string;
let folder: string;
let now: number;
const sessions: VaultSession[] = [];

/** A clock that only moves when the test moves it. */
function session(): VaultSession {
  const opened = new VaultSession(folder, { kdf: TEST_KDF, clock: () => new Date(now) });
  sessions.push(opened);
  return opened;
}

function attemptsFile(): { failures: number; lastFailureAt: string | null; unaudited: unknown[] } {
  return JSON.parse(fs.readFileSync(path.join(folder, ATTEMPTS_FILE_NAME), 'utf8'));
}

async function failure(vault: VaultSession, passphrase = WRONG): Promise<{ code?: string; details?: { retryAfterSeconds?: number } }> {
  return vault.unlock(passphrase).then(
    () => ({}),
    (error: unknown) => error as { code?: string; details?: { retryAfterSeconds?: number } },
  );
}

beforeEach(async () => {
  root = makeTempDir();
  folder = path.join(root, 'vault');
  now = Date.parse('2026-03-02T09:00:00.000Z');
  const vault = session();
  await vault.create(TEST_PASSPHRASE);
  vault.lock();
});

afterEach(() => {
  for (const opened of sessions.splice(0)) opened.lock();
  removeDir(root);
});

describe('the delay after wrong passphrases', () => {
  it('grows 0, 0, 1, 2, 4 … seconds and stops at 30', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map(attemptDelaySeconds)).toEqual([0, 0, 1, 2, 4, 8, 16, 30, 30, 30]);
    expect(MAX_ATTEMPT_DELAY_SECONDS).toBe(30);
  });

  it('refuses the next try with TOO_MANY_ATTEMPTS and the wait in seconds, without deriving a key or touching the vault', async () => {
    const vault = session();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      now += attemptDelaySeconds(attempt - 1) * 1000; // wait out the delay the previous failure set
      expect((await failure(vault)).code).toBe('WRONG_PASSPHRASE');
    }
    const before = hashVaultFiles(folder);
    const attemptsBefore = attemptsFile();
    expect(attemptsBefore.failures).toBe(4);

    // Even the right passphrase waits: the brake does not tell right from wrong.
    now += 500;
    const braked = await failure(vault, TEST_PASSPHRASE);
    expect(braked).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 2 } });
    expect((braked as Error).message).toMatch(/Wait 2 seconds/);
    expect(attemptsFile()).toEqual(attemptsBefore); // a refused try is not another failure
    expect(hashVaultFiles(folder)).toEqual(before);

    now += 2000;
    await vault.unlock(TEST_PASSPHRASE);
    expect(fs.existsSync(path.join(folder, ATTEMPTS_FILE_NAME))).toBe(false);
  });

  it('survives a restart: a new session (a new app process) reads the count and the time from the file', async () => {
    const first = session();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expect((await failure(first)).code).toBe('WRONG_PASSPHRASE');
      now += 20_000;
    }
    now -= 20_000; // just after the sixth failure: the wait is 8 s
    const restarted = session();
    expect(await failure(restarted, TEST_PASSPHRASE)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 8 } });
    now += 8000;
    await restarted.unlock(TEST_PASSPHRASE);
  });

  it('is capped at 30 s, and a clock set back does not lock the worker out', async () => {
    const vault = session();
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await failure(vault);
      now += 31_000;
    }
    now -= 31_000;
    expect(await failure(vault)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 30 } });
    now -= 3_600_000; // the clock jumps an hour back
    expect(await failure(vault)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 30 } });
    now += 30_000;
    await vault.unlock(TEST_PASSPHRASE);
  });

  it('writes every failed attempt to the audit log at the next unlock, even across a restart', async () => {
    const first = session();
    await failure(first);
    now += 1000;
    expect(await rejectionCode(first.unlockWithRecovery('ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH', NEW_PASSPHRASE))).toBe(
      'WRONG_RECOVERY_KEY',
    );
    now += 1000;
    await failure(first);
    now += 5000;

    const restarted = session();
    await restarted.unlock(TEST_PASSPHRASE);
    const entries = restarted.data.audit.list(4).reverse();
    expect(entries.map((entry) => [entry.action, entry.details])).toEqual([
      ['vault.unlock_failed', { method: 'passphrase', at: '2026-03-02T09:00:00.000Z' }],
      ['vault.unlock_failed', { method: 'recovery', at: '2026-03-02T09:00:01.000Z' }],
      ['vault.unlock_failed', { method: 'passphrase', at: '2026-03-02T09:00:02.000Z' }],
      ['vault.unlocked', { method: 'passphrase' }],
    ]);
  });

  it('counts a wrong recovery key in the audit log but not towards the delay (200 random bits need no brake)', async () => {
    const vault = session();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await rejectionCode(vault.unlockWithRecovery('ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH', NEW_PASSPHRASE));
    }
    expect(attemptsFile()).toMatchObject({ failures: 0, unaudited: expect.arrayContaining([{ method: 'recovery', at: expect.any(String) }]) });
    await vault.unlock(TEST_PASSPHRASE);
  });

  it('brakes guessing through "change passphrase" at an unlocked laptop too', async () => {
    const vault = session();
    await vault.unlock(TEST_PASSPHRASE);
    const changes = [];
    for (let attempt = 0; attempt < 3; attempt += 1) changes.push(await vault.changePassphrase(WRONG, NEW_PASSPHRASE).catch((error: unknown) => error));
    expect(changes).toMatchObject([{ code: 'WRONG_PASSPHRASE', details: undefined }, { code: 'WRONG_PASSPHRASE', details: undefined }, { code: 'WRONG_PASSPHRASE', details: { retryAfterSeconds: 1 } }]);
    expect(await rejectionCode(vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE))).toBe('TOO_MANY_ATTEMPTS');
    expect(vault.data.audit.list(3).map((entry) => entry.action)).toEqual(Array(3).fill('vault.passphrase_change_failed'));
    now += 1000;
    await vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE);
    expect(fs.existsSync(path.join(folder, ATTEMPTS_FILE_NAME))).toBe(false);
  });

  it('tells the wait through the API as a number beside the code, from the wrong try that starts it', async () => {
    const router = createRouter(session());
    const wrong = [];
    for (let attempt = 0; attempt < 3; attempt += 1) wrong.push(await router.invoke('vault.unlock', { passphrase: WRONG }));
    // The first two set no pause; the third starts one and says how long, so the countdown can show at once.
    expect(wrong.map((result) => (result.ok ? null : result.error.details?.retryAfterSeconds))).toEqual([undefined, undefined, 1]);
    expect(wrong.map((result) => (result.ok ? null : result.error.code))).toEqual(Array(3).fill('WRONG_PASSPHRASE'));
    expect(await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: 'Too many wrong passphrases in a row. Wait 1 second, then try again.', details: { retryAfterSeconds: 1 } },
    });
  });

  it('a damaged attempts file starts the count again instead of failing the unlock', async () => {
    fs.writeFileSync(path.join(folder, ATTEMPTS_FILE_NAME), '{"failures": "many"');
    const vault = session();
    expect((await failure(vault)).code).toBe('WRONG_PASSPHRASE');
    expect(attemptsFile().failures).toBe(1);
    await vault.unlock(TEST_PASSPHRASE);
  });

  it('a vault folder that cannot take the attempts file still answers WRONG_PASSPHRASE and keeps the brake in memory', async () => {
    // A directory where the file should be: the atomic rename onto it fails, as on a read-only disk.
    fs.mkdirSync(path.join(folder, ATTEMPTS_FILE_NAME));
    const vault = session();
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await failure(vault)).code).toBe('WRONG_PASSPHRASE');
    expect((await failure(vault, TEST_PASSPHRASE)).code).toBe('TOO_MANY_ATTEMPTS');
  });
});
