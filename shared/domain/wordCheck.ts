import { PGP_EVEN_WORDS, PGP_ODD_WORDS } from './pgpWordList';

/**
 * The word check: a handover key's fingerprint read aloud as words, so two
 * people on the phone can tell the key that arrived is the one that was sent.
 * The first WORD_CHECK_BYTES bytes of the fingerprint (SHA-256 of the key),
 * one PGP word per byte (8 bits a word), alternating the two word lists.
 * Ten words carry 80 bits: a forger would need to make a key whose SHA-256
 * begins with the same 80 bits as the real one (a second-preimage search,
 * about 2^80 key generations and hashes). docs/handover-format.md explains why
 * that is enough here.
 */
export const WORD_CHECK_BYTES = 10;
export const WORD_CHECK_BITS = WORD_CHECK_BYTES * 8;

/** `fingerprint`: hex digits, in groups or not (as the app shows it: `3F2A 9C01 …`). */
export function wordCheck(fingerprint: string, words = WORD_CHECK_BYTES): string[] {
  const hex = fingerprint.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length % 2 !== 0 || hex.length < words * 2) {
    throw new Error('A word check needs a key fingerprint in hex.');
  }
  const result: string[] = [];
  for (let index = 0; index < words; index += 1) {
    const byte = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
    const list = index % 2 === 0 ? PGP_EVEN_WORDS : PGP_ODD_WORDS;
    result.push((list[byte] as string).toLowerCase());
  }
  return result;
}
