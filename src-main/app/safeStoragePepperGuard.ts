import { safeStorage } from 'electron';
import type { PepperGuard } from '../vault/quickUnlock/pepperGuard';

/**
 * The OS's protected store for the quick-unlock pepper (docs/quick-unlock.md):
 * Keychain on macOS, DPAPI on Windows, the secret service on Linux. Null when
 * there is none, or only Electron's fixed-key fallback on Linux ('basic_text'),
 * which would protect nothing.
 */
export function safeStoragePepperGuard(): PepperGuard | null {
  try {
    if (!safeStorage.isEncryptionAvailable()) return null;
    if (process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) return null;
  } catch {
    return null;
  }
  return {
    // The API takes strings: the pepper passes through one, briefly, as the docs say.
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
