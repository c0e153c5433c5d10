import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../src-main/vault/backups/backup';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

/* backup fresh-set, in-process on a real encrypted vault with real backup folders. */

describe('backup fresh-set', () => {
  let root: string;
  let vault: string;
  let folder: string;
  const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

  beforeAll(async () => {
    root = makeTempDir('sole-notes-cli-fresh-set-');
    vault = path.join(root, 'vault');
    folder = path.join(root, 'backups');
    expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
    for (let made = 0; made < 3; made += 1) expect((await cli(['backup', 'now', '--vault', vault, '--to', folder], { env })).code).toBe(0);
  });
  afterAll(() => removeDir(root));

  it('makes one new copy, then removes the older ones, and says so', async () => {
    const before = listBackups(folder).map((entry) => entry.id);
    expect(before).toHaveLength(3);
    const run = await cli(['backup', 'fresh-set', '--vault', vault], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${folder}\tnew copy made\tolder copies removed: 3\n`);
    expect(run.stderr).toBe('Older copies removed: 3; one new copy made.\n');
    const after = listBackups(folder).map((entry) => entry.id);
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
    expect(fs.readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('exits 3 and removes nothing when the backup folder is on a drive that is not there', async () => {
    const json = await cli(['backup', 'fresh-set', '--vault', vault, '--json'], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ newCopies: 1, removed: 1, waiting: null });
    const settings = path.join(vault, 'vault.backup.json');
    const kept = listBackups(folder).map((entry) => entry.id);
    fs.writeFileSync(settings, JSON.stringify({ format: 'sole-notes-backup-settings', version: 1, folder: path.join(root, 'USB', 'gone'), keep: 10, automatic: null }));
    const run = await cli(['backup', 'fresh-set', '--vault', vault], { env });
    expect(run.code).toBe(3);
    expect(listBackups(folder).map((entry) => entry.id)).toEqual(kept);
  });
});
