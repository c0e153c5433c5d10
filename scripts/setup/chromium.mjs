// Where Chromium (or Chrome) is on this machine: the one place the end-to-end tests,
// the screenshots, the benchmarks and `npm start`'s window mode look for it.
// SOLE_NOTES_CHROMIUM names it outright; otherwise the usual install paths are tried.
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM_ENV = 'SOLE_NOTES_CHROMIUM';

/** The usual places of Chromium, Chrome (and on Windows Edge, also Chromium), in order of preference. */
export function chromiumCandidates(platform = process.platform, env = process.env) {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
    const home = env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [];
    return ['/Applications', ...home].flatMap((folder) => apps.map((app) => path.posix.join(folder, app)));
  }
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(Boolean);
    const apps = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

/**
 * The Chromium to use: `{ path }`, or `{ path: null, tried }` with the places looked at.
 * A SOLE_NOTES_CHROMIUM that names no file is not replaced by another browser.
 */
export function findChromium({ platform = process.platform, env = process.env, exists = fs.existsSync } = {}) {
  const chosen = env[CHROMIUM_ENV];
  if (chosen) return exists(chosen) ? { path: chosen, tried: [chosen] } : { path: null, tried: [chosen] };
  const tried = chromiumCandidates(platform, env);
  return { path: tried.find((candidate) => exists(candidate)) ?? null, tried };
}

/** One line: how to get a Chromium on this kind of machine. */
export function chromiumInstallHint(platform = process.platform, linuxId = linuxDistribution()) {
  const set = `or set ${CHROMIUM_ENV} to the path of a Chromium or Chrome`;
  if (platform === 'darwin') return `Install Google Chrome or Chromium (brew install --cask chromium), ${set}.`;
  if (platform === 'win32') return `Install Google Chrome or Microsoft Edge, ${set}.`;
  if (linuxId === 'ubuntu') return `Install Chromium (sudo snap install chromium), ${set}.`;
  if (linuxId === 'debian') return `Install Chromium (sudo apt-get install chromium), ${set}.`;
  return `Install Chromium with your system's package manager, ${set}.`;
}

/** "debian", "ubuntu", … from /etc/os-release (ID, else the first of ID_LIKE), or null. */
export function linuxDistribution(osRelease = readOsRelease()) {
  if (osRelease == null) return null;
  const field = (name) => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1] ?? null;
  const id = field('ID');
  if (id === 'debian' || id === 'ubuntu') return id;
  const like = field('ID_LIKE')?.split(/\s+/) ?? [];
  return like.includes('ubuntu') ? 'ubuntu' : like.includes('debian') ? 'debian' : id;
}

function readOsRelease() {
  try {
    return fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    return null;
  }
}
