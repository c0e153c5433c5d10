import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileOpener } from '../../src-main/api/platform';
import { createRouter, type Router } from '../../src-main/api/router';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { createdVault, removeDir } from '../helpers/tempVault';

// system.showInFolder and system.openFile ("Show in folder", "Open to print"):
// the system is asked only about files and folders this app wrote since it was
// opened, read from the writing commands' own results; anything else is refused.

let session: VaultSession;
let root: string;

beforeAll(async () => {
  ({ session, root } = await createdVault());
});
afterAll(() => {
  session.lock();
  removeDir(root);
});

function recordingOpener() {
  return { showInFolder: vi.fn<FileOpener['showInFolder']>(async () => undefined), openFile: vi.fn<FileOpener['openFile']>(async () => undefined) };
}

async function value<T>(router: Router, name: string, input: unknown): Promise<T> {
  const result = await router.invoke(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('showing and opening what the app saved', () => {
  it('opens the printable self-evaluation it just saved, and shows it in its folder', async () => {
    const opener = recordingOpener();
    const router = createRouter(session, { opener });
    const file = path.join(root, 'exports', 'self-evaluation.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const saved = await value<{ path: string }>(router, 'selfEvaluation.export', { schoolYear: '2026-27', file });
    expect(await router.invoke('system.openFile', { path: saved.path })).toEqual({ ok: true, value: { done: true } });
    expect(opener.openFile).toHaveBeenCalledExactlyOnceWith(file);
    expect(await router.invoke('system.showInFolder', { path: saved.path })).toEqual({ ok: true, value: { done: true } });
    expect(opener.showInFolder).toHaveBeenCalledExactlyOnceWith(file, 'file');
  });

  it('shows a report’s folder as a folder, opens its printable page, and will not “open” the folder itself', async () => {
    const opener = recordingOpener();
    const router = createRouter(session, { opener });
    const folder = path.join(root, 'report');
    const exported = await value<{ folder: string; files: Array<{ name: string; path: string }> }>(router, 'reports.export', { month: '2026-03', folder });
    const printable = exported.files.find((written) => written.name.endsWith('.html'));
    expect(printable).toBeDefined();
    expect(await router.invoke('system.showInFolder', { path: exported.folder })).toMatchObject({ ok: true });
    expect(opener.showInFolder).toHaveBeenCalledWith(folder, 'folder');
    expect(await router.invoke('system.openFile', { path: printable?.path })).toMatchObject({ ok: true });
    expect(opener.openFile).toHaveBeenCalledWith(printable?.path);
    expect(await router.invoke('system.openFile', { path: exported.folder })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(opener.openFile).toHaveBeenCalledTimes(1);
  });

  it('shows the folder the backups go to, once the app has listed it, as a folder', async () => {
    const opener = recordingOpener();
    const router = createRouter(session, { opener });
    const backups = path.join(root, 'usb-backups');
    fs.mkdirSync(backups);
    await value(router, 'backups.updateSettings', { folder: backups });
    await value(router, 'backups.list', {});
    expect(await router.invoke('system.showInFolder', { path: backups })).toMatchObject({ ok: true });
    expect(opener.showInFolder).toHaveBeenCalledExactlyOnceWith(backups, 'folder');
    expect(await router.invoke('system.openFile', { path: backups })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await value(router, 'backups.updateSettings', { folder: null });
  });

  it('refuses any path the app did not write, and asks the system nothing', async () => {
    const opener = recordingOpener();
    const router = createRouter(session, { opener });
    const beside = path.join(root, 'exports', 'not-from-sole-notes.html');
    fs.mkdirSync(path.dirname(beside), { recursive: true });
    fs.writeFileSync(beside, '<p>someone else’s page</p>');
    const saved = await value<{ path: string }>(router, 'selfEvaluation.export', { schoolYear: '2026-27', file: path.join(root, 'exports', 'mine.html') });
    for (const target of [beside, '/etc/passwd', path.dirname(saved.path), session.folder, 'mine.html', `${saved.path}.exe`]) {
      for (const name of ['system.openFile', 'system.showInFolder']) {
        const result = await router.invoke(name, { path: target });
        expect(result, `${name} ${target}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('saved since it was opened') } });
      }
    }
    // A new start of the app (a new router) knows nothing the last one wrote.
    expect(await createRouter(session, { opener }).invoke('system.openFile', { path: saved.path })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(opener.openFile).not.toHaveBeenCalled();
    expect(opener.showInFolder).not.toHaveBeenCalled();
  });

  it('says when the saved file was moved away, when there is no opener (the command line), and when the app is locked', async () => {
    const opener = recordingOpener();
    const router = createRouter(session, { opener });
    const saved = await value<{ path: string }>(router, 'selfEvaluation.export', { schoolYear: '2026-27', file: path.join(root, 'moved.html') });
    fs.renameSync(saved.path, path.join(root, 'moved-away.html'));
    expect(await router.invoke('system.openFile', { path: saved.path })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('moved') } });

    const withoutOpener = createRouter(session);
    const again = await value<{ path: string }>(withoutOpener, 'selfEvaluation.export', { schoolYear: '2026-27', file: path.join(root, 'cli.html') });
    expect(await withoutOpener.invoke('system.openFile', { path: again.path })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });

    const { session: other, root: otherRoot } = await createdVault();
    try {
      const otherRouter = createRouter(other, { opener });
      const mine = await value<{ path: string }>(otherRouter, 'selfEvaluation.export', { schoolYear: '2026-27', file: path.join(otherRoot, 'locked.html') });
      other.lock();
      expect(await otherRouter.invoke('system.openFile', { path: mine.path })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    } finally {
      removeDir(otherRoot);
    }
    expect(opener.openFile).not.toHaveBeenCalled();
  });
});
