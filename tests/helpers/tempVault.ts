import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VaultSession } from '../../src-main/vault/vaultSession';

/** The floor parameters: real argon2id, without spending time on calibration in tests. */
export const TEST_KDF = { algorithm: 'argon2id', memoryKiB: 65536, passes: 3, parallelism: 1 } as const;
export const TEST_PASSPHRASE = 'quiet harbor lantern seventeen';

export function makeTempDir(prefix = 'sole-notes-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A session over a vault folder inside a fresh temp dir (not yet created). */
export function newSession(root = makeTempDir()): VaultSession {
  return new VaultSession(path.join(root, 'vault'), { kdf: TEST_KDF });
}

/** A created, unlocked vault and its recovery key. */
export async function createdVault(root = makeTempDir()): Promise<{ session: VaultSession; recoveryKey: string; root: string }> {
  const session = newSession(root);
  const { recoveryKey } = await session.create(TEST_PASSPHRASE);
  return { session, recoveryKey, root };
}
