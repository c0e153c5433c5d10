import crypto from 'node:crypto';
import { VaultError } from '../errors';

/** Crockford's base32: no I, L, O or U, so the printed key is hard to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BITS_PER_CHARACTER = 5;

export const RECOVERY_KEY_BYTES = 25; // 200 bits
export const RECOVERY_KEY_GROUPS = 8;
export const RECOVERY_KEY_GROUP_LENGTH = 5;
const RECOVERY_KEY_LENGTH = RECOVERY_KEY_GROUPS * RECOVERY_KEY_GROUP_LENGTH; // 40 characters × 5 bits = 200 bits

/** Characters people write for a digit; Crockford maps them back. */
const LOOKALIKES: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

export interface RecoveryKey {
  /** For the worker to print or write down: `ABCDE-FGHJK-…`, 8 groups of 5. */
  text: string;
  /** The 200 random bits; the caller zeroes it once the wrap is made. */
  secret: Buffer;
}

export function generateRecoveryKey(): RecoveryKey {
  const secret = crypto.randomBytes(RECOVERY_KEY_BYTES);
  const characters = encodeBase32(secret);
  const groups: string[] = [];
  for (let start = 0; start < characters.length; start += RECOVERY_KEY_GROUP_LENGTH) {
    groups.push(characters.slice(start, start + RECOVERY_KEY_GROUP_LENGTH));
  }
  return { text: groups.join('-'), secret };
}

/**
 * Reads a recovery key as typed: any case, with or without spaces and dashes,
 * and with I or L for 1 and O for 0.
 */
export function parseRecoveryKey(text: string): Buffer {
  const characters = text.toUpperCase().replace(/[\s\-\u2010-\u2015]+/g, ''); // spaces, hyphens and typographic dashes
  const normalised = [...characters].map((character) => LOOKALIKES[character] ?? character).join('');

  const bad = [...normalised].find((character) => !ALPHABET.includes(character));
  if (bad !== undefined) {
    throw new VaultError('WRONG_RECOVERY_KEY', `A recovery key has only letters and digits, and never "${bad}". Check what you typed.`, { details: { malformed: true } });
  }
  if (normalised.length !== RECOVERY_KEY_LENGTH) {
    throw new VaultError(
      'WRONG_RECOVERY_KEY',
      `A recovery key has ${RECOVERY_KEY_LENGTH} letters and digits (8 groups of 5); this one has ${normalised.length}. Check what you typed.`,
      { details: { malformed: true } },
    );
  }
  return decodeBase32(normalised);
}

function encodeBase32(bytes: Buffer): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= BITS_PER_CHARACTER) {
      bits -= BITS_PER_CHARACTER;
      output += ALPHABET[(buffer >> bits) & 0b11111];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) output += ALPHABET[(buffer << (BITS_PER_CHARACTER - bits)) & 0b11111];
  return output;
}

function decodeBase32(characters: string): Buffer {
  const output = Buffer.alloc(RECOVERY_KEY_BYTES);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const character of characters) {
    buffer = (buffer << BITS_PER_CHARACTER) | ALPHABET.indexOf(character);
    bits += BITS_PER_CHARACTER;
    if (bits >= 8) {
      bits -= 8;
      output[index] = (buffer >> bits) & 0xff;
      index += 1;
    }
    buffer &= (1 << bits) - 1;
  }
  return output;
}
