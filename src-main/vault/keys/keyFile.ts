import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Timestamp } from '../../../shared/api/schemas';
import { DATA_KEY_BYTES } from '../connection';
import { base64OfLength } from '../base64Schema';
import { isBoundedReadError, readBoundedFile } from '../boundedRead';
import { VaultError } from '../errors';
import { assertKdfParamsAllowed, KDF_KEY_BYTES, KdfParamsSchema } from './kdf';
import { KEY_FILE_NAME } from '../folderLayout';

export const KEY_FILE_FORMAT = 'sole-notes-keys';
export const KEY_FILE_VERSION = 1;

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** A real keys file is about 1 KB; refuse to parse anything much larger. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

export type WrapSlot = 'passphrase' | 'recovery';

export const WrapSchema = z
  .object({
    kdf: KdfParamsSchema,
    nonce: base64OfLength(NONCE_BYTES),
    ciphertext: base64OfLength(DATA_KEY_BYTES),
    tag: base64OfLength(TAG_BYTES),
  })
  .strict();
export type Wrap = z.infer<typeof WrapSchema>;

/** The encrypted data key of one wrap, without the parameters its key-encryption key came from. */
export type SealedKey = Omit<Wrap, 'kdf'>;

export const KeyFileSchema = z
  .object({
    format: z.literal(KEY_FILE_FORMAT),
    version: z.literal(KEY_FILE_VERSION),
    vaultId: z.uuid(),
    createdAt: Timestamp,
    wraps: z.object({ passphrase: WrapSchema, recovery: WrapSchema }).strict(),
  })
  .strict();
export type KeyFile = z.infer<typeof KeyFileSchema>;

export function keyFilePath(folder: string): string {
  return path.join(folder, KEY_FILE_NAME);
}

/**
 * What each wrap's GCM tag also authenticates: the file format, the vault and
 * the slot. A wrap copied into the other slot or into another vault's keys
 * file then fails like a wrong key.
 */
export function wrapAad(vaultId: string, slot: WrapSlot): Buffer {
  return Buffer.from(`${KEY_FILE_FORMAT}/v${KEY_FILE_VERSION}/${vaultId}/${slot}`, 'utf8');
}

/** Encrypts the data key under a key-encryption key with AES-256-GCM and a fresh random nonce. */
export function wrapKey(dataKey: Buffer, kek: Buffer, aad: Buffer): SealedKey {
  if (dataKey.length !== DATA_KEY_BYTES || kek.length !== KDF_KEY_BYTES) throw new VaultError('INTERNAL', 'A key has the wrong length.');
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/**
 * Decrypts a wrapped data key. Returns null when the tag does not verify: a
 * wrong key-encryption key, or a wrap that was altered or moved. The caller
 * zeroes the returned Buffer.
 */
export function unwrapKey(wrap: SealedKey, kek: Buffer, aad: Buffer): Buffer | null {
  if (kek.length !== KDF_KEY_BYTES) throw new VaultError('INTERNAL', 'The key-encryption key has the wrong length.');
  const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.nonce, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  // GCM is a stream mode: update() returns the whole plaintext and final() only checks the tag.
  const dataKey = decipher.update(Buffer.from(wrap.ciphertext, 'base64'));
  try {
    decipher.final();
  } catch {
    dataKey.fill(0);
    return null;
  }
  if (dataKey.length !== DATA_KEY_BYTES) {
    dataKey.fill(0);
    return null;
  }
  return dataKey;
}

/** Reads and checks `vault.keys.json`: VAULT_NOT_FOUND when absent, KEYS_CORRUPT when it cannot be trusted. */
export async function readKeyFile(folder: string): Promise<KeyFile> {
  const file = keyFilePath(folder);
  let raw: Buffer;
  try {
    raw = await readBoundedFile(file, MAX_KEY_FILE_BYTES);
  } catch (error) {
    if (isBoundedReadError(error) && isErrno(error.cause, 'ENOENT')) throw new VaultError('VAULT_NOT_FOUND', 'There is no vault in this folder.');
    if (isBoundedReadError(error) && error.reason === 'too-large') {
      throw new VaultError('KEYS_CORRUPT', 'The vault keys file is far too large to be real; it is damaged.', { cause: error });
    }
    if (isBoundedReadError(error) && error.reason === 'not-a-file') {
      throw new VaultError('KEYS_CORRUPT', 'The vault keys file is not a regular file (a folder, or a link to a device); it is damaged.', { cause: error });
    }
    throw new VaultError('KEYS_CORRUPT', 'The vault keys file could not be read.', { cause: error });
  }
  return parseKeyFile(raw);
}

export function parseKeyFile(raw: Buffer | string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch (error) {
    throw new VaultError('KEYS_CORRUPT', 'The vault keys file is damaged: it is not readable JSON.', { cause: error });
  }

  const header = z.object({ format: z.literal(KEY_FILE_FORMAT), version: z.number().int() }).safeParse(json);
  if (header.success && header.data.version > KEY_FILE_VERSION) {
    throw new VaultError('VAULT_FROM_FUTURE', 'This vault was made by a newer version of Sole Notes. Update Sole Notes to open it.');
  }

  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')}: ${issue.message})` : '';
    throw new VaultError('KEYS_CORRUPT', `The vault keys file is damaged: it is not a Sole Notes keys file${where}.`);
  }
  assertKdfParamsAllowed(parsed.data.wraps.passphrase.kdf);
  assertKdfParamsAllowed(parsed.data.wraps.recovery.kdf);
  return parsed.data;
}

/** The keys file's text, checked against its schema first. */
export function serializeKeyFile(keyFile: KeyFile): string {
  return `${JSON.stringify(KeyFileSchema.parse(keyFile), null, 2)}\n`;
}

/**
 * Replaces `vault.keys.json` atomically: a temporary file in the same folder
 * is written and flushed, renamed over the old one, and the folder flushed, so
 * a crash leaves either the old file or the new one, never a mix.
 */
export async function writeKeyFile(folder: string, keyFile: KeyFile): Promise<void> {
  const text = serializeKeyFile(keyFile);
  const target = keyFilePath(folder);
  const temporary = path.join(folder, `.${KEY_FILE_NAME}.${crypto.randomBytes(6).toString('hex')}.tmp`);

  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for flushing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
