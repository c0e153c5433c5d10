import crypto from 'node:crypto';
import { VaultError } from '../vault/errors';

/**
 * The one-time handover code, for a substitute who has no handover key yet:
 * 5 groups of 5 characters of Crockford's base32 (no I, L, O or U), each
 * character drawn uniformly at random, so 25 × 5 = 125 bits. It is shown to
 * the owner once, passed on by the owner out of band (in person, by phone),
 * and stretched with argon2id before it opens the package's key.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const HANDOVER_CODE_GROUPS = 5;
export const HANDOVER_CODE_GROUP_LENGTH = 5;
const CODE_LENGTH = HANDOVER_CODE_GROUPS * HANDOVER_CODE_GROUP_LENGTH;
export const HANDOVER_CODE_BITS = CODE_LENGTH * Math.log2(ALPHABET.length);

/** Characters people write for a digit; Crockford maps them back. */
const LOOKALIKES: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

/** A fresh code, `ABCDE-FGHJK-…`, for the owner to pass on. */
export function generateHandoverCode(): string {
  const characters = Array.from({ length: CODE_LENGTH }, () => ALPHABET[crypto.randomInt(ALPHABET.length)] as string);
  const groups: string[] = [];
  for (let start = 0; start < CODE_LENGTH; start += HANDOVER_CODE_GROUP_LENGTH) {
    groups.push(characters.slice(start, start + HANDOVER_CODE_GROUP_LENGTH).join(''));
  }
  return groups.join('-');
}

/**
 * The code as the key-derivation input: 25 upper-case characters. Any case,
 * spaces and dashes, and I or L for 1 and O for 0 are forgiven; anything else
 * is refused (WRONG_HANDOVER_CODE) with what is wrong with its shape.
 */
export function normalizeHandoverCode(text: string): string {
  const characters = text.toUpperCase().replace(/[\s\-\u2010-\u2015]+/g, '');
  const normalised = [...characters].map((character) => LOOKALIKES[character] ?? character).join('');
  const bad = [...normalised].find((character) => !ALPHABET.includes(character));
  if (bad !== undefined) {
    throw new VaultError('WRONG_HANDOVER_CODE', `A handover code has only letters and digits, and never "${bad}". Check what you typed.`, { details: { malformed: true } });
  }
  if (normalised.length !== CODE_LENGTH) {
    throw new VaultError(
      'WRONG_HANDOVER_CODE',
      `A handover code has ${CODE_LENGTH} letters and digits (5 groups of 5); this one has ${normalised.length}. Check what you typed.`,
      { details: { malformed: true } },
    );
  }
  return normalised;
}
