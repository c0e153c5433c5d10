import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOutputFile,
  checkOutputFolder,
  isSameOrInside,
  realOutputPath,
  rulesWithoutVault,
  vaultOutputRules,
  type OutputRules,
} from '../../src-main/files/outputPath';
import { makeTempDir, removeDir } from '../helpers/tempVault';

/*
 * The one guard of every file the worker names for writing: never inside a
 * vault folder or a backup folder (symbolic links and `..` cannot get around
 * it), never over an existing file unless the worker chose to replace it,
 * and never over a folder, a non-regular file or a hand-back.
 */

let root: string;
let vault: string;
let backups: string;
let elsewhere: string;
const INSIDE_VAULT = 'is inside the Sole Notes vault folder; choose a place outside it';
const INSIDE_BACKUPS = 'backup folder; choose a place outside it';

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

/** The rules of a session on `vault` (backups in the default folder beside it), or of no session at all. */
function rules(options: { session?: boolean; replace?: boolean; backupFolder?: string } = {}): OutputRules {
  const replace = options.replace ?? false;
  if (options.session === false) return rulesWithoutVault(replace);
  return vaultOutputRules({ folder: vault, backupSettings: () => ({ folder: options.backupFolder ?? backups }) }, replace);
}

beforeAll(() => {
  root = makeTempDir('sole-notes-output-path-');
  vault = path.join(root, 'vault');
  backups = path.join(root, 'backups');
  elsewhere = path.join(root, 'documents');
  fs.mkdirSync(vault);
  fs.writeFileSync(path.join(vault, 'vault.keys.json'), '{}');
  fs.writeFileSync(path.join(vault, 'vault.db'), 'database');
  fs.mkdirSync(path.join(vault, 'handovers', '4b0c7f0e-0000-4000-8000-000000000001'), { recursive: true });
  const backup = path.join(backups, 'sole-notes-backup-20260301T090000000Z-ab12');
  fs.mkdirSync(backup, { recursive: true });
  fs.writeFileSync(path.join(backup, 'backup.json'), '{}');
  fs.writeFileSync(path.join(backup, 'vault.keys.json'), '{}');
  fs.mkdirSync(elsewhere);
});
afterAll(() => removeDir(root));

describe('the output path guard', () => {
  it('refuses the vault folder itself, its keys file, its database and a package folder inside it, with or without a session', () => {
    const places = [
      vault,
      path.join(vault, 'vault.keys.json'),
      path.join(vault, 'vault.db'),
      path.join(vault, 'handovers', '4b0c7f0e-0000-4000-8000-000000000001', 'back.solehandback'),
      path.join(vault, 'not-yet', 'made', 'report.html'),
    ];
    for (const place of places) {
      for (const session of [true, false]) {
        for (const replace of [false, true]) {
          const error = refusal(() => checkOutputFile(place, 'file', rules({ session, replace })));
          expect(error, place).toMatchObject({ code: 'INVALID_INPUT' });
          expect(error.message).toContain(INSIDE_VAULT);
        }
      }
      expect(refusal(() => checkOutputFolder(place, 'folder', rules())).message).toContain(INSIDE_VAULT);
    }
  });

  it('resolves `..` before comparing', () => {
    const sneaky = path.join(elsewhere, '..', 'vault', 'vault.keys.json');
    expect(refusal(() => checkOutputFile(sneaky, 'file', rules({ replace: true }))).message).toContain(INSIDE_VAULT);
    const fine = path.join(vault, '..', 'documents', 'key.solekey');
    expect(checkOutputFile(fine, 'file', rules())).toBe(path.join(elsewhere, 'key.solekey'));
  });

  it('follows symbolic links: a linked folder, a link to the keys file, and a link under a folder not made yet', () => {
    const linkedFolder = path.join(elsewhere, 'shortcut');
    fs.symlinkSync(vault, linkedFolder);
    const linkedKeys = path.join(elsewhere, 'keys.solekey');
    fs.symlinkSync(path.join(vault, 'vault.keys.json'), linkedKeys);
    for (const session of [true, false]) {
      expect(refusal(() => checkOutputFile(path.join(linkedFolder, 'vault.db'), 'file', rules({ session, replace: true }))).message).toContain(INSIDE_VAULT);
      expect(refusal(() => checkOutputFile(linkedKeys, 'file', rules({ session, replace: true }))).message).toContain(INSIDE_VAULT);
      expect(refusal(() => checkOutputFolder(path.join(linkedFolder, 'reports', 'march'), 'folder', rules({ session }))).message).toContain(INSIDE_VAULT);
    }
    expect(realOutputPath(path.join(linkedFolder, 'a', 'b'))).toBe(path.join(fs.realpathSync(vault), 'a', 'b'));
  });

  it('refuses the backup folder (default or chosen) and any folder holding backups, with or without a session', () => {
    for (const session of [true, false]) {
      const error = refusal(() => checkOutputFile(path.join(backups, 'report.html'), 'file', rules({ session })));
      expect(error).toMatchObject({ code: 'INVALID_INPUT' });
      expect(error.message).toContain(INSIDE_BACKUPS);
      expect(refusal(() => checkOutputFolder(backups, 'folder', rules({ session }))).message).toContain(INSIDE_BACKUPS);
    }
    // A chosen folder is refused by the setting alone, even before a backup was made in it.
    const usb = path.join(root, 'usb');
    expect(refusal(() => checkOutputFolder(path.join(usb, 'reports'), 'folder', rules({ backupFolder: usb }))).message).toContain(INSIDE_BACKUPS);
    expect(checkOutputFolder(path.join(usb, 'reports'), 'folder', rules())).toBe(path.join(usb, 'reports'));
    // A backup being written is recognised too.
    const writing = path.join(root, 'stick');
    fs.mkdirSync(path.join(writing, '.partial-sole-notes-backup-20260301T090000000Z-cd34'), { recursive: true });
    expect(refusal(() => checkOutputFile(path.join(writing, 'x.html'), 'file', rules({ session: false }))).message).toContain(INSIDE_BACKUPS);
  });

  it('lets a file be written elsewhere, and replaces an existing one only when the worker chose to', () => {
    const file = path.join(elsewhere, 'disclosure.html');
    expect(checkOutputFile(file, 'file', rules())).toBe(file);
    fs.writeFileSync(file, 'earlier');
    const error = refusal(() => checkOutputFile(file, 'file', rules()));
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toContain(`${file} already exists`);
    expect(checkOutputFile(file, 'file', rules({ replace: true }))).toBe(file);
  });

  it('never replaces a folder, a non-regular file or a hand-back, even when told to', () => {
    const folder = path.join(elsewhere, 'a-folder.html');
    fs.mkdirSync(folder);
    expect(refusal(() => checkOutputFile(folder, 'file', rules({ replace: true })))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('is a folder') });
    const link = path.join(elsewhere, 'link.html');
    fs.symlinkSync(path.join(elsewhere, 'nowhere.html'), link);
    expect(refusal(() => checkOutputFile(link, 'file', rules({ replace: true })))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('not an ordinary file') });
    const handback = path.join(elsewhere, 'dana.solehandback');
    fs.writeFileSync(handback, Buffer.concat([Buffer.from('SOLE-HB1', 'ascii'), Buffer.alloc(32)]));
    expect(refusal(() => checkOutputFile(handback, 'file', rules({ replace: true })))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('is already a hand-back') });
  });

  it('refuses a relative path and a missing folder', () => {
    expect(refusal(() => checkOutputFile('relative.html', 'file', rules()))).toMatchObject({ code: 'INVALID_INPUT', message: 'file: choose the file by its full path.' });
    expect(refusal(() => checkOutputFile(path.join(elsewhere, 'missing', 'x.html'), 'file', rules()))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('does not exist') });
  });

  it('compares case-insensitively where the file system ignores case (macOS, Windows)', () => {
    const upper = path.join(root.toUpperCase(), 'VAULT', 'vault.db');
    expect(isSameOrInside(upper, path.join(root, 'vault'), true)).toBe(true);
    expect(isSameOrInside(upper, path.join(root, 'vault'), false)).toBe(false);
    expect(isSameOrInside(path.join(root, 'vault'), path.join(root, 'vault'), false)).toBe(true);
    // A sibling whose name starts like the vault's, or with two dots, is not inside it.
    expect(isSameOrInside(path.join(root, 'vault-old', 'x'), path.join(root, 'vault'), false)).toBe(false);
    expect(isSameOrInside(path.join(root, 'vault', '..notes'), path.join(root, 'vault'), false)).toBe(true);
    expect(isSameOrInside(root, path.join(root, 'vault'), false)).toBe(false);
  });
});
