import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PGP_EVEN_WORDS, PGP_ODD_WORDS } from '../../shared/domain/pgpWordList';
import { WORD_CHECK_BITS, wordCheck } from '../../shared/domain/wordCheck';

describe('the word check read aloud for a handover key', () => {
  it('keeps the published PGP word list whole: 256 words each side, 512 different', () => {
    expect(PGP_EVEN_WORDS).toHaveLength(256);
    expect(PGP_ODD_WORDS).toHaveLength(256);
    expect(new Set([...PGP_EVEN_WORDS, ...PGP_ODD_WORDS].map((word) => word.toLowerCase())).size).toBe(512);
    // Pinned so an edit to the data is seen: SHA-256 of the lists joined by newlines.
    const digest = crypto.createHash('sha256').update([...PGP_EVEN_WORDS, ...PGP_ODD_WORDS].join('\n')).digest('hex');
    expect(digest).toBe(PINNED_LIST_SHA256);
  });

  it('reads the published example the way the PGP word list does', () => {
    // The example that accompanies the list: E582 94F2 E9A2 2748 6E8B …
    expect(wordCheck('E582 94F2 E9A2 2748 6E8B 061B 31CC 528F D7FA 3F19', 20)).toEqual(
      'topmost Istanbul Pluto vagabond treadmill Pacific brackish dictator goldfish Medusa afflict bravado chatter revolver Dupont midsummer stopwatch whimsical cowbell bottomless'
        .toLowerCase()
        .split(' '),
    );
  });

  it('gives ten words (80 bits), and a different key gives different words', () => {
    expect(WORD_CHECK_BITS).toBe(80);
    const fingerprintOf = (seed: string) =>
      (crypto.createHash('sha256').update(seed).digest('hex').toUpperCase().match(/.{4}/g) ?? []).join(' ');
    const real = wordCheck(fingerprintOf('real key'));
    expect(real).toHaveLength(10);
    expect(wordCheck(fingerprintOf('real key'))).toEqual(real);
    expect(wordCheck(fingerprintOf('forged key'))).not.toEqual(real);
  });

  it('refuses something that is not a fingerprint', () => {
    expect(() => wordCheck('not hex at all')).toThrow(/fingerprint/);
    expect(() => wordCheck('3F2A')).toThrow(/fingerprint/);
  });
});

const PINNED_LIST_SHA256 = 'e9b7b0052233a74aa56724ed3f79c272036aed68d8f4c0856e833c8043b9ac62';
