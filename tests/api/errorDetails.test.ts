import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorDetailsSchema } from '../../shared/api/errorSchemas';
import { HANDLERS } from '../../src-main/api/handlers';
import { createRouter } from '../../src-main/api/router';
import { expired, tampered, wrongRecipient } from '../../src-main/handover/refusals';
import { VaultError } from '../../src-main/vault/errors';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { createdVault, makeTempDir, removeDir } from '../helpers/tempVault';

/**
 * Errors carry machine-readable details beside their code (the field at
 * fault, the date a handover ended, the tries left), so the renderer never
 * reads the message text. The router passes them on, checked by a schema.
 */
let root: string;
let session: VaultSession;

beforeAll(async () => {
  root = makeTempDir();
  ({ session } = await createdVault(root));
});
afterAll(() => {
  session.lock();
  removeDir(root);
});

describe('error details through the router', () => {
  it('names each field at fault when the input does not fit the command', async () => {
    const router = createRouter(session);
    const result = await router.invoke('services.create', { date: '2026-03-04', minutes: 0, kind: 'individual_session' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ field: 'minutes', message: expect.stringMatching(/at least 1/i) }] } } });
  });

  it('names the field of a refusal the vault words as "field: problem"', async () => {
    const router = createRouter(session);
    const result = await router.invoke('services.create', { date: '2099-01-05', minutes: 30, kind: 'administrative' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.details?.issues).toEqual([{ field: 'date', message: result.error.message.replace(/^date: /, '') }]);
  });

  it('says a recovery key was not even shaped like one (malformed), from the real check', async () => {
    const router = createRouter(session);
    await router.invoke('vault.lock', {});
    const result = await router.invoke('vault.unlockWithRecovery', { recoveryKey: 'ABCDE-12345', newPassphrase: 'a long enough new passphrase here' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_KEY', details: { malformed: true } } });
  });

  it.each([
    ['HANDOVER_EXPIRED', () => expired('2026-10-31', 'America/Chicago'), { validUntil: '2026-10-31' }],
    ['HANDOVER_TAMPERED (a hand-back)', () => tampered('hand-back', 'its signature does not check out'), { file: 'hand-back' }],
    ['HANDOVER_WRONG_RECIPIENT (a package)', () => wrongRecipient('package', 'AB12 CD34'), { file: 'package' }],
  ])('passes on the details of %s', async (_name, refusal, details) => {
    const router = createRouter(session, {
      handlers: {
        ...HANDLERS,
        'vault.status': () => {
          throw refusal();
        },
      },
    });
    const result = await router.invoke('vault.status', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details).toEqual(details);
  });

  it('drops details a code may not carry, and reports it, keeping the code and message', async () => {
    const reported: unknown[] = [];
    const router = createRouter(session, {
      reportInternalError: (_command, error) => reported.push(error),
      handlers: {
        ...HANDLERS,
        'vault.status': () => {
          // A wait on a "not found" is not something the renderer is told to read.
          throw new VaultError('NOT_FOUND', 'No such thing.', { details: { retryAfterSeconds: 3 } as never });
        },
      },
    });
    expect(await router.invoke('vault.status', {})).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such thing.' } });
    expect(reported).toHaveLength(1);
  });
});

describe('errorDetailsSchema', () => {
  it('accepts only the keys and shapes each code carries', () => {
    expect(errorDetailsSchema('WRONG_PIN').safeParse({ attemptsLeft: 2 }).success).toBe(true);
    expect(errorDetailsSchema('WRONG_PIN').safeParse({ attemptsLeft: -1 }).success).toBe(false);
    expect(errorDetailsSchema('WRONG_PIN').safeParse({ validUntil: '2026-10-31' }).success).toBe(false);
    expect(errorDetailsSchema('HANDOVER_EXPIRED').safeParse({ validUntil: '31/10/2026' }).success).toBe(false);
    expect(errorDetailsSchema('INVALID_INPUT').safeParse({ issues: [{ field: 'minutes', message: 'Too small.' }] }).success).toBe(true);
    expect(errorDetailsSchema('INTERNAL').safeParse({ file: 'package' }).success).toBe(false);
  });
});
