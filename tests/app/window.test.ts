import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; once: ReturnType<typeof vi.fn> }[] = [];
  class BrowserWindow {
    options: Record<string, unknown>;
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    show = vi.fn();
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
  }
  return { windows, BrowserWindow, nativeTheme: { shouldUseDarkColors: false } };
});

vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, nativeTheme: electron.nativeTheme }));

const { createMainWindow } = await import('../../src-main/app/window');
const { APP_ENTRY_URL } = await import('../../src-main/app/appUrl');

/** The webPreferences createMainWindow hands to BrowserWindow (written literally there, for Electronegativity). */
function buildWebPreferences(options: { preloadPath: string; isPackaged: boolean }): Record<string, unknown> {
  createMainWindow(options);
  return electron.windows.at(-1)?.options.webPreferences as Record<string, unknown>;
}

describe('the window\'s webPreferences', () => {
  const prefs = buildWebPreferences({ preloadPath: '/app/dist/preload/preload.cjs', isPackaged: true });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['experimentalFeatures', false],
    ['enableWebSQL', false],
    ['navigateOnDragDrop', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('sets %s to %s', (flag, value) => {
    expect(prefs[flag]).toBe(value);
  });

  it('uses the given preload script', () => {
    expect(prefs.preload).toBe('/app/dist/preload/preload.cjs');
  });

  it('allows DevTools only when not packaged', () => {
    expect(buildWebPreferences({ preloadPath: 'p', isPackaged: true }).devTools).toBe(false);
    expect(buildWebPreferences({ preloadPath: 'p', isPackaged: false }).devTools).toBe(true);
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.windows.length = 0;
  });

  it('creates a hidden window with the hardened preferences and loads the app page', () => {
    createMainWindow({ preloadPath: '/x/preload.cjs', isPackaged: true });
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toEqual(buildWebPreferences({ preloadPath: '/x/preload.cjs', isPackaged: true }));
    expect(window?.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://sole-notes/index.html');
    expect(window?.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });
});
