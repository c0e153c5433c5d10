// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import { call, CallError } from '../../src-renderer/api';
import { errorMessage } from '../../src-renderer/messages';
import { installFake } from './setup';

/** The renderer words its messages from the error's code and details; the main side's message text is never read for them. */
describe('messages from error details', () => {
  it('says the day a handover ended from the details, whatever the message says', () => {
    const withDetails: ApiError = { code: 'HANDOVER_EXPIRED', message: 'Ended.', details: { validUntil: '2026-10-31' } };
    expect(errorMessage(withDetails)).toBe('This handover ended on Saturday, October 31, 2026, so Sole Notes no longer opens its notes.');
    // A date in the text alone is not read.
    expect(errorMessage({ code: 'HANDOVER_EXPIRED', message: 'This handover ended on 2026-10-31.' })).toBe('This handover has ended, so Sole Notes no longer opens its notes.');
    expect(errorMessage({ code: 'HANDOVER_NOT_YET_VALID', message: 'Not yet.', details: { validFrom: '2026-11-02' } })).toMatch(/starts on Monday, November 2, 2026/);
  });

  it('tells a hand-back from a handover file by the details', () => {
    expect(errorMessage({ code: 'HANDOVER_TAMPERED', message: 'x', details: { file: 'hand-back' } })).toMatch(/^This hand-back file was changed/);
    expect(errorMessage({ code: 'HANDOVER_TAMPERED', message: 'This hand-back is damaged.', details: { file: 'package' } })).toMatch(/^This handover file was changed/);
    expect(errorMessage({ code: 'HANDOVER_WRONG_RECIPIENT', message: 'x', details: { file: 'hand-back' } })).toMatch(/^This hand-back was made for another worker/);
  });

  it('shows the main side\'s words for a key or code that is not shaped like one, ours for a wrong one', () => {
    expect(errorMessage({ code: 'WRONG_RECOVERY_KEY', message: 'A recovery key has 40 letters and digits.', details: { malformed: true } })).toBe('A recovery key has 40 letters and digits.');
    expect(errorMessage({ code: 'WRONG_RECOVERY_KEY', message: 'A recovery key has 40 letters and digits.' })).toMatch(/^That recovery key did not open your notes/);
    expect(errorMessage({ code: 'WRONG_HANDOVER_CODE', message: 'A handover code has 25 letters.', details: { malformed: true } })).toBe('A handover code has 25 letters.');
    expect(errorMessage({ code: 'WRONG_HANDOVER_CODE', message: 'A handover code has 25 letters.' })).toMatch(/^That code does not open this handover file/);
  });

  it('words input problems from the issues, without field names', () => {
    const error: ApiError = {
      code: 'INVALID_INPUT',
      message: 'minutes: too small; date: not a day',
      details: { issues: [{ field: 'minutes', message: 'minutes must be at least 1' }, { field: 'date', message: 'Pick a day on the calendar.' }] },
    };
    expect(errorMessage(error)).toBe('Minutes must be at least 1. Pick a day on the calendar.');
  });

  it('counts the PIN tries left and the wait from the details', () => {
    expect(errorMessage({ code: 'WRONG_PIN', message: 'Wrong PIN.', details: { attemptsLeft: 2 } })).toBe('That PIN is not right. 2 more tries, then Sole Notes asks for your passphrase.');
    expect(errorMessage({ code: 'TOO_MANY_ATTEMPTS', message: 'Wait 9 seconds.', details: { retryAfterSeconds: 4 } })).toBe('Wait 4 seconds before trying again.');
  });

  it('call() hands the details to the screen with the error', async () => {
    installFake();
    const error = (await call('services.create', { date: '2025-03-04', minutes: 0, kind: 'administrative' }).catch((e: unknown) => e)) as CallError;
    expect(error).toBeInstanceOf(CallError);
    expect(error.details.issues?.[0]?.field).toBe('minutes');
    expect(error.plain).toBe('Minutes must be at least 1.');
  });
});
