// `npm start`: build, then run the app in Electron — or, where the Electron
// runtime is not installed, say so in one line (before building) and point to the CLI.
// Never require('electron'): its index.js would try to download the binary.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable, found the way node_modules/electron/index.js finds it; null when absent. */
export function findElectronBinary(projectRoot = root, env = process.env) {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = fs.readFileSync(pathFile, 'utf8').trim();
  if (executable === '') return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, executable);
  return fs.existsSync(binary) ? binary : null;
}

function runBuild() {
  // npm sets npm_execpath when it runs this script; run the same npm without a shell.
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /npm-cli\.c?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', '--silent', 'build']]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build']];
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32' && command === 'npm.cmd',
    env: { ...process.env },
  });
  if (result.error) {
    console.error(`Sole Notes could not start: the build could not be run (${result.error.message}).`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error('Sole Notes could not start: the build failed (see above).');
    process.exit(result.status ?? 1);
  }
}

function main() {
  // Checked first: a build is no use without the runtime to show it.
  const electron = findElectronBinary();
  if (electron == null) {
    console.error(
      'Sole Notes could not start: the Electron runtime is not installed on this machine (it cannot be downloaded here). Use the command line instead: bin/sole-notes --help',
    );
    process.exit(1);
  }
  runBuild();

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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
