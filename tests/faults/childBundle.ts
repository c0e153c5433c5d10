import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles tests/faults/child.ts (or another child entry) into one CommonJS file (esbuild, the
 * project's own bundler), so that a child process starts in about 0.1 s
 * instead of the 0.6 s tsx takes — it is started well over a hundred times.
 * The native modules stay outside the bundle and are copied beside it (only
 * what runs: the package code and this platform's prebuilt binary), so the
 * bundle also runs as another user who cannot read the project folder.
 */
export async function bundleChild(entry = 'tests/faults/child.ts'): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-fault-child-'));
  fs.chmodSync(dir, 0o755);
  const outfile = path.join(dir, 'child.cjs');
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'error',
    external: ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', '@node-rs/argon2-*'],
  });
  copyRuntimePackages(path.join(dir, 'node_modules'));
  fs.chmodSync(outfile, 0o644);
  return outfile;
}

function copyRuntimePackages(target: string): void {
  const source = path.join(ROOT, 'node_modules');
  const platformBinary = `${process.platform}-${process.arch}.node`;
  const packages = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2'];
  for (const name of fs.readdirSync(path.join(source, '@node-rs'))) {
    if (name.startsWith('argon2-')) packages.push(`@node-rs/${name}`);
  }
  for (const name of packages) {
    fs.cpSync(path.join(source, name), path.join(target, name), {
      recursive: true,
      // SQLite's C sources and the other platforms' binaries are not needed to run.
      filter: (file) => {
        const relative = path.relative(path.join(source, name), file);
        if (relative.startsWith('deps') || relative.startsWith('src')) return false;
        if (relative.startsWith('prebuilds' + path.sep)) return path.basename(file) === platformBinary;
        return true;
      },
    });
  }
  spawnSync('chmod', ['-R', 'a+rX', path.dirname(target)]);
}

export function removeBundle(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
