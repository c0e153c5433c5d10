import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoverResult, ReceivedHandover } from '../../shared/api/handoverSchemas';
import { TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';
import { call, makeVault, seedOwner, type TestVault } from './fixtures';

/*
 * A handler that waits (here for the handover code's argon2 derivation) can
 * see the vault lock before it resumes. It must answer VAULT_LOCKED, as it
 * would had the vault been locked when the request came, and leave nothing
 * behind. The router returns at the handler's first wait, so locking right
 * after invoke() locks in the middle of the derivation, every time.
 */
describe('the vault locks while a handover handler waits for its key derivation', () => {
  let root: string;
  let owner: TestVault;
  let newcomer: TestVault;
  let students: string[];

  beforeAll(async () => {
    root = makeTempDir('sole-notes-lock-mid-await-');
    [owner, newcomer] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'newcomer')]);
    students = [(await seedOwner(owner)).handed.id];
    newcomer.clock.set('2026-03-03T09:00:00.000Z');
  });
  afterAll(() => {
    owner.session.lock();
    newcomer.session.lock();
    removeDir(root);
  });

  const request = (file: string) => ({ students, substitute: 'Sam Ortiz', validFrom: '2026-03-01', validUntil: '2026-03-14', recipient: { kind: 'code' }, file });

  it('handover.create answers VAULT_LOCKED and writes no package', async () => {
    const file = path.join(root, 'locked.solehandover');
    const pending = owner.router.invoke('handover.create', request(file));
    owner.session.lock();
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(fs.existsSync(file)).toBe(false);

    await owner.session.unlock(TEST_PASSPHRASE);
    expect(await call<unknown[]>(owner, 'handover.sent')).toEqual([]);
  });

  it('handover.open answers VAULT_LOCKED and installs nothing; unlocked again, the same code opens it', async () => {
    if (owner.session.state() !== 'unlocked') await owner.session.unlock(TEST_PASSPHRASE);
    const file = path.join(root, 'opened.solehandover');
    const created = await call<CreateHandoverResult>(owner, 'handover.create', request(file));
    const pending = newcomer.router.invoke('handover.open', { file, code: created.code });
    newcomer.session.lock();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

    await newcomer.session.unlock(TEST_PASSPHRASE);
    expect(await call<unknown[]>(newcomer, 'handover.received')).toEqual([]);
    expect(fs.existsSync(path.join(newcomer.folder, 'handovers', created.packageId))).toBe(false);
    expect(await call<ReceivedHandover>(newcomer, 'handover.open', { file, code: created.code })).toMatchObject({ packageId: created.packageId });
  });
});
