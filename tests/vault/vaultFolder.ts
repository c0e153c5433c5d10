import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { VaultError } from '../../src-main/vault/errors';
import { ATTEMPTS_FILE_NAME } from '../../src-main/vault/folderLayout';

/** sha-256 of every file in a folder, by name: to prove an operation wrote nothing. */
export function hashFolder(folder: string): Record<string, string> {
  if (!fs.existsSync(folder)) return {};
  const hashes: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).sort()) {
    hashes[name] = crypto.createHash('sha256').update(fs.readFileSync(path.join(folder, name))).digest('hex');
  }
  return hashes;
}

/**
 * hashFolder without `vault.attempts.json`: a failed unlock records itself
 * there by design, and only there; every other file stays byte-identical.
 */
export function hashVaultFiles(folder: string): Record<string, string> {
  const { [ATTEMPTS_FILE_NAME]: _attempts, ...rest } = hashFolder(folder);
  return rest;
}

/** The VaultError code a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VaultError) return error.code;
    throw error;
  }
  throw new Error('expected the operation to fail');
}
