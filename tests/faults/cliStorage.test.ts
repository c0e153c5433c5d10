import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';

/*
 * The command line on a full disk and on a folder it may not write to says
 * so in the app's words (as the router does), for the vault's database and
 * for the files a command writes: never SQLite's "database or disk is full"
 * nor the system's "EPERM … .tmp". Made as in storage.test.ts (a small tmpfs,
 * `chattr +i`), each skipped with a message where the machine cannot.
 */

const RAW_TEXT = /database or disk is full|SQLITE_|SqliteError|EPERM|EACCES|ENOSPC|EROFS|\.tmp/;
const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function probe(make: (dir: string) => { ok: boolean; output: string }, undo: (dir: string) => void): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  const dir = makeTempDir('sole-notes-cli-storage-probe-');
  try {
    const made = make(dir);
    if (!made.ok) return made.output || 'failed';
    undo(dir);
    return null;
  } finally {
    removeDir(dir);
  }
}

const mountUnavailable = probe((dir) => run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]), (dir) => run('umount', [dir]));
const chattrUnavailable = probe((dir) => run('chattr', ['+i', dir]), (dir) => run('chattr', ['-i', dir]));
if (mountUnavailable) console.warn(`cli storage faults: the full disk tests are skipped here: ${mountUnavailable}`);
if (chattrUnavailable) console.warn(`cli storage faults: the read-only folder test is skipped here: ${chattrUnavailable}`);

let root: string;
const mounts: string[] = [];
const immutable: string[] = [];

beforeAll(() => {
  root = makeTempDir('sole-notes-cli-storage-');
});

afterAll(() => {
  for (const dir of immutable.splice(0)) run('chattr', ['-i', dir]);
  for (const dir of mounts.splice(0).reverse()) {
    if (!run('umount', [dir]).ok) run('umount', ['-l', dir]);
  }
  removeDir(root);
});

function mountTmpfs(dir: string, size: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const mounted = run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  if (!mounted.ok) throw new Error(`mount failed: ${mounted.output}`);
  mounts.push(dir);
}

/** Fills the file system that holds `dir`, to the last byte or but `leaveBytes`. */
function fillDisk(dir: string, leaveBytes = 0): void {
  const fd = fs.openSync(path.join(dir, `filler-${crypto.randomBytes(3).toString('hex')}`), 'w');
  try {
    const stats = fs.statfsSync(dir);
    let left = Number(stats.bavail) * Number(stats.bsize) - leaveBytes;
    for (const size of [64 * 1024, 1]) {
      while (leaveBytes === 0 || left > 0) {
        try {
          left -= fs.writeSync(fd, Buffer.alloc(leaveBytes === 0 ? size : Math.min(size, left), 0x5a));
        } catch {
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function initVault(folder: string): Promise<void> {
  const created = await cli(['init', '--vault', folder], { env });
  expect(created.code, created.stderr).toBe(0);
}

describe.skipIf(mountUnavailable !== null)('the command line on a full disk', () => {
  it('saving a note says the vault\'s disk is full, in the app\'s words', async () => {
    const disk = path.join(root, 'full-vault');
    mountTmpfs(disk, '4m');
    const vault = path.join(disk, 'vault');
    await initVault(vault);
    // Room to unlock (the write-ahead log's index, the unlock's audit entry), none for a long note.
    fillDisk(disk, 160 * 1024);
    const added = await cli(['note', 'add', '--vault', vault, '--text', 'A note on a full disk. '.repeat(8000)], { env });
    expect(added.stderr).not.toMatch(RAW_TEXT);
    expect(added.stderr).toContain('The disk that holds the vault is full');
    expect(added.code).toBe(3);
  });

  it('writing a file to a full disk says the disk is full, in the app\'s words', async () => {
    const vault = path.join(root, 'vault-for-full-file');
    await initVault(vault);
    const disk = path.join(root, 'full-out');
    mountTmpfs(disk, '1m');
    fillDisk(disk);
    const exported = await cli(['handover', 'key', '--vault', vault, '--out', path.join(disk, 'me.solekey')], { env });
    expect(exported.stderr).not.toMatch(RAW_TEXT);
    expect(exported.stderr).toContain('The disk is full');
    expect(exported.code).toBe(3);
  });
});

describe.skipIf(chattrUnavailable !== null)('the command line writing into a folder it may not change', () => {
  it('says it may not write there, in the app\'s words, and leaves nothing behind', async () => {
    const vault = path.join(root, 'vault-for-locked-file');
    await initVault(vault);
    const locked = path.join(root, 'locked-out');
    fs.mkdirSync(locked);
    expect(run('chattr', ['+i', locked]).ok).toBe(true);
    immutable.push(locked);
    const exported = await cli(['handover', 'key', '--vault', vault, '--out', path.join(locked, 'me.solekey')], { env });
    expect(exported.stderr).not.toMatch(RAW_TEXT);
    expect(exported.stderr).toContain('may not write to that folder');
    expect(exported.code).toBe(3);
    expect(fs.readdirSync(locked)).toEqual([]);
  });
});
