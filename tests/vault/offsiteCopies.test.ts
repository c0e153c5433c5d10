import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shouldAskForSecondPlace } from '../../shared/domain/offsiteCopies';
import { listBackups } from '../../src-main/vault/backups/backup';
import { pollOffsiteOnce, startOffsitePoll } from '../../src-main/vault/backups/offsitePoll';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { rejectionCode } from './vaultFolder';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let root: string;
let now: number;
let session: VaultSession;
let usb: string;

function clock(): Date {
  now += 1000;
  return new Date(now);
}

beforeEach(async () => {
  root = makeTempDir();
  now = Date.parse('2026-11-02T08:00:00.000Z');
  usb = path.join(root, 'media', 'USB DRIVE', 'Sole Notes copies');
  session = new VaultSession(path.join(root, 'data', 'vault'), {
    kdf: TEST_KDF,
    clock,
    backups: { automatic: true, defaultFolder: path.join(root, 'data', 'backups') },
  });
  await session.create(TEST_PASSPHRASE);
  session.data.notes.create({ body: 'Met at the library to plan the week.' });
});

afterEach(() => {
  session.lock();
  removeDir(root);
});

describe('a second place for copies, off this laptop', () => {
  it('is kept in the backup settings beside the first, and must be there when chosen', async () => {
    expect(session.listBackups().offsite).toBeNull();
    expect(await rejectionCode(session.updateBackupSettings({ offsite: { folder: usb, kind: 'usb' } }))).toBe('INVALID_INPUT');
    expect(await rejectionCode(session.updateBackupSettings({ offsite: { folder: path.join(session.folder, 'x'), kind: 'usb' } }))).toBe('INVALID_INPUT');
    fs.mkdirSync(usb, { recursive: true });
    const settings = await session.updateBackupSettings({ offsite: { folder: usb, kind: 'usb' } });
    expect(settings.offsite).toEqual({ folder: usb, kind: 'usb', lastCopyAt: null });
    expect(settings.folder).toBe(path.join(root, 'data', 'backups'));
    expect(session.listBackups().offsite).toEqual({ folder: usb, kind: 'usb', lastCopyAt: null, reachable: true });
  });

  it('gets a copy as the vault locks, remembers when, and says it cannot see the drive once it is pulled out', async () => {
    fs.mkdirSync(usb, { recursive: true });
    await session.updateBackupSettings({ offsite: { folder: usb, kind: 'usb' } });
    session.lock();
    const [copy] = listBackups(usb);
    expect(copy).toBeDefined();
    expect(listBackups(path.join(root, 'data', 'backups'))).toHaveLength(1);
    expect(session.listBackups().offsite).toEqual({ folder: usb, kind: 'usb', lastCopyAt: copy?.manifest.createdAt, reachable: true });

    fs.rmSync(path.join(root, 'media', 'USB DRIVE'), { recursive: true });
    const unplugged = session.listBackups().offsite;
    expect(unplugged).toEqual({ folder: usb, kind: 'usb', lastCopyAt: copy?.manifest.createdAt, reachable: false });
    // Locking with the drive out still makes the copy on the laptop, and no folder where the drive was.
    await session.unlock(TEST_PASSPHRASE);
    now += 2 * DAY;
    session.lock();
    expect(fs.existsSync(usb)).toBe(false);
    expect(listBackups(path.join(root, 'data', 'backups'))).toHaveLength(2);
  });

  it('is copied to when the drive appears while unlocked, at most once per interval', async () => {
    fs.mkdirSync(usb, { recursive: true });
    await session.updateBackupSettings({ offsite: { folder: usb, kind: 'usb' } });
    const drive = path.join(root, 'media', 'USB DRIVE');
    fs.rmSync(drive, { recursive: true });

    expect(await pollOffsiteOnce(session)).toBe(false); // not plugged in
    fs.mkdirSync(usb, { recursive: true }); // plugged in
    expect(await pollOffsiteOnce(session)).toBe(true);
    expect(listBackups(usb)).toHaveLength(1);
    expect(await pollOffsiteOnce(session)).toBe(false); // a copy an hour old is recent enough
    now += DAY + HOUR;
    expect(await pollOffsiteOnce(session)).toBe(true);
    expect(listBackups(usb)).toHaveLength(2);

    session.lock();
    now += 2 * DAY;
    expect(await pollOffsiteOnce(session)).toBe(false); // locked: no key, no copy
  });

  it('runs the look on a timer and stops with the window', async () => {
    fs.mkdirSync(usb, { recursive: true });
    await session.updateBackupSettings({ offsite: { folder: usb, kind: 'usb' } });
    let tick: (() => void) | null = null;
    let cleared = false;
    const copied = new Promise<void>((resolve) => {
      const stop = startOffsitePoll({
        session,
        onCopied: resolve,
        setInterval: (run) => {
          tick = run;
          return 1;
        },
        clearInterval: () => {
          cleared = true;
        },
      });
      (tick as (() => void) | null)?.();
      stop();
    });
    await copied;
    expect(cleared).toBe(true);
    expect(listBackups(usb)).toHaveLength(1);
  });

  it('remembers "Not now" for a week and "Don\'t ask again" for good', async () => {
    const asked = () => shouldAskForSecondPlace(session.backupSettings(), new Date(now));
    expect(asked()).toBe(true);
    await session.updateBackupSettings({ offsitePrompt: 'later' });
    expect(session.backupSettings().offsitePrompt?.answer).toBe('later');
    expect(asked()).toBe(false);
    now += 6 * DAY;
    expect(asked()).toBe(false);
    now += DAY;
    expect(asked()).toBe(true);
    await session.updateBackupSettings({ offsitePrompt: 'never' });
    now += 365 * DAY;
    expect(asked()).toBe(false);
    fs.mkdirSync(usb, { recursive: true });
    await session.updateBackupSettings({ offsite: { folder: usb, kind: 'usb' } });
    expect(shouldAskForSecondPlace(session.backupSettings(), new Date(now))).toBe(false);
  });
});
