import fs from 'node:fs';
import path from 'node:path';
import { isVaultError } from '../errors';
import { acquireKeyFileLock, LOCK_LEFTOVER_PATTERN } from './keyFileLock';
import { KEY_FILE_NAME } from '../folderLayout';

/*
 * Files a crash can leave in the vault folder while the keys file is being
 * replaced: `.vault.keys.json.<hex>.tmp` (writeKeyFile's temporary file: a
 * complete or partial copy of the key wraps, which must not linger beside
 * the vault) and `.vault.keys.lock.<hex>.tmp` / `.stale` (a lock's record
 * before it was put in place, a stale lock being taken over). They are removed whenever a session looks at the folder, but only
 * while holding the keys file lock: a temporary file of a change running in
 * another process right now is never taken from under it.
 */

const KEY_FILE_TEMP_PATTERN = new RegExp(`^\\.${KEY_FILE_NAME.replace(/\./g, '\\.')}\\.[0-9a-f]{12}\\.tmp$`);

function leftoversIn(folder: string): string[] {
  try {
    return fs.readdirSync(folder).filter((name) => KEY_FILE_TEMP_PATTERN.test(name) || LOCK_LEFTOVER_PATTERN.test(name));
  } catch {
    return [];
  }
}

/** Removes the keys file's leftovers, if any; does nothing while another process holds the keys file lock. */
export function removeKeyFileLeftovers(folder: string): void {
  if (leftoversIn(folder).length === 0) return;
  let lock;
  try {
    lock = acquireKeyFileLock(folder);
  } catch (error) {
    if (isVaultError(error) && error.code === 'CONFLICT') return; // a change is under way; the next look tidies up
    throw error;
  }
  try {
    for (const name of leftoversIn(folder)) fs.rmSync(path.join(folder, name), { force: true });
  } finally {
    lock?.release();
  }
}
