// `npm start`: on any Node, installs what is missing and opens Sole Notes.
//  1. Node: an older one than the project's floor gets a pinned Node from the npm
//     registry in .tools/node, and this script runs again on it (setup/node.mjs).
//  2. No display: one line, exit 1.
//  3. The packages: `npm ci` when node_modules is missing or stale (setup/dependencies.mjs).
//  4. Electron where its runtime is present or can be downloaded; otherwise the machine's
//     Chromium or Chrome as an app window, with one line saying so (docs/window-mode.md).
// Plain JavaScript that old Node versions can parse; the rest is loaded once Node is recent.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChromium } from './setup/chromium.mjs';
import { ensureDependencies } from './setup/dependencies.mjs';
import { obtainElectron } from './setup/electron.mjs';
import { ensureRecentNode, npmCommand } from './setup/node.mjs';
import { chooseShell, displayProblem } from './setup/shell.mjs';

const script = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(script), '..');

function runBuild(target) {
  const npm = npmCommand();
  const result = spawnSync(npm.command, [...npm.prefixArgs, 'run', '--silent', target], { cwd: root, stdio: 'inherit', shell: npm.shell, env: process.env });
  if (result.error) {
    console.error(`Sole Notes could not start: the build could not be run (${result.error.message}).`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error('Sole Notes could not start: the build failed (see above).');
    process.exit(result.status ?? 1);
  }
}

function runElectron(electron) {
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node process (undefined values are dropped).
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  const forward = (signal) => {
    if (!child.killed) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`Sole Notes could not start: Electron failed to launch (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

async function runInChromium(chromiumPath) {
  // The window mode is TypeScript on the main side's own modules (the router, the vault).
  const { register } = await import('tsx/esm/api');
  register();
  const { runWindowMode } = await import(pathToFileURL(path.join(root, 'scripts', 'window', 'windowMode.ts')).href);
  process.exitCode = await runWindowMode({ root, chromiumPath });
}

async function main() {
  ensureRecentNode(root, script);
  const noDisplay = displayProblem();
  if (noDisplay) {
    console.error(noDisplay);
    process.exit(1);
  }
  ensureDependencies(root);
  const electron = await obtainElectron(root);
  const shell = chooseShell({ electron, chromium: electron ? null : findChromium() });
  if (shell.shell === 'none') {
    console.error(shell.message);
    process.exit(1);
  }
  if (shell.shell === 'electron') {
    runBuild('build');
    runElectron(shell.path);
    return;
  }
  console.error(shell.notice);
  runBuild('build:renderer');
  await runInChromium(shell.path);
}

if (process.argv[1] && path.resolve(process.argv[1]) === script) {
  main().catch((error) => {
    console.error(`Sole Notes could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
