// The Electron runtime for `npm start`. `npm ci` never fetches its binary (see
// dependencies.mjs); here it is fetched once with Electron's own installer where its
// download site answers, and otherwise `npm start` opens the app in Chromium instead.
// Never require('electron'): its index.js would try to download the binary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The Electron executable, found the way node_modules/electron/index.js finds it; null when absent. */
export function findElectronBinary(projectRoot, env = process.env) {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = fs.readFileSync(pathFile, 'utf8').trim();
  if (executable === '') return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, executable);
  return fs.existsSync(binary) ? binary : null;
}

/** Where Electron's installer downloads from (ELECTRON_MIRROR when set). */
export function electronDownloadSite(env = process.env) {
  return env.ELECTRON_MIRROR || env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/';
}

/** Whether the download site answers within a few seconds (any HTTP answer counts). */
async function downloadSiteAnswers(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(4000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Electron binary, fetched first if it is missing and can be had; null where it cannot
 * (ELECTRON_SKIP_BINARY_DOWNLOAD set, the site unreachable, or the download failing).
 */
export async function obtainElectron(projectRoot, env = process.env) {
  const present = findElectronBinary(projectRoot, env);
  if (present != null) return present;
  const installer = path.join(projectRoot, 'node_modules', 'electron', 'install.js');
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD || !fs.existsSync(installer)) return null;
  if (!(await downloadSiteAnswers(electronDownloadSite(env)))) return null;
  console.error('Downloading the Electron runtime (once).');
  const result = spawnSync(process.execPath, [installer], { cwd: path.dirname(installer), stdio: 'inherit', env });
  return result.status === 0 ? findElectronBinary(projectRoot, env) : null;
}
