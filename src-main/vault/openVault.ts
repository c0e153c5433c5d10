import type { VaultDatabase } from './connection';
import type { IntegrityCheck } from './integrityCheck';
import type { VaultData } from './vaultData';

export type UnlockMethod = 'passphrase' | 'recovery' | 'pin';

/** What an unlocked vault holds: the open database, its repositories and the data key (zeroed at lock). */
export interface OpenVault {
  db: VaultDatabase;
  data: VaultData;
  dataKey: Buffer;
  vaultId: string;
  /** The full integrity check running after unlock; null when the database was just made or just checked whole. */
  integrity: IntegrityCheck | null;
}

/** Closes a vault that never became the session's open one, and zeroes its key. */
export function closeAndZero(opened: OpenVault): void {
  opened.integrity?.stop();
  try {
    opened.db.close();
  } finally {
    opened.dataKey.fill(0);
  }
}
