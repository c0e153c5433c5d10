import { describe, expect, it } from 'vitest';
import { PassphraseStrength } from '../../shared/api/schemas';
import { VaultError } from '../../src-main/vault/errors';
import { assertStrongPassphrase, judgePassphrase } from '../../src-main/vault/keys/passphraseStrength';

const JARGON = /zxcvbn|entropy|l33t|brute|hash|crack|guesses\b/i;

describe('judgePassphrase', () => {
  it('accepts a passphrase of several unrelated words', () => {
    const strength = judgePassphrase('quiet harbor lantern seventeen');
    expect(PassphraseStrength.parse(strength)).toEqual(strength);
    expect(strength.acceptable).toBe(true);
    expect(strength.score).toBeGreaterThanOrEqual(3);
  });

  it.each(['password', 'password123', 'Password1!', 'qwertyuiop', 'abcdefghij', '1234567890', 'iloveyou', ''])(
    'refuses the common or patterned %j with a warning and a suggestion in plain words',
    (passphrase) => {
      const strength = judgePassphrase(passphrase);
      expect(strength.acceptable).toBe(false);
      expect(strength.warning).toEqual(expect.any(String));
      expect(strength.suggestions.length).toBeGreaterThan(0);
      for (const text of [strength.warning ?? '', ...strength.suggestions]) expect(text).not.toMatch(JARGON);
    },
  );

  it('refuses anything shorter than 10 characters, however random, and says why', () => {
    const strength = judgePassphrase('x7#Qp!2z');
    expect(strength.acceptable).toBe(false);
    expect([strength.warning, ...strength.suggestions].join(' ')).toMatch(/10 characters|four unrelated words/);
  });

  it('marks down words about the app and the job', () => {
    expect(judgePassphrase('solenotes2024').acceptable).toBe(false);
    expect(judgePassphrase('schoolsocialworker').acceptable).toBe(false);
  });

  it('answers quickly once the dictionaries are loaded', () => {
    judgePassphrase('warm-up');
    const started = performance.now();
    judgePassphrase('a fairly long passphrase typed one key at a time');
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('assertStrongPassphrase', () => {
  it('passes a strong passphrase', () => {
    expect(() => assertStrongPassphrase('quiet harbor lantern seventeen')).not.toThrow();
  });

  it('throws WEAK_PASSPHRASE with the reason', () => {
    let caught: unknown;
    try {
      assertStrongPassphrase('password123');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VaultError);
    expect((caught as VaultError).code).toBe('WEAK_PASSPHRASE');
    expect((caught as VaultError).message).toMatch(/stronger passphrase.*commonly used|stronger passphrase.*guess/i);
  });
});
