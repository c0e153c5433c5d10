import path from 'node:path';

/** The product name Electron names its data folder after (package.json "productName"). */
const PRODUCT_NAME = 'Sole Notes';

/**
 * Electron's `app.getPath('userData')` for Sole Notes, worked out without
 * Electron, so that the window mode opens the same notes as the app:
 * `~/.config/Sole Notes` (XDG_CONFIG_HOME) on Linux, `~/Library/Application
 * Support/Sole Notes` on macOS, `%APPDATA%\Sole Notes` on Windows.
 */
export function userDataFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}
