import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../src-main/api/platform';
import { createRouter } from '../../src-main/api/router';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { createdVault, removeDir } from '../helpers/tempVault';

// system.chooseFolder and system.chooseFile: the router asks the platform it
// was given; the command line gives none.

let session: VaultSession;
let root: string;

beforeAll(async () => {
  ({ session, root } = await createdVault());
});
afterAll(() => {
  session.lock();
  removeDir(root);
});

const noFile: Platform['chooseFile'] = async () => null;
const noFolder: Platform['chooseFolder'] = async () => null;

describe('system.chooseFolder', () => {
  it('gives the folder the platform’s dialog gives, with the purpose', async () => {
    const folder = path.join(root, 'chosen');
    const chooseFolder = vi.fn<Platform['chooseFolder']>(async () => folder);
    const router = createRouter(session, { platform: { chooseFolder, chooseFile: noFile } });
    expect(await router.invoke('system.chooseFolder', { purpose: 'report-export' })).toEqual({ ok: true, value: { folder } });
    expect(chooseFolder).toHaveBeenCalledExactlyOnceWith('report-export');
    expect(fs.existsSync(folder)).toBe(false); // choosing writes nothing
  });

  it('answers null when the worker cancels, and works with the vault locked', async () => {
    const router = createRouter(session, { platform: { chooseFolder: async () => null, chooseFile: noFile } });
    expect(await router.invoke('system.chooseFolder', { purpose: 'report-export' })).toEqual({ ok: true, value: { folder: null } });
    const { session: locked, root: lockedRoot } = await createdVault();
    locked.lock();
    try {
      expect(await createRouter(locked, { platform: { chooseFolder: async () => '/media/usb', chooseFile: noFile } }).invoke('system.chooseFolder', { purpose: 'report-export' })).toEqual({
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
    const router = createRouter(session, { platform: { chooseFolder: async () => 'relative/folder', chooseFile: noFile }, reportInternalError: () => undefined });
    expect(await router.invoke('system.chooseFolder', { purpose: 'anything' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('system.chooseFolder', { purpose: 'report-export' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const failing = createRouter(session, {
      platform: {
        chooseFolder: async () => {
          throw new Error('the dialog crashed');
        },
        chooseFile: noFile,
      },
      reportInternalError: () => undefined,
    });
    expect(await failing.invoke('system.chooseFolder', { purpose: 'report-export' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('system.chooseFile', () => {
  it('passes the purpose and the suggested name (with its extension) to the dialog, and gives the file', async () => {
    const file = path.join(root, 'Handover for Dana.solehandover');
    const chooseFile = vi.fn<Platform['chooseFile']>(async () => file);
    const router = createRouter(session, { platform: { chooseFolder: noFolder, chooseFile } });
    expect(await router.invoke('system.chooseFile', { purpose: 'save-handover-package', suggestedName: 'Handover for Dana' })).toEqual({ ok: true, value: { file } });
    expect(chooseFile).toHaveBeenCalledExactlyOnceWith('save-handover-package', 'Handover for Dana.solehandover');
    expect(fs.existsSync(file)).toBe(false); // choosing writes nothing
  });

  it('adds the extension to a name typed without it in a save dialog, and leaves an opened file as it is', async () => {
    const typed = path.join(root, 'march handover');
    const save = createRouter(session, { platform: { chooseFolder: noFolder, chooseFile: async () => typed } });
    expect(await save.invoke('system.chooseFile', { purpose: 'save-handover-package' })).toEqual({ ok: true, value: { file: `${typed}.solehandover` } });
    expect(await save.invoke('system.chooseFile', { purpose: 'save-disclosure', suggestedName: 'order.HTML' })).toEqual({ ok: true, value: { file: `${typed}.html` } });
    expect(await save.invoke('system.chooseFile', { purpose: 'open-handback' })).toEqual({ ok: true, value: { file: typed } });
  });

  it('answers null when the worker cancels, NOT_AVAILABLE without a platform', async () => {
    expect(await createRouter(session, { platform: { chooseFolder: noFolder, chooseFile: noFile } }).invoke('system.chooseFile', { purpose: 'open-handover-key' })).toEqual({
      ok: true,
      value: { file: null },
    });
    expect(await createRouter(session).invoke('system.chooseFile', { purpose: 'open-handover-key' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: expect.stringContaining('file') },
    });
  });

  it('refuses unknown purposes, names with a folder in them, and a relative path from the platform', async () => {
    const router = createRouter(session, { platform: { chooseFolder: noFolder, chooseFile: async () => 'relative.solekey' }, reportInternalError: () => undefined });
    expect(await router.invoke('system.chooseFile', { purpose: 'open-anything' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('system.chooseFile', { purpose: 'save-handback', suggestedName: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('slashes') },
    });
    expect(await router.invoke('system.chooseFile', { purpose: 'open-handover-key' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
