import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { hashVaultFiles } from '../vault/vaultFolder';
import { bundleChild, removeBundle } from './childBundle';
import { KEY_FILE_NAME } from '../../src-main/vault/folderLayout';

/*
 * A full disk and a vault folder that cannot be written give clear errors
 * (STORAGE_FULL, STORAGE_READ_ONLY) and leave nothing half written.
 *
 * Root (which CI is) ignores file permissions, so "a folder that cannot be
 * written" is made three ways, each skipped with a message where it cannot be:
 *   - a tmpfs remounted read-only (EROFS: a write-protected USB drive);
 *   - `chattr +i` on the folder (EPERM; binds root too, needs ext4 or alike);
 *   - plain permissions (chmod 0500) checked by a child process running as
 *     `nobody` through setpriv (EACCES: the ordinary "no permission" case).
 * The full disk is a small tmpfs filled to the last byte.
 */

const NEW_PASSPHRASE = 'copper kettle meadow ninety';
const isRoot = process.getuid?.() === 0;

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** Whether this machine lets the tests mount a tmpfs (Linux, root or CAP_SYS_ADMIN). */
function probeMount(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  const dir = makeTempDir('sole-notes-mount-probe-');
  try {
    const mounted = run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    if (!mounted.ok) return mounted.output || 'mount failed';
    run('umount', [dir]);
    return null;
  } finally {
    removeDir(dir);
  }
}

function probeChattr(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  const dir = makeTempDir('sole-notes-chattr-probe-');
  try {
    const set = run('chattr', ['+i', dir]);
    if (!set.ok) return set.output || 'chattr failed';
    run('chattr', ['-i', dir]);
    return null;
  } finally {
    removeDir(dir);
  }
}

const mountUnavailable = probeMount();
const chattrUnavailable = probeChattr();
const setprivUnavailable = !isRoot ? 'not root (plain chmod is tested directly instead)' : run('setpriv', ['--version']).ok ? null : 'setpriv is not installed';
for (const [what, reason] of [
  ['full disk and read-only mount', mountUnavailable],
  ['immutable folder', chattrUnavailable],
  ['read-only folder as nobody', setprivUnavailable],
] as const) {
  if (reason) console.warn(`storage faults: the ${what} tests are skipped here: ${reason}`);
}

let root: string;
const mounts: string[] = [];
const immutable: string[] = [];
const sessions: VaultSession[] = [];

function mountTmpfs(dir: string, size: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const mounted = run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  if (!mounted.ok) throw new Error(`mount failed: ${mounted.output}`);
  mounts.push(dir);
}

function session(folder: string, backups?: string): VaultSession {
  const opened = new VaultSession(folder, { kdf: TEST_KDF, backups: { defaultFolder: backups ?? path.join(path.dirname(folder), 'backups') } });
  sessions.push(opened);
  return opened;
}

/** Fills the file system that holds `dir` to the last byte. */
function fillDisk(dir: string, leaveBytes = 0): string {
  const filler = path.join(dir, `filler-${crypto.randomBytes(3).toString('hex')}`);
  const stats = fs.statfsSync(dir);
  const free = Number(stats.bavail) * Number(stats.bsize) - leaveBytes;
  const fd = fs.openSync(filler, 'w');
  try {
    const chunk = Buffer.alloc(64 * 1024, 0x5a);
    let written = 0;
    while (leaveBytes > 0 ? written < free : true) {
      try {
        written += fs.writeSync(fd, chunk, 0, leaveBytes > 0 ? Math.min(chunk.length, free - written) : chunk.length);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
      if (leaveBytes > 0 && free - written <= 0) break;
    }
    if (leaveBytes === 0) {
      // Then byte by byte, for the last partial block.
      for (;;) {
        try {
          fs.writeSync(fd, Buffer.alloc(1));
        } catch {
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

beforeAll(() => {
  root = makeTempDir('sole-notes-storage-');
  fs.chmodSync(root, 0o755);
});

afterEach(() => {
  for (const opened of sessions.splice(0)) opened.lock();
  for (const dir of immutable.splice(0)) run('chattr', ['-i', dir]);
});

afterAll(() => {
  for (const dir of mounts.splice(0).reverse()) {
    if (!run('umount', [dir]).ok) run('umount', ['-l', dir]);
  }
  removeDir(root);
});

describe.skipIf(mountUnavailable !== null)('a full disk (a 4 MB tmpfs)', () => {
  it('saves fail with STORAGE_FULL and roll back whole; every acknowledged note survives; nothing half written', async () => {
    const disk = path.join(root, 'full');
    mountTmpfs(disk, '4m');
    const folder = path.join(disk, 'vault');
    const vault = session(folder);
    await vault.create(TEST_PASSPHRASE);
    const router = createRouter(vault, { reportInternalError: () => undefined });
    const keysBefore = hashVaultFiles(folder)[KEY_FILE_NAME];

    const fillers = [fillDisk(disk, 640 * 1024)];
    const acknowledged = new Map<string, string>();
    let refused: { code: string; message: string } | null = null;
    let refusedBody = '';
    for (let index = 0; index < 200 && !refused; index += 1) {
      const body = `Full-disk note ${index} ${crypto.randomBytes(6000).toString('base64')}`;
      const result = await router.invoke('notes.create', { body });
      if (result.ok) acknowledged.set((result.value as { id: string }).id, body);
      else {
        refused = result.error;
        refusedBody = body;
      }
    }
    expect(refused).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringMatching(/full/) });
    expect(acknowledged.size).toBeGreaterThan(5);

    fillers.push(fillDisk(disk)); // to the last byte: no room even for a small temporary file
    // A small save may still fit in log pages SQLite already holds; if not, it is refused the same way.
    const small = await router.invoke('notes.create', { body: 'one more' });
    if (small.ok) acknowledged.set((small.value as { id: string }).id, 'one more');
    else expect(small.error.code).toBe('STORAGE_FULL');
    expect(await router.invoke('vault.changePassphrase', { currentPassphrase: TEST_PASSPHRASE, newPassphrase: NEW_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FULL' },
    });
    expect(hashVaultFiles(folder)[KEY_FILE_NAME]).toBe(keysBefore);
    expect(await router.invoke('backups.create', {})).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect(fs.readdirSync(path.join(disk, 'backups'), { withFileTypes: true }).filter((entry) => entry.isDirectory())).toEqual([]);
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // A new vault on the full disk: STORAGE_FULL, and no vault left behind.
    const other = session(path.join(disk, 'other-vault'));
    const created = await createRouter(other).invoke('vault.create', { passphrase: TEST_PASSPHRASE });
    expect(created).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect(other.state()).toBe('absent');
    expect(fs.existsSync(path.join(disk, 'other-vault', KEY_FILE_NAME))).toBe(false);
    expect(fs.existsSync(path.join(disk, 'other-vault', 'vault.db'))).toBe(false);

    // Locking on a full disk loses nothing (the log may stay uncheckpointed), and a wrong passphrase is still just that.
    vault.lock();
    const locked = createRouter(session(folder));
    expect(await locked.invoke('vault.unlock', { passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });

    for (const filler of fillers) fs.rmSync(filler);
    const after = session(folder);
    await after.unlock(TEST_PASSPHRASE); // integrity-checked
    for (const [id, body] of acknowledged) expect(after.data.notes.get(id).body).toBe(body);
    const bodies = after.data.notes.list({ limit: 500 }).map((note) => note.preview);
    expect(bodies.some((preview) => refusedBody.startsWith(preview.slice(0, 40)))).toBe(false);
    expect(after.data.notes.list({ limit: 500 })).toHaveLength(acknowledged.size);
    expect(after.data.audit.verify()).toMatchObject({ intact: true });
    await after.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE); // and the disk works again
  });
});

describe.skipIf(mountUnavailable !== null)('a read-only medium (a tmpfs remounted read-only)', () => {
  it('unlock says STORAGE_READ_ONLY, a wrong passphrase is still WRONG_PASSPHRASE, backups can be listed', async () => {
    const disk = path.join(root, 'readonly');
    mountTmpfs(disk, '8m');
    const folder = path.join(disk, 'vault');
    const vault = session(folder);
    await vault.create(TEST_PASSPHRASE);
    const note = vault.data.notes.create({ body: 'Kept on a write-protected drive' });
    await vault.createBackup();
    vault.lock();
    const before = hashVaultFiles(folder);
    const remounted = run('mount', ['-o', 'remount,ro', disk]);
    expect(remounted.ok, remounted.output).toBe(true);

    const router = createRouter(session(folder), { reportInternalError: () => undefined });
    expect(await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_READ_ONLY', message: expect.stringMatching(/cannot write to the vault folder/) },
    });
    expect(await router.invoke('vault.unlock', { passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await router.invoke('backups.list', {})).toMatchObject({ ok: true, value: { backups: [{ sameVault: true }] } });
    expect(hashVaultFiles(folder)).toEqual(before);

    expect(run('mount', ['-o', 'remount,rw', disk]).ok).toBe(true);
    const again = session(folder);
    await again.unlock(TEST_PASSPHRASE);
    expect(again.data.notes.get(note.id).body).toBe('Kept on a write-protected drive');
  });
});

describe.skipIf(chattrUnavailable !== null)('a vault folder nobody may change (chattr +i, which binds root too)', () => {
  it('unlock, passphrase change and backups give STORAGE_READ_ONLY and change nothing', async () => {
    const folder = path.join(root, 'immutable', 'vault');
    const vault = session(folder);
    await vault.create(TEST_PASSPHRASE);
    vault.data.notes.create({ body: 'A note' });
    vault.lock();
    const before = hashVaultFiles(folder);

    expect(run('chattr', ['+i', folder]).ok).toBe(true);
    immutable.push(folder);
    const router = createRouter(session(folder), { reportInternalError: () => undefined });
    // SQLite cannot make its -wal and -shm files: a folder problem, not a damaged vault.
    expect(await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'STORAGE_READ_ONLY' } });
    expect(await router.invoke('vault.changePassphrase', { currentPassphrase: TEST_PASSPHRASE, newPassphrase: NEW_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_READ_ONLY' },
    });
    expect(hashVaultFiles(folder)).toEqual(before);

    // Made read-only while unlocked: the open database's files still take saves; the keys file cannot change.
    run('chattr', ['-i', folder]);
    const open = session(folder);
    await open.unlock(TEST_PASSPHRASE);
    run('chattr', ['+i', folder]);
    const keysBefore = hashVaultFiles(folder)[KEY_FILE_NAME];
    expect(await createRouter(open).invoke('vault.changePassphrase', { currentPassphrase: TEST_PASSPHRASE, newPassphrase: NEW_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_READ_ONLY' },
    });
    expect(hashVaultFiles(folder)[KEY_FILE_NAME]).toBe(keysBefore);

    const backups = path.join(root, 'immutable', 'backups');
    fs.mkdirSync(backups, { recursive: true });
    expect(run('chattr', ['+i', backups]).ok).toBe(true);
    immutable.push(backups);
    expect(await createRouter(open).invoke('backups.create', {})).toMatchObject({ ok: false, error: { code: 'STORAGE_READ_ONLY' } });
    expect(fs.readdirSync(backups)).toEqual([]);
  });
});

describe('a vault folder without write permission (chmod 0500)', () => {
  let child: string | undefined;
  afterAll(() => {
    if (child) removeBundle(child);
  });

  it.skipIf(isRoot && setprivUnavailable !== null)('unlock gives STORAGE_READ_ONLY and nothing changes', async () => {
    const base = path.join(root, 'chmod');
    fs.mkdirSync(base, { mode: 0o755 });
    const folder = path.join(base, 'vault');
    const vault = session(folder);
    await vault.create(TEST_PASSPHRASE);
    vault.lock();
    const before = hashVaultFiles(folder);

    let unlock: (passphrase: string) => Promise<unknown>;
    if (isRoot) {
      // Root would ignore the mode: the unlock runs in a child process as nobody, who owns the vault but may not write to its folder.
      child = await bundleChild();
      spawnSync('chown', ['-R', '65534:65534', folder]);
      unlock = async (passphrase) => {
        const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, child ?? '', 'unlock', folder, passphrase], {
          encoding: 'utf8',
          timeout: 60_000,
        });
        const line = result.stdout.trim().split('\n').at(-1) ?? '';
        if (!line.startsWith('{')) throw new Error(`the child as nobody did not answer: ${result.stdout} ${result.stderr}`);
        return JSON.parse(line);
      };
    } else {
      unlock = (passphrase) => createRouter(session(folder), { reportInternalError: () => undefined }).invoke('vault.unlock', { passphrase });
    }
    fs.chmodSync(folder, 0o500);
    try {
      expect(await unlock(TEST_PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'STORAGE_READ_ONLY' } });
      expect(await unlock('not the passphrase at all')).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    } finally {
      fs.chmodSync(folder, 0o700);
    }
    expect(hashVaultFiles(folder)).toEqual(before);
    expect(await unlock(TEST_PASSPHRASE)).toMatchObject({ ok: true });
  });
});
