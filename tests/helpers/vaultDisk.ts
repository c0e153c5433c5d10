import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openEncryptedDatabase, type VaultDatabase } from '../../src-main/vault/connection';
import { deriveKey } from '../../src-main/vault/keys/kdf';
import { readKeyFile, unwrapKey, wrapAad } from '../../src-main/vault/keys/keyFile';
import { DATABASE_FILE_NAME } from '../../src-main/vault/folderLayout';
import { TEST_PASSPHRASE } from './tempVault';

/** The vault's data key, unwrapped from its keys file with the test passphrase, as an unlock does. */
export async function vaultDataKey(vaultFolder: string, passphrase = TEST_PASSPHRASE): Promise<Buffer> {
  const keys = await readKeyFile(vaultFolder);
  const kek = await deriveKey(passphrase, keys.wraps.passphrase.kdf);
  const key = unwrapKey(keys.wraps.passphrase, kek, wrapAad(keys.vaultId, 'passphrase'));
  kek.fill(0);
  if (!key) throw new Error('the test passphrase did not open the vault');
  return key;
}

export function vaultDatabaseFile(vaultFolder: string): string {
  return path.join(vaultFolder, DATABASE_FILE_NAME);
}

/** The (locked) vault's database opened directly with its real key: for tests that look at or change what is stored. */
export async function openVaultDatabase(vaultFolder: string): Promise<VaultDatabase> {
  return openEncryptedDatabase(vaultDatabaseFile(vaultFolder), await vaultDataKey(vaultFolder), { create: false });
}

/** Every decrypted page of the locked vault's database file holding `text` (UTF-8), by page number from 1. */
export async function pagesHolding(vaultFolder: string, text: string): Promise<number[]> {
  const pages = decryptedPages(vaultDatabaseFile(vaultFolder), await vaultDataKey(vaultFolder));
  return pages.flatMap((page, index) => (page.includes(Buffer.from(text, 'utf8')) ? [index + 1] : []));
}

/** SQLCipher 4 keeps 80 bytes at the end of every page: the page's IV (16) and HMAC-SHA512 (64). */
const RESERVE = 80;
const IV_BYTES = 16;
const SALT_BYTES = 16;

/**
 * Every page of a closed SQLCipher 4 database file, decrypted with the raw
 * data key (the vault keys SQLCipher with a raw key, so the page key is the
 * data key itself): free pages and unused space included, so a test can look
 * for text anywhere in the file, not only in what the tables still show.
 */
export function decryptedPages(file: string, dataKey: Buffer, pageSize = 4096): Buffer[] {
  const bytes = fs.readFileSync(file);
  const pages: Buffer[] = [];
  for (let offset = 0; offset + pageSize <= bytes.length; offset += pageSize) {
    const page = bytes.subarray(offset, offset + pageSize);
    const start = offset === 0 ? SALT_BYTES : 0;
    const iv = page.subarray(pageSize - RESERVE, pageSize - RESERVE + IV_BYTES);
    const decipher = crypto.createDecipheriv('aes-256-cbc', dataKey, iv).setAutoPadding(false);
    pages.push(Buffer.concat([decipher.update(page.subarray(start, pageSize - RESERVE)), decipher.final()]));
  }
  return pages;
}
