import { isVaultError } from '../errors';
import { writeKeyFile, type KeyFile } from './keyFile';
import { asStorageError } from '../storageErrors';

/** An audit entry to append: action and details. */
export type AuditRecord = [action: string, details: Record<string, unknown>];

/**
 * Puts a changed keys file in place. The caller has already appended the
 * change's audit entry, naming the new passphrase wrap by its nonce (public:
 * it is stored in the keys file), so no passphrase is ever in force without
 * a record of its change. If the rename fails, `record` appends
 * `vault.passphrase_change_not_applied` with the same nonce. If the process
 * dies between the entry and the rename, the entry stays alone; the log then
 * tells such a change apart by its nonce, which the keys file in force does
 * not hold (nor does a later entry follow it for that nonce).
 */
export async function writeRecordedKeyFile(
  folder: string,
  updated: KeyFile,
  change: { action: string; wrapNonce: string },
  record: (entry: AuditRecord) => void,
): Promise<void> {
  try {
    await writeKeyFile(folder, updated);
  } catch (error) {
    const failure = asStorageError(error);
    try {
      record(['vault.passphrase_change_not_applied', { ...change, code: isVaultError(failure) ? failure.code : 'INTERNAL' }]);
    } catch {
      // The disk that refused the keys file may refuse the log too.
    }
    throw error;
  }
}
