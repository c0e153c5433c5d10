import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createRouter } from '../../src-main/api/router';
import { vaultFolder } from '../../src-main/app/paths';
import { integrityChecksEnded } from '../../src-main/vault/integrityCheck';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { startIdleLock } from './idleLock';
import { APP_URL, bindApp, snapshotRenderer } from './pageBridge';
import { createSystemOpener } from './systemOpener';
import { userDataFolder } from './userData';

/**
 * `npm start` where Electron cannot be had (docs/window-mode.md): the built
 * renderer in the machine's Chromium or Chrome as an app window, driven by
 * Playwright. The page is served from memory with the app's CSP header and
 * no listening socket, every other request is aborted, and `window.soleNotes`
 * is bound to the router exactly as in the end-to-end tests
 * (scripts/window/pageBridge.ts). The notes are the app's own: the vault in
 * the standard data folder, or SOLE_NOTES_VAULT_DIR.
 */

/**
 * Chromium's switches: an app window (no address bar or tabs), no background traffic, no host
 * name resolves. Run as root (where Chromium refuses its sandbox), without the sandbox.
 */
export function windowArgs(isRoot: boolean): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--app=about:blank',
    '--window-size=1280,800',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ];
}

/** Opens the window, waits until the worker closes it, locks; resolves to the exit status. */
export async function runWindowMode({ root, chromiumPath }: { root: string; chromiumPath: string }): Promise<number> {
  const userData = userDataFolder(process.platform, process.env, os.homedir());
  const session = new VaultSession(vaultFolder(userData), {
    backups: { automatic: true, defaultFolder: path.join(userData, 'backups') },
  });
  // No system dialogs here: commands that need one answer NOT_AVAILABLE, as on the command line.
  // What the app saved still opens with the system's own opener.
  const router = createRouter(session, { opener: createSystemOpener() });
  const files = await snapshotRenderer(path.join(root, 'dist', 'renderer'));

  // A browser profile of its own, removed afterwards: nothing of the page outlives the window.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-window-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: false,
    args: windowArgs(process.getuid?.() === 0),
    ignoreDefaultArgs: ['--enable-automation'],
    viewport: null,
    serviceWorkers: 'block',
    acceptDownloads: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const bound = await bindApp(context, page, { files, router, session });
  const stopIdleLock = await startIdleLock(page, session);

  const closed = new Promise<void>((resolve) => {
    page.once('close', () => resolve());
    context.once('close', () => resolve());
  });
  const closeWindow = (): void => {
    void context.close().catch(() => undefined);
  };
  process.once('SIGINT', closeWindow);
  process.once('SIGTERM', closeWindow);
  await page.goto(APP_URL, { waitUntil: 'load' });
  await closed;

  stopIdleLock();
  bound.unbind();
  session.lock('window-closed');
  await context.close().catch(() => undefined);
  // A background integrity check still running ends on its own first, as when the app quits.
  await Promise.race([integrityChecksEnded(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  // Chromium may still be writing its last files for a moment after closing.
  fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  return 0;
}
