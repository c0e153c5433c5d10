import { BrowserWindow, nativeTheme } from 'electron';
import type { WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './appUrl';

/**
 * The renderer runs with no Node, in Chromium's sandbox, isolated from the
 * preload. It can reach the main side only through `window.soleNotes`.
 */
export function buildWebPreferences(options: { preloadPath: string; isPackaged: boolean }): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: !options.isPackaged,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export function createMainWindow(options: { preloadPath: string; isPackaged: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1120,
    height: 760,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Sole Notes',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1d1f21' : '#f7f6f3',
    webPreferences: buildWebPreferences(options),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Sole Notes could not load its window:', error);
  });
  return window;
}
