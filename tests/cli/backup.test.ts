import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

const NEW_PASSPHRASE = 'copper kettle meadow ninety';
const MARKER = 'Walked the new route to the bus stop together.';

interface Listed {
  id: string;
  createdAt: string;
}

async function listIds(vault: string, from: string): Promise<string[]> {
  const listed = await cli(['backup', 'list', '--vault', vault, '--from', from, '--json']);
  expect(listed.code).toBe(0);
  return (JSON.parse(listed.stdout) as Listed[]).map((backup) => backup.id);
}

describe('backup and restore on the command line', () => {
  let root: string;
  let vault: string;
  let recoveryKey: string;
  const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

  beforeAll(async () => {
    root = makeTempDir();
    vault = path.join(root, 'laptop', 'vault');
    const init = await cli(['init', '--vault', vault], { env });
    expect(init.code).toBe(0);
    recoveryKey = init.stdout.trim();
    expect((await cli(['student', 'add', '--vault', vault, '--code', 'A-17', '--grade', '4'], { env })).code).toBe(0);
    expect((await cli(['note', 'add', '--vault', vault, '--student', 'A-17', '--file', '-'], { env, stdin: MARKER })).code).toBe(0);
  });
  afterAll(() => removeDir(root));
  afterEach(() => vi.restoreAllMocks());

  it('backs up to a USB folder, lists it, and restores it on a new laptop with the recovery key and a new passphrase', async () => {
    const usb = path.join(root, 'usb');
    fs.mkdirSync(usb);
    const made = await cli(['backup', 'now', '--vault', vault, '--to', path.join(usb, 'Sole Notes backups')], { env });
    expect(made.stderr).toContain('Backup made');
    expect(made.code).toBe(0);
    const id = made.stdout.trim();
    expect(id).toMatch(/^sole-notes-backup-/);
    const from = path.join(usb, 'Sole Notes backups');
    expect(await listIds(vault, from)).toEqual([id]);

    const text = await cli(['backup', 'list', '--vault', path.join(root, 'nothing-here'), '--from', from]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(id);

    const newVault = path.join(root, 'new-laptop', 'vault');
    const restored = await cli(['restore', '--vault', newVault, '--from', from], {
      env: { SOLE_NOTES_RECOVERY_KEY: recoveryKey, SOLE_NOTES_NEW_PASSPHRASE: NEW_PASSPHRASE },
    });
    expect(restored.stderr).toContain('Restored');
    expect(restored.code).toBe(0);
    expect(restored.stdout.trim()).toBe(id);
    expect(fs.readdirSync(newVault).sort()).toEqual(['vault.db', 'vault.keys.json']);

    // The new passphrase opens it, with the note; the passphrase of the backup's day does not.
    const withNew = await cli(['note', 'list', '--vault', newVault, '--json'], { env: { SOLE_NOTES_PASSPHRASE: NEW_PASSPHRASE } });
    expect(withNew.code).toBe(0);
    expect(withNew.stdout).toContain(MARKER);
    const search = await cli(['note', 'search', '--vault', newVault, 'route', '--json'], { env: { SOLE_NOTES_PASSPHRASE: NEW_PASSPHRASE } });
    expect(JSON.parse(search.stdout)).toHaveLength(1);
    const withOld = await cli(['note', 'list', '--vault', newVault], { env });
    expect(withOld.code).toBe(2);

    // A second restore into the same folder is refused: it holds a vault now.
    const again = await cli(['restore', '--vault', newVault, '--from', from], {
      env: { SOLE_NOTES_RECOVERY_KEY: recoveryKey, SOLE_NOTES_NEW_PASSPHRASE: NEW_PASSPHRASE },
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a vault');
  });

  it('refuses a wrong recovery key (exit 2) and a weak new passphrase (exit 1), writing nothing', async () => {
    const from = path.join(root, 'usb-refusals');
    fs.mkdirSync(from);
    expect((await cli(['backup', 'now', '--vault', vault, '--to', from], { env })).code).toBe(0);
    const target = path.join(root, 'refused', 'vault');
    const wrongKey = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const wrong = await cli(['restore', '--vault', target, '--from', from], {
      env: { SOLE_NOTES_RECOVERY_KEY: wrongKey, SOLE_NOTES_NEW_PASSPHRASE: NEW_PASSPHRASE },
    });
    expect(wrong.code).toBe(2);
    const weak = await cli(['restore', '--vault', target, '--from', from], {
      env: { SOLE_NOTES_RECOVERY_KEY: recoveryKey, SOLE_NOTES_NEW_PASSPHRASE: 'password1' },
    });
    expect(weak.code).toBe(1);
    expect(fs.existsSync(path.join(target, 'vault.keys.json'))).toBe(false);
  });

  it('refuses --to inside the vault folder, and says so when the drive is not plugged in', async () => {
    const inside = await cli(['backup', 'now', '--vault', vault, '--to', path.join(vault, 'copies')], { env });
    expect(inside.code).toBe(1);
    expect(inside.stderr).toContain('inside a Sole Notes vault folder');
    expect(fs.existsSync(path.join(vault, 'copies'))).toBe(false);

    const unplugged = await cli(['backup', 'now', '--vault', vault, '--to', path.join(root, 'no-drive', 'backups')], { env });
    expect(unplugged.code).toBe(3);
    expect(unplugged.stderr).toMatch(/USB drive plugged in/);
  });

  it('a drive pulled out in the middle of a backup leaves no partial backup counted, and the next backup works', async () => {
    const drive = path.join(root, 'usb-pulled');
    const folder = path.join(drive, 'backups');
    fs.mkdirSync(drive);
    expect((await cli(['backup', 'now', '--vault', vault, '--to', folder], { env })).code).toBe(0);
    const before = await listIds(vault, folder);
    expect(before).toHaveLength(1);

    // Part-way through (the database copied, the keys file next), the drive goes away.
    const copy = fs.copyFileSync.bind(fs);
    const spy = vi.spyOn(fs, 'copyFileSync').mockImplementation((source, destination, mode) => {
      if (String(destination).startsWith(drive) && String(destination).includes('.partial-')) {
        fs.rmSync(drive, { recursive: true, force: true });
        throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
      }
      copy(source, destination, mode);
    });
    const pulled = await cli(['backup', 'now', '--vault', vault, '--to', folder], { env });
    spy.mockRestore();
    expect(pulled.code).toBe(3);
    expect(pulled.stderr).toMatch(/USB drive plugged in/);

    // Plugged in again (emptied meanwhile): nothing of the cut-short backup is listed.
    fs.mkdirSync(folder, { recursive: true });
    expect(await listIds(vault, folder)).toEqual([]);
    const next = await cli(['backup', 'now', '--vault', vault, '--to', folder], { env });
    expect(next.code).toBe(0);
    expect(await listIds(vault, folder)).toEqual([next.stdout.trim()]);
  });

  it('a write failing with EIO part-way, with the half-written folder left on the drive, is never listed; the next backup works', async () => {
    const folder = path.join(root, 'usb-eio');
    fs.mkdirSync(folder);
    const good = await cli(['backup', 'now', '--vault', vault, '--to', folder], { env });
    expect(good.code).toBe(0);

    const copy = fs.copyFileSync.bind(fs);
    const copySpy = vi.spyOn(fs, 'copyFileSync').mockImplementation((source, destination, mode) => {
      if (String(destination).startsWith(folder) && String(destination).includes('.partial-')) {
        copy(source, destination, mode);
        fs.truncateSync(destination, 7); // half written
        throw Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' });
      }
      copy(source, destination, mode);
    });
    // The failing drive refuses the clean-up too, so the half-written folder stays.
    const remove = fs.rmSync.bind(fs);
    const rmSpy = vi.spyOn(fs, 'rmSync').mockImplementation((target, options) => {
      if (String(target).includes('.partial-')) throw Object.assign(new Error('EIO: i/o error, rm'), { code: 'EIO' });
      remove(target, options);
    });
    const failed = await cli(['backup', 'now', '--vault', vault, '--to', folder], { env });
    copySpy.mockRestore();
    rmSpy.mockRestore();
    expect(failed.code).toBe(3);
    expect(fs.readdirSync(folder).filter((name) => name.startsWith('.partial-'))).toHaveLength(1);

    expect(await listIds(vault, folder)).toEqual([good.stdout.trim()]);
    const next = await cli(['backup', 'now', '--vault', vault, '--to', folder], { env });
    expect(next.code).toBe(0);
    expect(await listIds(vault, folder)).toEqual([next.stdout.trim(), good.stdout.trim()]);
  });
});
