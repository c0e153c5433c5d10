import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../src-main/vault/backups/backup';
import { verifyCopy } from '../../src-main/vault/backups/freshBackupSet';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { vaultDataKey } from '../helpers/vaultDisk';
import { bundleChild, removeBundle } from './childBundle';
import { crashPointsFor, runChild, traceFileOps, type CrashPoint } from './crashAt';

/*
 * `backup fresh-set` killed before and after every file call it makes in the
 * backup folder. Wherever it stops, the folder holds at least one complete
 * backup of the vault whose files match its description and whose database
 * opens with the key; and running it again leaves exactly one, and nothing
 * half removed.
 */

const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

let bundle: string;
let root: string;
let template: string;

function copyOf(name: string): { vault: string; backups: string } {
  const folder = path.join(root, name);
  fs.cpSync(template, folder, { recursive: true });
  return { vault: path.join(folder, 'vault'), backups: path.join(folder, 'backups') };
}

/** At least one backup is listed, and every one listed is whole and opens with the key. */
async function expectCompleteCopy(backups: string, label: string): Promise<void> {
  const listed = listBackups(backups);
  expect(listed.length, `${label}: no backup left`).toBeGreaterThanOrEqual(1);
  for (const entry of listed) verifyCopy(backups, entry.id, await vaultDataKey(entry.dir));
}

beforeAll(async () => {
  bundle = await bundleChild('tests/faults/cliChild.ts');
  root = makeTempDir('sole-notes-fresh-set-crash-');
  template = path.join(root, 'template');
  const vault = path.join(template, 'vault');
  expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
  expect((await cli(['note', 'add', '--vault', vault, '--file', '-'], { env, stdin: 'Planned the week with the counselor.' })).code).toBe(0);
  // Two older backups in the backup folder beside the vault (its default).
  for (let made = 0; made < 2; made += 1) expect((await cli(['backup', 'now', '--vault', vault], { env })).code).toBe(0);
  expect(listBackups(path.join(template, 'backups'))).toHaveLength(2);
}, 120_000);

afterAll(() => {
  if (bundle) removeBundle(bundle);
  if (root) removeDir(root);
});

describe('a fresh backup set killed at every file call in the backup folder', () => {
  it('always leaves a complete copy, and the next run leaves exactly one', async () => {
    const traced = copyOf('traced');
    const { run, ops } = traceFileOps(bundle, ['backup', 'fresh-set', '--vault', traced.vault], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(listBackups(traced.backups)).toHaveLength(1);
    // Reads are not where a crash can lose anything; every write, rename and removal is.
    const points: CrashPoint[] = crashPointsFor(ops, [traced.backups]).filter((point) => !('label' in point && point.label?.startsWith('open ')));
    // The new copy's folder, files, description and rename; then each older copy's rename and removal.
    expect(points.length).toBeGreaterThanOrEqual(16);

    for (const [position, point] of points.entries()) {
      const place = copyOf(`crash-${position}`);
      const label = `${point.when} ${'label' in point ? point.label : ''} (#${position})`;
      const killed = runChild(bundle, ['backup', 'fresh-set', '--vault', place.vault], { env, crashAt: point });
      expect(killed.signal, `${label}: ${killed.stderr}`).toBe('SIGKILL');
      await expectCompleteCopy(place.backups, label);

      const again = await cli(['backup', 'fresh-set', '--vault', place.vault], { env });
      expect(again.code, `${label}: ${again.stderr}`).toBe(0);
      expect(listBackups(place.backups), label).toHaveLength(1);
      await expectCompleteCopy(place.backups, label);
      expect(fs.readdirSync(place.backups).filter((name) => name.startsWith('.partial-removing-')), label).toEqual([]);
      removeDir(path.join(root, `crash-${position}`));
    }
  }, 600_000);
});
