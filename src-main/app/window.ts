import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from './appUrl';

/**
 * The renderer runs with no Node, in Chromium's sandbox, isolated from the
 * preload. It can reach the main side only through `window.soleNotes`.
 *
 * The preferences are written out literally inside `new BrowserWindow(...)`
 * on purpose: Electronegativity (tests/security/electronegativity.test.ts)
 * reads them there, and a value it cannot see counts as insecure.
 */
export function createMainWindow(options: { preloadPath: string; isPackaged: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1120,
    height: 760,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Sole Notes',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1d1f21' : '#f7f6f3',
    webPreferences: {
      // Electronegativity flags every preload for review (PRELOAD_JS_CHECK, MEDIUM, "review required").
      // Reviewed: the preload runs sandboxed with no Node, is bundled with nothing but 'electron' external
      // (tests/app/build.test.ts), and exposes exactly SoleNotesBridge through contextBridge — invoke on one
      // channel and a lock listener that passes no event object (preload.ts, tests/app/preload.test.ts).
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
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
      // A middle click must not open a link in a new window (window opening is also denied in security.ts).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Sole Notes could not load its window:', error);
  });
  return window;
}
