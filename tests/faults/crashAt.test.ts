import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';
import { crashPointsFor, runChild, traceFileOps } from './crashAt';

/* The crash-at-a-chosen-call harness itself: it lists a run's file calls and stops the run exactly there. */

let cli: string;
let root: string;

beforeAll(async () => {
  cli = await bundleChild('tests/faults/cliChild.ts');
  root = makeTempDir('sole-notes-crash-at-');
}, 60_000);

afterAll(() => {
  if (cli) removeBundle(cli);
  if (root) removeDir(root);
});

describe('crash at a chosen file call', () => {
  it('lists the calls of a run and kills the run before or after the one named', () => {
    const traced = path.join(root, 'traced');
    const { run, ops } = traceFileOps(cli, ['init', '--vault', traced]);
    expect(run.status, run.stderr).toBe(0);
    const renames = ops.filter((op) => op.op === 'rename' && op.to === path.join(traced, 'vault.keys.json'));
    expect(renames).toHaveLength(1);
    expect(crashPointsFor(ops, [traced]).length).toBeGreaterThan(4);

    const before = path.join(root, 'before');
    const killedBefore = runChild(cli, ['init', '--vault', before], { crashAt: { op: 'rename', match: 'vault.keys.json', when: 'before' } });
    expect(killedBefore.signal).toBe('SIGKILL');
    expect(fs.existsSync(path.join(before, 'vault.keys.json'))).toBe(false);

    const after = path.join(root, 'after');
    const killedAfter = runChild(cli, ['init', '--vault', after], { crashAt: { op: 'rename', match: 'vault.keys.json', when: 'after' } });
    expect(killedAfter.signal).toBe('SIGKILL');
    expect(fs.existsSync(path.join(after, 'vault.keys.json'))).toBe(true);
  });
});
