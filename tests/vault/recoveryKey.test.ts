import { describe, expect, it } from 'vitest';
import { VaultError } from '../../src-main/vault/errors';
import { generateRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from '../../src-main/vault/keys/recoveryKey';

const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{5}(-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{5}){7}$/;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof VaultError ? error.code : 'not a VaultError';
  }
  return undefined;
}

describe('generateRecoveryKey', () => {
  it('shows 8 groups of 5 Crockford base32 characters holding 200 random bits', () => {
    const key = generateRecoveryKey();
    expect(key.text).toMatch(CROCKFORD);
    expect(key.secret).toHaveLength(RECOVERY_KEY_BYTES);
    expect(RECOVERY_KEY_BYTES * 8).toBe(200);
    expect(generateRecoveryKey().text).not.toBe(key.text);
  });

  it('round-trips through parseRecoveryKey', () => {
    for (let i = 0; i < 50; i += 1) {
      const key = generateRecoveryKey();
      expect(parseRecoveryKey(key.text).equals(key.secret)).toBe(true);
    }
  });

  it('encodes known bytes the Crockford way', () => {
    const allOnes = Buffer.alloc(RECOVERY_KEY_BYTES, 0xff);
    const text = 'ZZZZZ-'.repeat(7) + 'ZZZZZ';
    expect(parseRecoveryKey(text).equals(allOnes)).toBe(true);
    expect(parseRecoveryKey('0'.repeat(40)).equals(Buffer.alloc(RECOVERY_KEY_BYTES))).toBe(true);
  });
});

describe('parseRecoveryKey', () => {
  const { text, secret } = generateRecoveryKey();

  it('forgives case, spaces, missing or extra dashes', () => {
    expect(parseRecoveryKey(text.toLowerCase()).equals(secret)).toBe(true);
    expect(parseRecoveryKey(text.replaceAll('-', '')).equals(secret)).toBe(true);
    expect(parseRecoveryKey(text.replaceAll('-', ' ')).equals(secret)).toBe(true);
    expect(parseRecoveryKey(`  ${text.replaceAll('-', ' - ')}\n`).equals(secret)).toBe(true);
    expect(parseRecoveryKey(text.replaceAll('-', '\u2013')).equals(secret)).toBe(true); // en dash from a word processor
  });

  it('reads I and L as 1 and O as 0', () => {
    const withDigits = `10${'2'.repeat(38)}`;
    const expected = parseRecoveryKey(withDigits);
    expect(parseRecoveryKey(`IO${'2'.repeat(38)}`).equals(expected)).toBe(true);
    expect(parseRecoveryKey(`lo${'2'.repeat(38)}`).equals(expected)).toBe(true);
  });

  it('refuses a wrong length with WRONG_RECOVERY_KEY and says how long it should be', () => {
    expect(codeOf(() => parseRecoveryKey(text.slice(0, -1)))).toBe('WRONG_RECOVERY_KEY');
    expect(codeOf(() => parseRecoveryKey(`${text}A`))).toBe('WRONG_RECOVERY_KEY');
    expect(codeOf(() => parseRecoveryKey(''))).toBe('WRONG_RECOVERY_KEY');
    expect(() => parseRecoveryKey('ABCDE')).toThrow(/40 letters and digits.*this one has 5/);
  });

  it('refuses characters outside the alphabet with WRONG_RECOVERY_KEY', () => {
    expect(codeOf(() => parseRecoveryKey(`U${text.slice(1)}`))).toBe('WRONG_RECOVERY_KEY');
    expect(codeOf(() => parseRecoveryKey(`*${text.slice(1)}`))).toBe('WRONG_RECOVERY_KEY');
    expect(codeOf(() => parseRecoveryKey(`${text.slice(0, -1)}é`))).toBe('WRONG_RECOVERY_KEY');
    expect(() => parseRecoveryKey(`U${text.slice(1)}`)).toThrow(/never "U"/);
  });
});
