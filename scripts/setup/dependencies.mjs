// The project's packages: installed with `npm ci` when node_modules is missing or
// older than package-lock.json. The Electron binary is never fetched here (`npm start`
// fetches it itself where it can be had, scripts/setup/electron.mjs), so the install
// works the same on an offline or locked-down machine.
import fs from 'node:fs';
import path from 'node:path';
import { runNpm } from './node.mjs';

/** Why `npm ci` must run, or null when node_modules matches package-lock.json. */
export function dependenciesStaleReason(root) {
  let installed;
  try {
    installed = fs.statSync(path.join(root, 'node_modules', '.package-lock.json')).mtimeMs;
  } catch {
    return 'the packages are not installed yet';
  }
  const lock = fs.statSync(path.join(root, 'package-lock.json')).mtimeMs;
  return lock > installed ? 'package-lock.json changed since they were installed' : null;
}

/** Runs `npm ci` when needed; exits with one line if it fails. */
export function ensureDependencies(root, { what = 'Sole Notes' } = {}) {
  const reason = dependenciesStaleReason(root);
  if (reason === null) return;
  console.error(`Installing the project's packages (${reason}): npm ci`);
  const status = runNpm(['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (status !== 0) {
    console.error(`${what} could not install its packages (npm ci failed, see above).`);
    process.exit(1);
  }
}
