import path from 'node:path';
import { app, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { createRouter } from '../api/router';
import { startOffsitePoll } from '../vault/backups/offsitePoll';
import { integrityChecksEnded } from '../vault/integrityCheck';
import { VaultSession } from '../vault/vaultSession';
import { startAutoLock } from './autoLock';
import { holdCloseForDrafts } from './draftsAtClose';
import { createElectronOpener } from './fileOpener';
import { registerIpc } from './ipc';
import { createElectronPlatform } from './platform';
import { safeStoragePepperGuard } from './safeStoragePepperGuard';
import { preloadPath, rendererRoot, vaultFolder } from './paths';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { applySessionSecurity, hardenWebContents } from './security';
import { createMainWindow } from './window';

/**
 * Entry point of the Electron main process: wiring only. Each concern lives
 * in its own file next to this one.
 */

// Before ready: the `app://` scheme's privileges, and the sandbox for every renderer.
registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

/** The longest quitting waits for a background check to end (one at 100,000 notes takes about 2 s). */
const QUIT_WAIT_MS = 5000;

function focusMainWindow(): void {
  if (mainWindow == null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function start(): void {
  applySessionSecurity(session.defaultSession);
  registerAppProtocol(rendererRoot(app.getAppPath()));

  // Automatic backups as the vault locks, at most daily, into <userData>/backups unless the worker picks a folder.
  const vault = new VaultSession(vaultFolder(app.getPath('userData')), {
    backups: { automatic: true, defaultFolder: path.join(app.getPath('userData'), 'backups') },
    // The PIN after a short lock: its in-memory pepper sealed by the OS's store where there is one.
    quickUnlock: { pepperGuard: safeStoragePepperGuard() },
  });
  const router = createRouter(vault, { platform: createElectronPlatform({ getWindow: () => mainWindow }), opener: createElectronOpener() });
  registerIpc({ router, session: vault, getWindow: () => mainWindow });

  const window = createMainWindow({ preloadPath: preloadPath(app.getAppPath()), isPackaged: app.isPackaged });
  mainWindow = window;
  // Before the auto-lock: a close waits for the page's last keystrokes, then locks.
  const closing = holdCloseForDrafts({ window, session: vault });
  startAutoLock({ session: vault, window, closeHeld: closing.held });
  // Copies off this laptop when the drive is plugged in: looked for once a minute while unlocked.
  const stopOffsitePoll = startOffsitePoll({ session: vault });
  window.on('closed', () => {
    stopOffsitePoll();
    if (mainWindow === window) mainWindow = null;
  });

  // Closing the window already locks; this covers quitting by any other path. A background
  // integrity check still running ends on its own first (never cut off inside SQLite, which can
  // abort the process), for at most a few seconds.
  let threadsEnded = false;
  app.on('will-quit', (event) => {
    vault.lock('window-closed');
    if (threadsEnded) return;
    event.preventDefault();
    void Promise.race([integrityChecksEnded(), new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS))]).then(() => {
      threadsEnded = true;
      app.quit();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Sole Notes is running; it gets focused through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Sole Notes could not start:', error);
      app.exit(1);
    });
}
