import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoverNoteCreate } from '../../src-main/handover/substituteVault';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';
import { crashPointsFor, runChild, traceFileOps } from './crashAt';

/*
 * `handover back` killed before and after every file call it makes in the
 * substitute's vault and the chosen folder. Afterwards the substitute's work
 * is never lost: either the package is still there (and a new hand-back can
 * be made, and imports), or the hand-back file is complete and imports into
 * the owner's vault. Never neither.
 */

const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

let bundle: string;
let root: string;
let template: string;
let packageId: string;

interface Place {
  owner: string;
  substitute: string;
  out: string;
  packageFolder: string;
}

function copyOf(name: string): Place {
  const folder = path.join(root, name);
  fs.cpSync(template, folder, { recursive: true });
  return {
    owner: path.join(folder, 'owner'),
    substitute: path.join(folder, 'substitute'),
    out: path.join(folder, 'out'),
    packageFolder: path.join(folder, 'substitute', 'handovers', packageId),
  };
}

function backArgs(place: Place, file = path.join(place.out, 'back.solehandback')): string[] {
  return ['handover', 'back', '--vault', place.substitute, '--package', packageId, '--out', file];
}

/** The substitute's work reaches the owner: through the hand-back written, or through a new one from the package still there. */
async function expectWorkNotLost(place: Place, file: string, label: string): Promise<void> {
  const imported = fs.existsSync(file) ? await cli(['handover', 'import', '--vault', place.owner, file, '--json'], { env }) : null;
  if (imported?.code !== 0) {
    expect(fs.existsSync(place.packageFolder), `${label}: neither a hand-back that imports nor the package (${imported?.stderr ?? 'no file'})`).toBe(true);
    const again = await cli(backArgs(place, path.join(place.out, 'again.solehandback')), { env });
    expect(again.code, `${label}: ${again.stderr}`).toBe(0);
    const second = await cli(['handover', 'import', '--vault', place.owner, path.join(place.out, 'again.solehandback'), '--json'], { env });
    expect(second.code, `${label}: ${second.stderr}`).toBe(0);
    expect(JSON.parse(second.stdout), label).toMatchObject({ newNotes: 1 });
    return;
  }
  expect(JSON.parse(imported.stdout), label).toMatchObject({ newNotes: 1 });
}

beforeAll(async () => {
  bundle = await bundleChild('tests/faults/cliChild.ts');
  root = makeTempDir('sole-notes-handback-crash-');
  template = path.join(root, 'template');
  const owner = path.join(template, 'owner');
  const substitute = path.join(template, 'substitute');
  fs.mkdirSync(path.join(template, 'out'), { recursive: true });
  for (const vault of [owner, substitute]) expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
  expect((await cli(['student', 'add', '--vault', owner, '--code', 'A-1'], { env })).code).toBe(0);
  expect((await cli(['note', 'add', '--vault', owner, '--student', 'A-1', '--text', 'Talked about the robotics club.'], { env })).code).toBe(0);
  expect((await cli(['handover', 'key', '--vault', substitute, '--out', path.join(template, 'sub.solekey')], { env })).code).toBe(0);
  const created = await cli(
    ['handover', 'create', '--vault', owner, '--to', path.join(template, 'sub.solekey'), '--substitute', 'Dana Whitfield', '--from', day(-1), '--until', day(30), '--out', path.join(template, 'pkg.solehandover')],
    { env },
  );
  expect(created.code, created.stderr).toBe(0);
  packageId = created.stdout.trim();
  expect((await cli(['handover', 'open', '--vault', substitute, path.join(template, 'pkg.solehandover')], { env })).code).toBe(0);
  const session = new VaultSession(substitute, { kdf: TEST_KDF });
  await session.unlock(TEST_PASSPHRASE);
  try {
    handoverNoteCreate(session.data, session.folder, { packageId, body: 'Covered the Tuesday check-in.' });
  } finally {
    session.lock();
  }
}, 120_000);

afterAll(() => {
  if (bundle) removeBundle(bundle);
  if (root) removeDir(root);
});

describe('handover back killed at every file call', () => {
  it('a hand-back saved in the package\'s own folder is refused, and the work is not lost', async () => {
    const place = copyOf('in-package');
    const inside = path.join(place.packageFolder, 'back.solehandback');
    const run = runChild(bundle, backArgs(place, inside), { env });
    expect(run.status).toBe(1);
    await expectWorkNotLost(place, inside, 'inside the package folder');
  });

  it('leaves the package or a complete hand-back, never neither', async () => {
    const traced = copyOf('traced');
    const { run, ops } = traceFileOps(bundle, backArgs(traced), { env });
    expect(run.status, run.stderr).toBe(0);
    const points = crashPointsFor(ops, [traced.substitute, traced.out]);
    expect(points.length).toBeGreaterThan(10);
    expect(ops.some((op) => op.op === 'rm' && op.path === traced.packageFolder)).toBe(true);

    for (const [position, point] of points.entries()) {
      const place = copyOf(`crash-${position}`);
      const label = `${point.when} ${'label' in point ? point.label : ''} (#${position})`;
      const killed = runChild(bundle, backArgs(place), { env, crashAt: point });
      expect(killed.signal, `${label}: ${killed.stderr}`).toBe('SIGKILL');
      await expectWorkNotLost(place, path.join(place.out, 'back.solehandback'), label);
      removeDir(path.join(root, `crash-${position}`));
    }
  }, 600_000);
});
