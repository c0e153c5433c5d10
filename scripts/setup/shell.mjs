// Which window `npm start` opens the app in: Electron where its runtime is present,
// else the machine's Chromium or Chrome as an app window (docs/window-mode.md).
import { chromiumInstallHint } from './chromium.mjs';

export const CHROMIUM_NOTICE = "Electron isn't available here, opening Sole Notes in Chromium instead.";

/** One line when there is no screen to open a window on (Linux and the BSDs without X11 or Wayland), else null. */
export function displayProblem(platform = process.platform, env = process.env) {
  if (platform === 'darwin' || platform === 'win32') return null;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'Sole Notes could not start: there is no display to open its window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Use the command line instead: bin/sole-notes --help';
}

/**
 * `{ shell: 'electron', path }`, `{ shell: 'chromium', path, notice }`, or
 * `{ shell: 'none', message }` when neither can be had.
 */
export function chooseShell({ electron, chromium, platform = process.platform }) {
  if (electron) return { shell: 'electron', path: electron };
  if (chromium?.path) return { shell: 'chromium', path: chromium.path, notice: CHROMIUM_NOTICE };
  const tried = chromium?.tried?.length ? ` (looked at ${chromium.tried.join(', ')})` : '';
  return {
    shell: 'none',
    message: `Sole Notes could not start: Electron isn't available here and no Chromium or Chrome was found${tried}. ${chromiumInstallHint(platform)}`,
  };
}
