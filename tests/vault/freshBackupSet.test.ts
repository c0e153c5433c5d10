import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FreshBackupSetResult } from '../../shared/api/backupSchemas';
import { createRouter } from '../../src-main/api/router';
import { listBackups, type BackupEntry } from '../../src-main/vault/backups/backup';
import { offsiteFreshSetPending } from '../../src-main/vault/backups/backupSettings';
import { verifyCopy } from '../../src-main/vault/backups/freshBackupSet';
import { pollOffsiteOnce } from '../../src-main/vault/backups/offsitePoll';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { pagesHolding, vaultDataKey } from '../helpers/vaultDisk';

/*
 * "Start a fresh backup set" on a real encrypted vault, with real backup
 * folders: a new full copy in each folder the app manages, checked, then this
 * vault's older copies there removed; a drive that is out is finished when it
 * is back; a crash at any step never leaves a folder without a complete copy.
 */

const GONE = 'OTTER-GONE-6614 talked about the custody hearing';

let root: string;
let now: number;
let session: VaultSession;
let laptop: string;
let usb: string;
let vaultId: string;
const others: VaultSession[] = [];

function clock(): Date {
  now += 60_000;
  return new Date(now);
}

function ours(folder: string): BackupEntry[] {
  return listBackups(folder).filter((entry) => entry.manifest.vaultId === vaultId);
}

/** Every backup folder of ours (by its own keys file) whose database still holds the text on a page. */
async function backupsHolding(folders: readonly string[], text: string): Promise<string[]> {
  const holding: string[] = [];
  for (const folder of folders) {
    for (const entry of listBackups(folder)) if ((await pagesHolding(entry.dir, text)).length > 0) holding.push(entry.id);
  }
  return holding;
}

beforeEach(async () => {
  root = makeTempDir('sole-notes-fresh-set-');
  now = Date.parse('2026-11-02T08:00:00.000Z');
  laptop = path.join(root, 'data', 'backups');
  usb = path.join(root, 'media', 'USB DRIVE', 'Sole Notes copies');
  session = new VaultSession(path.join(root, 'data', 'vault'), { kdf: TEST_KDF, clock, backups: { defaultFolder: laptop } });
  await session.create(TEST_PASSPHRASE);
  fs.mkdirSync(usb, { recursive: true });
  await session.updateBackupSettings({ offsite: { folder: usb, kind: 'usb' } });
  const note = session.data.notes.create({ body: GONE });
  session.data.notes.create({ body: 'Planned the week with the counselor.' });
  vaultId = (await session.createBackup()).vaultId;
  for (let made = 1; made < 3; made += 1) await session.createBackup();
  for (let made = 0; made < 2; made += 1) await session.createBackup(usb);
  session.data.notes.delete(note.id); // as a retention destruction does: the text leaves the vault, not the backups
});

afterEach(() => {
  vi.restoreAllMocks();
  session.lock();
  for (const other of others.splice(0)) other.lock();
  removeDir(root);
});

describe('a fresh backup set', () => {
  it('makes one new copy in each folder, then removes the older copies of this vault there, leaving another vault’s alone', async () => {
    const other = new VaultSession(path.join(root, 'other', 'vault'), { kdf: TEST_KDF, clock, backups: { defaultFolder: laptop } });
    others.push(other);
    await other.create(TEST_PASSPHRASE);
    await other.createBackup();
    expect(await backupsHolding([laptop, usb], GONE)).toHaveLength(5);

    const router = createRouter(session);
    const answer = await router.invoke('backups.freshSet', {});
    expect(answer.ok).toBe(true);
    const result = (answer as { ok: true; value: FreshBackupSetResult }).value;
    expect(result).toMatchObject({
      newCopies: 2,
      removed: 5,
      waiting: null,
      places: [
        { where: 'backup-folder', folder: laptop, newCopy: true, removed: 3 },
        { where: 'second-place', folder: usb, newCopy: true, removed: 2 },
      ],
    });
    expect(ours(laptop)).toHaveLength(1);
    expect(ours(usb)).toHaveLength(1);
    expect(listBackups(laptop)).toHaveLength(2); // the other vault's backup stays
    expect(await backupsHolding([laptop, usb], GONE)).toEqual([]);
    // The new copies are whole: their files match, and each opens with the vault's key.
    for (const folder of [laptop, usb]) for (const entry of ours(folder)) verifyCopy(folder, entry.id, await vaultDataKey(entry.dir));

    const audit = session.data.audit.list(20).find((entry) => entry.action === 'backup.fresh_set');
    expect(audit?.details).toEqual({ copy: ours(laptop)[0]?.id, newCopies: 2, removed: 5, secondPlaceWaiting: false });
  });

  it('says it cannot see the drive, keeps its older copies, and finishes there when the drive is back', async () => {
    const away = path.join(root, 'drawer');
    fs.renameSync(path.join(root, 'media', 'USB DRIVE'), away); // the drive pulled out
    const result = await session.startFreshBackupSet();
    expect(result).toMatchObject({ newCopies: 1, removed: 3, waiting: { folder: usb, kind: 'usb' }, places: [{ where: 'backup-folder', removed: 3 }] });
    expect(ours(laptop)).toHaveLength(1);
    expect(offsiteFreshSetPending(session.folder)).toBe(result.at);
    expect(await pollOffsiteOnce(session)).toBe(false); // still out: nothing to do

    fs.renameSync(away, path.join(root, 'media', 'USB DRIVE')); // plugged in again
    expect(ours(usb)).toHaveLength(2);
    expect(await pollOffsiteOnce(session)).toBe(true);
    expect(ours(usb)).toHaveLength(1);
    expect(offsiteFreshSetPending(session.folder)).toBeNull();
    expect(await backupsHolding([laptop, usb], GONE)).toEqual([]);
    expect(session.data.audit.list(20).find((entry) => entry.action === 'backup.fresh_set_finished')?.details).toMatchObject({ removed: 2 });
    expect(await pollOffsiteOnce(session)).toBe(false); // done once, and copies are not automatic here
  });

  it('removes nothing anywhere when the new copy cannot be made', async () => {
    await session.updateBackupSettings({ folder: path.join(root, 'media', 'OTHER DRIVE', 'backups') }); // a drive that is not there
    await expect(session.startFreshBackupSet()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(ours(laptop)).toHaveLength(3);
    expect(ours(usb)).toHaveLength(2);
    expect(offsiteFreshSetPending(session.folder)).toBeNull();
  });

  it('never leaves a folder without a complete copy, whatever step a crash stops it at', async () => {
    // What a power cut would leave: both folders copied just before every removal and rename in them.
    const snapshots: { laptop: string; usb: string }[] = [];
    const inside = (target: unknown) =>
      typeof target === 'string' && [laptop, usb].some((folder) => path.resolve(target).startsWith(folder + path.sep));
    for (const method of ['rmSync', 'renameSync'] as const) {
      const original = fs[method] as (...args: unknown[]) => unknown;
      vi.spyOn(fs, method).mockImplementation(((...args: unknown[]) => {
        if (inside(args[0]) || inside(args[1])) {
          const at = path.join(root, 'snapshots', String(snapshots.length));
          fs.cpSync(laptop, path.join(at, 'laptop'), { recursive: true });
          fs.cpSync(usb, path.join(at, 'usb'), { recursive: true });
          snapshots.push({ laptop: path.join(at, 'laptop'), usb: path.join(at, 'usb') });
        }
        return original.apply(fs, args);
      }) as never);
    }
    await session.startFreshBackupSet();
    vi.restoreAllMocks();

    expect(snapshots.length).toBeGreaterThanOrEqual(7); // two renames (the new copies) and five removals at least
    const key = await vaultDataKey(ours(laptop)[0]?.dir ?? '');
    for (const snapshot of snapshots) {
      for (const folder of [snapshot.laptop, snapshot.usb]) {
        const complete = ours(folder);
        expect(complete.length, folder).toBeGreaterThanOrEqual(1);
        for (const entry of complete) verifyCopy(folder, entry.id, key);
      }
    }
  });
});
