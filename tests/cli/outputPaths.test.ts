import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoverNoteCreate } from '../../src-main/handover/substituteVault';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { TEST_KDF, TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

/*
 * Every command that writes a file the worker names refuses a place inside a
 * vault folder or a backup folder, and never replaces an existing file
 * unless told to with --replace (and never a folder, or a hand-back).
 */

const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = fs.readFileSync(file).toString('base64');
  }
  return files;
}

describe('output paths on the command line', () => {
  let root: string;
  let owner: string;
  let substitute: string;
  let packageId: string;
  let noteId: string;
  const file = (name: string) => path.join(root, name);

  beforeAll(async () => {
    root = makeTempDir('sole-notes-output-paths-');
    owner = file('owner');
    substitute = file('substitute');
    for (const vault of [owner, substitute]) expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
    expect((await cli(['student', 'add', '--vault', owner, '--code', 'A-1'], { env })).code).toBe(0);
    noteId = (await cli(['note', 'add', '--vault', owner, '--student', 'A-1', '--text', 'Talked about the chess club.'], { env })).stdout.trim();
    expect((await cli(['service', 'add', '--vault', owner, '--date', '2026-03-10', '--minutes', '30', '--kind', 'individual_session', '--student', 'A-1'], { env })).code).toBe(0);
    expect((await cli(['handover', 'key', '--vault', substitute, '--out', file('sub.solekey')], { env })).code).toBe(0);
    const created = await cli(
      ['handover', 'create', '--vault', owner, '--to', file('sub.solekey'), '--substitute', 'Dana Whitfield', '--from', day(-1), '--until', day(30), '--out', file('pkg.solehandover')],
      { env },
    );
    expect(created.code, created.stderr).toBe(0);
    packageId = created.stdout.trim();
    expect((await cli(['handover', 'open', '--vault', substitute, file('pkg.solehandover')], { env })).code).toBe(0);
    const session = new VaultSession(substitute, { kdf: TEST_KDF });
    await session.unlock(TEST_PASSPHRASE);
    try {
      handoverNoteCreate(session.data, session.folder, { packageId, body: 'Covered the Tuesday check-in.' });
    } finally {
      session.lock();
    }
  });
  afterAll(() => removeDir(root));

  it('refuses a hand-back saved inside the package\'s own folder, and the package stays', async () => {
    const packageFolder = path.join(substitute, 'handovers', packageId);
    const before = snapshot(packageFolder);
    for (const replace of [[], ['--replace']]) {
      const run = await cli(['handover', 'back', '--vault', substitute, '--package', packageId, '--out', path.join(packageFolder, 'back.solehandback'), ...replace], { env });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('is inside the Sole Notes vault folder; choose a place outside it');
    }
    expect(snapshot(packageFolder)).toEqual(before);
    const list = await cli(['handover', 'list', '--vault', substitute, '--json'], { env });
    expect(JSON.parse(list.stdout)).toMatchObject({ received: [{ packageId, status: 'open' }] });
  });

  it('refuses to write over the vault\'s own files, with or without --replace, and changes nothing', async () => {
    const before = snapshot(owner);
    const attempts: string[][] = [
      ['handover', 'key', '--vault', owner, '--out', path.join(owner, 'vault.keys.json')],
      ['handover', 'key', '--vault', substitute, '--out', path.join(owner, 'vault.keys.json')],
      ['disclose', '--vault', owner, '--order', 'CO-1', '--out', path.join(owner, 'vault.db'), noteId],
      ['handover', 'create', '--vault', owner, '--code', '--substitute', 'Sam Ortiz', '--from', day(-1), '--until', day(5), '--out', path.join(owner, 'x.solehandover')],
      ['report', '--vault', owner, '--month', '2026-03', '--out', owner],
      ['report', '--vault', owner, '--month', '2026-03', '--out', path.join(owner, 'reports')],
      ['report', '--vault', substitute, '--month', '2026-03', '--out', path.join(owner, 'reports')],
      ['year-report', '--vault', owner, '--school-year', '2025-26', '--out', owner],
      ['year-report', '--vault', owner, '--school-year', '2025-26', '--out', path.join(owner, 'reports')],
      ['district-summary', '--keys', root, '--out', owner, file('none.json')],
    ];
    for (const args of attempts) {
      for (const replace of [[], ['--replace']]) {
        const run = await cli([...args, ...replace], { env });
        expect(run.code, `${args.join(' ')} ${replace.join(' ')}: ${run.stderr}`).toBe(1);
        expect(run.stderr, args.join(' ')).toContain('is inside the Sole Notes vault folder; choose a place outside it');
      }
    }
    // Unlocking writes to the vault (its audit log), so compare what the commands could have destroyed.
    expect(Object.keys(snapshot(owner)).sort()).toEqual(Object.keys(before).sort());
    expect(snapshot(owner)['vault.keys.json']).toBe(before['vault.keys.json']);
    const notes = await cli(['note', 'list', '--vault', owner, '--json'], { env });
    expect(notes.code).toBe(0);
    expect(JSON.parse(notes.stdout)).toHaveLength(1);
  });

  it('refuses the backup folder, the default one and one the worker chose', async () => {
    const session = new VaultSession(owner, { kdf: TEST_KDF });
    await session.unlock(TEST_PASSPHRASE);
    try {
      await session.createBackup();
    } finally {
      session.lock();
    }
    const backups = path.join(root, 'backups');
    expect(fs.readdirSync(backups)).toHaveLength(1);
    const inBackups = await cli(['disclose', '--vault', owner, '--order', 'CO-1', '--out', path.join(backups, 'd.html'), noteId], { env });
    expect(inBackups.code).toBe(1);
    expect(inBackups.stderr).toContain('backup folder; choose a place outside it');
    // Without a vault open (district-summary), a backup folder is recognised by what it holds.
    const summary = await cli(['district-summary', '--keys', root, '--out', backups, file('none.json')], { env });
    expect(summary.code).toBe(1);
    expect(summary.stderr).toContain('backup folder; choose a place outside it');
    expect(fs.readdirSync(backups)).toHaveLength(1);

    // A folder the worker chose, not yet made: refused by the setting alone, for this vault's commands.
    const chosen = file('usb-backups');
    const settings = new VaultSession(owner, { kdf: TEST_KDF });
    await settings.unlock(TEST_PASSPHRASE);
    try {
      await settings.updateBackupSettings({ folder: chosen });
    } finally {
      settings.lock();
    }
    const inChosen = await cli(['report', '--vault', owner, '--month', '2026-03', '--out', path.join(chosen, 'reports')], { env });
    expect(inChosen.code).toBe(1);
    expect(inChosen.stderr).toContain('backup folder; choose a place outside it');
    expect(fs.existsSync(chosen)).toBe(false);
  });

  it('never replaces an existing file without --replace, and replaces it with', async () => {
    const keyFile = file('again.solekey');
    expect((await cli(['handover', 'key', '--vault', substitute, '--out', keyFile], { env })).code).toBe(0);
    fs.writeFileSync(keyFile, 'keep me');
    const refused = await cli(['handover', 'key', '--vault', substitute, '--out', keyFile], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${keyFile} already exists`);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe('keep me');
    expect((await cli(['handover', 'key', '--vault', substitute, '--out', keyFile, '--replace'], { env })).code).toBe(0);
    expect(fs.readFileSync(keyFile, 'utf8')).toContain('sole-notes/handover-key');

    const packageFile = file('pkg.solehandover');
    const packageBytes = fs.readFileSync(packageFile);
    const create = ['handover', 'create', '--vault', owner, '--code', '--substitute', 'Sam Ortiz', '--from', day(-1), '--until', day(5), '--out', packageFile];
    const notReplaced = await cli(create, { env });
    expect(notReplaced.code).toBe(1);
    expect(notReplaced.stderr).toContain('already exists');
    expect(fs.readFileSync(packageFile).equals(packageBytes)).toBe(true);

    const disclosure = file('disclosure.html');
    fs.writeFileSync(disclosure, 'an earlier disclosure');
    const disclose = ['disclose', '--vault', owner, '--order', 'CO-2', '--out', disclosure, noteId];
    expect((await cli(disclose, { env })).code).toBe(1);
    expect(fs.readFileSync(disclosure, 'utf8')).toBe('an earlier disclosure');
    expect((await cli([...disclose, '--replace'], { env })).code).toBe(0);
    expect(fs.readFileSync(disclosure, 'utf8')).toContain('CO-2');

    const out = file('summary');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'district-summary.csv'), 'earlier');
    const summary = ['district-summary', '--keys', root, '--out', out, file('none.json')];
    expect((await cli(summary, { env })).code).toBe(1);
    expect(fs.readdirSync(out)).toEqual(['district-summary.csv']);
    expect((await cli([...summary, '--replace'], { env })).code).toBe(5);
    expect(fs.readdirSync(out).sort()).toEqual(['district-summary.csv', 'district-summary.json']);
  });

  it('never replaces a folder or a hand-back, even with --replace', async () => {
    const folder = file('a-folder.solekey');
    fs.mkdirSync(folder);
    const onFolder = await cli(['handover', 'key', '--vault', substitute, '--out', folder, '--replace'], { env });
    expect(onFolder.code).toBe(1);
    expect(onFolder.stderr).toContain('is a folder');

    const handback = file('earlier.solehandback');
    fs.writeFileSync(handback, Buffer.concat([Buffer.from('SOLE-HB1', 'ascii'), Buffer.alloc(64, 7)]));
    const before = fs.readFileSync(handback);
    for (const args of [
      ['handover', 'key', '--vault', substitute, '--out', handback, '--replace'],
      ['disclose', '--vault', owner, '--order', 'CO-3', '--out', handback, '--replace', noteId],
      ['handover', 'back', '--vault', substitute, '--package', packageId, '--out', handback, '--replace'],
    ]) {
      const run = await cli(args, { env });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain('is already a hand-back');
    }
    expect(fs.readFileSync(handback).equals(before)).toBe(true);
  });

  it('a report for a month already saved in the folder is replaced only with --replace', async () => {
    const out = file('reports');
    const report = ['report', '--vault', owner, '--month', '2026-03', '--out', out];
    expect((await cli(report, { env })).code).toBe(0);
    const first = snapshot(out);
    const again = await cli(report, { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('The 2026-03 report is already saved in');
    expect(snapshot(out)).toEqual(first);
    const replaced = await cli([...report, '--replace'], { env });
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(Object.keys(first).sort());
    // Another month goes beside it without --replace: the key file is the same key.
    expect((await cli(['report', '--vault', owner, '--month', '2026-02', '--out', out], { env })).code).toBe(0);
  });
});
