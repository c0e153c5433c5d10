import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_NOTICE, chooseShell, displayProblem } from '../../scripts/setup/shell.mjs';
import { userDataFolder } from '../../scripts/window/userData';
import { windowArgs } from '../../scripts/window/windowMode';

const root = path.resolve(import.meta.dirname, '../..');

describe('which window npm start opens', () => {
  it('opens Electron where its runtime is present', () => {
    expect(chooseShell({ electron: '/p/node_modules/electron/dist/electron', chromium: null })).toEqual({ shell: 'electron', path: '/p/node_modules/electron/dist/electron' });
  });

  it("otherwise the machine's Chromium, saying so in one line", () => {
    expect(CHROMIUM_NOTICE).toBe("Electron isn't available here, opening Sole Notes in Chromium instead.");
    expect(chooseShell({ electron: null, chromium: { path: '/usr/bin/chromium', tried: ['/usr/bin/chromium'] } })).toEqual({
      shell: 'chromium',
      path: '/usr/bin/chromium',
      notice: CHROMIUM_NOTICE,
    });
  });

  it('with neither, says what to install in one line', () => {
    const choice = chooseShell({ electron: null, chromium: { path: null, tried: ['/usr/bin/chromium', '/usr/bin/google-chrome'] }, platform: 'darwin' });
    expect(choice).toEqual({
      shell: 'none',
      message:
        "Sole Notes could not start: Electron isn't available here and no Chromium or Chrome was found (looked at /usr/bin/chromium, /usr/bin/google-chrome). Install Google Chrome or Chromium (brew install --cask chromium), or set SOLE_NOTES_CHROMIUM to the path of a Chromium or Chrome.",
    });
  });

  it('needs a display on Linux (X11 or Wayland), never on macOS or Windows', () => {
    expect(displayProblem('linux', {})).toMatch(/^Sole Notes could not start: there is no display/);
    expect(displayProblem('linux', { DISPLAY: ':0' })).toBeNull();
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(displayProblem('freebsd', {})).not.toBeNull();
    expect(displayProblem('darwin', {})).toBeNull();
    expect(displayProblem('win32', {})).toBeNull();
  });

  it('without a display, stops at once with one line and exit 1, before installing or building anything', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([displayProblem('linux', {})]);
    expect(result.stdout).toBe('');
  });
});

describe('the window mode', () => {
  it('opens the notes the app keeps, in the data folder Electron would use', () => {
    expect(userDataFolder('linux', {}, '/home/w')).toBe('/home/w/.config/Sole Notes');
    expect(userDataFolder('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/w')).toBe('/cfg/Sole Notes');
    expect(userDataFolder('darwin', {}, '/Users/w')).toBe('/Users/w/Library/Application Support/Sole Notes');
    expect(userDataFolder('win32', { APPDATA: 'C:\\Users\\w\\AppData\\Roaming' }, 'C:\\Users\\w')).toBe('C:\\Users\\w\\AppData\\Roaming\\Sole Notes');
  });

  it('is an app window in which no host name resolves, sandboxed unless run as root', () => {
    const args = windowArgs(false);
    expect(args).toContain('--app=about:blank');
    expect(args).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
    expect(args).not.toContain('--no-sandbox');
    expect(windowArgs(true)).toContain('--no-sandbox');
  });
});
