import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../src-main/api/platform';
import { createRouter } from '../../src-main/api/router';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { createdVault, removeDir } from '../helpers/tempVault';

// system.chooseFolder: the router asks the platform it was given; the
// command line gives none.

describe('system.chooseFolder', () => {
  let session: VaultSession;
  let root: string;

  beforeAll(async () => {
    ({ session, root } = await createdVault());
  });
  afterAll(() => {
    session.lock();
    removeDir(root);
  });

  it('gives the folder the platform’s dialog gives, with the purpose', async () => {
    const folder = path.join(root, 'chosen');
    const chooseFolder = vi.fn<Platform['chooseFolder']>(async () => folder);
    const router = createRouter(session, { platform: { chooseFolder } });
    expect(await router.invoke('system.chooseFolder', { purpose: 'report-export' })).toEqual({ ok: true, value: { folder } });
    expect(chooseFolder).toHaveBeenCalledExactlyOnceWith('report-export');
    expect(fs.existsSync(folder)).toBe(false); // choosing writes nothing
  });

  it('answers null when the worker cancels, and works with the vault locked', async () => {
    const router = createRouter(session, { platform: { chooseFolder: async () => null } });
    expect(await router.invoke('system.chooseFolder', { purpose: 'report-export' })).toEqual({ ok: true, value: { folder: null } });
    const { session: locked, root: lockedRoot } = await createdVault();
    locked.lock();
    try {
      expect(await createRouter(locked, { platform: { chooseFolder: async () => '/media/usb' } }).invoke('system.chooseFolder', { purpose: 'report-export' })).toEqual({
        ok: true,
        value: { folder: '/media/usb' },
      });
    } finally {
      removeDir(lockedRoot);
    }
  });

  it('answers NOT_AVAILABLE without a platform (the command line)', async () => {
    const result = await createRouter(session).invoke('system.chooseFolder', { purpose: 'report-export' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE', message: expect.stringContaining('folder') } });
  });

  it('refuses unknown purposes and a platform that misbehaves', async () => {
    const router = createRouter(session, { platform: { chooseFolder: async () => 'relative/folder' }, reportInternalError: () => undefined });
    expect(await router.invoke('system.chooseFolder', { purpose: 'anything' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('system.chooseFolder', { purpose: 'report-export' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const failing = createRouter(session, {
      platform: {
        chooseFolder: async () => {
          throw new Error('the dialog crashed');
        },
      },
      reportInternalError: () => undefined,
    });
    expect(await failing.invoke('system.chooseFolder', { purpose: 'report-export' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
