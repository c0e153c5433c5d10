import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';

/** The backup commands as the renderer will call them: every result matches the contract (else the router says INTERNAL). */

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removeDir(root);
});

function setup() {
  const root = makeTempDir();
  roots.push(root);
  const session = new VaultSession(path.join(root, 'vault'), { kdf: TEST_KDF });
  const internal: string[] = [];
  const router = createRouter(session, { reportInternalError: (command, error) => internal.push(`${command}: ${String(error)}`) });
  return { root, session, router, internal };
}

describe('backups.* through the router', () => {
  it('list, settings, create, restore, undo, restore again and keep', async () => {
    const { root, session, router, internal } = setup();
    expect(await router.invoke('backups.list', {})).toMatchObject({
      ok: true,
      value: {
        settings: { folder: path.join(root, 'backups'), customFolder: false, keep: 10, automatic: false, offsite: null, offsitePrompt: null },
        offsite: null,
        folderReachable: true,
        backups: [],
        pendingRestore: null,
        lastFailure: null,
      },
    });
    expect(await router.invoke('vault.create', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });

    const usb = path.join(root, 'usb');
    expect(await router.invoke('backups.updateSettings', { folder: usb, keep: 3, automatic: true })).toEqual({
      ok: true,
      value: { folder: usb, customFolder: true, keep: 3, automatic: true, offsite: null, offsitePrompt: null },
    });
    await router.invoke('notes.create', { body: 'Before the backup' });
    const created = await router.invoke('backups.create', {});
    expect(created).toMatchObject({ ok: true, value: { reason: 'manual', sameVault: true } });
    const id = created.ok ? (created.value as { id: string }).id : '';
    await router.invoke('notes.create', { body: 'After the backup' });

    const restored = await router.invoke('backups.restore', { id });
    expect(restored).toMatchObject({ ok: true, value: { backup: { id }, pendingRestore: { backupId: id, keys: 'kept' } } });
    expect(await router.invoke('notes.list', {})).toMatchObject({ ok: true, value: [{ preview: 'Before the backup' }] });
    expect(await router.invoke('backups.list', {})).toMatchObject({ ok: true, value: { pendingRestore: { backupId: id } } });

    const undone = await router.invoke('backups.undoRestore', {});
    expect(undone).toMatchObject({ ok: true, value: { keptIn: expect.stringContaining('restore-undone-') } });
    expect(await router.invoke('vault.status', {})).toEqual({ ok: true, value: { state: 'locked' } });
    expect(await router.invoke('backups.confirmRestore', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

    expect(await router.invoke('backups.restore', { id, passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true, value: { pendingRestore: { keys: 'replaced' } } });
    expect(await router.invoke('backups.confirmRestore', {})).toEqual({ ok: true, value: { done: true } });
    expect(await router.invoke('backups.confirmRestore', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await router.invoke('backups.restore', { id, passphrase: TEST_PASSPHRASE, recoveryKey: 'AAAAA' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await router.invoke('backups.restore', { id: '../../etc' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('backups.updateSettings', { keep: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(internal).toEqual([]);
    session.lock();
  });
});
