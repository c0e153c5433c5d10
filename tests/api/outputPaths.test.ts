import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeVault, refusal, seedOwner, type TestVault } from '../handover/fixtures';
import { makeTempDir, removeDir } from '../helpers/tempVault';

/*
 * Through the router (the renderer can pass any path to invoke): every
 * writer refuses the vault and backup folders, and answers CONFLICT for an
 * existing file unless `replace: true`.
 */

const INSIDE_VAULT = 'is inside the Sole Notes vault folder; choose a place outside it';

describe('output paths through the router', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let noteId: string;
  let packageId: string;
  const file = (name: string) => path.join(root, name);

  beforeAll(async () => {
    root = makeTempDir('sole-notes-api-output-');
    owner = await makeVault(root, 'owner');
    substitute = await makeVault(root, 'substitute');
    noteId = (await seedOwner(owner)).noteA.id;
    await call(substitute, 'handover.exportKey', { file: file('sub.solekey') });
    const created = await call<{ packageId: string }>(owner, 'handover.create', {
      students: 'caseload',
      substitute: 'Dana Whitfield',
      validFrom: '2026-03-01',
      validUntil: '2026-03-31',
      recipient: { kind: 'key', keyFile: file('sub.solekey') },
      file: file('pkg.solehandover'),
    });
    packageId = created.packageId;
    await call(substitute, 'handover.open', { file: file('pkg.solehandover') });
  });
  afterAll(() => {
    owner.session.lock();
    substitute.session.lock();
    removeDir(root);
  });

  it('refuses every writer a place inside the vault folder, replace or not, and nothing is written', async () => {
    const keys = path.join(owner.folder, 'vault.keys.json');
    const keysBefore = fs.readFileSync(keys);
    const entriesBefore = fs.readdirSync(owner.folder).sort();
    for (const replace of [false, true]) {
      const attempts: [TestVault, string, unknown][] = [
        [owner, 'handover.exportKey', { file: keys, replace }],
        [owner, 'disclosure.courtOrder', { noteIds: [noteId], orderReference: 'CO-1', file: path.join(owner.folder, 'vault.db'), replace }],
        [owner, 'reports.export', { month: '2026-02', folder: owner.folder, replace }],
        [owner, 'reports.export', { month: '2026-02', folder: path.join(owner.folder, 'reports'), replace }],
        [owner, 'reports.exportSchoolYear', { schoolYear: '2025-26', folder: owner.folder, replace }],
        [owner, 'reports.exportSchoolYear', { schoolYear: '2025-26', folder: path.join(owner.folder, 'reports'), replace }],
        [owner, 'selfEvaluation.export', { schoolYear: '2025-26', file: path.join(owner.folder, 'vault.db'), replace }],
        [
          owner,
          'handover.create',
          { students: 'caseload', substitute: 'Sam Ortiz', validFrom: '2026-03-01', validUntil: '2026-03-31', recipient: { kind: 'code' }, file: path.join(owner.folder, 'p.solehandover'), replace },
        ],
        [substitute, 'handover.handBack', { packageId, file: path.join(substitute.folder, 'handovers', packageId, 'back.solehandback'), replace }],
      ];
      for (const [vault, name, input] of attempts) {
        const error = await refusal(vault, name, input);
        expect(error.code, name).toBe('INVALID_INPUT');
        expect(error.message, name).toContain(INSIDE_VAULT);
      }
    }
    expect(fs.readFileSync(keys).equals(keysBefore)).toBe(true);
    expect(fs.readdirSync(owner.folder).sort()).toEqual(entriesBefore);
    expect(await call(substitute, 'handover.received')).toMatchObject([{ packageId, status: 'open' }]);
  });

  it('answers CONFLICT naming an existing file, and replaces it with replace: true', async () => {
    const target = file('order.html');
    fs.writeFileSync(target, 'an earlier disclosure');
    const input = { noteIds: [noteId], orderReference: 'CO-2', file: target };
    const error = await refusal(owner, 'disclosure.courtOrder', input);
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`${target} already exists`) });
    expect(fs.readFileSync(target, 'utf8')).toBe('an earlier disclosure');
    await call(owner, 'disclosure.courtOrder', { ...input, replace: true });
    expect(fs.readFileSync(target, 'utf8')).toContain('CO-2');

    expect(await refusal(substitute, 'handover.exportKey', { file: file('sub.solekey') })).toMatchObject({ code: 'CONFLICT' });
    await call(substitute, 'handover.exportKey', { file: file('sub.solekey'), replace: true });
    expect(
      await refusal(owner, 'handover.create', {
        students: 'caseload',
        substitute: 'Sam Ortiz',
        validFrom: '2026-03-01',
        validUntil: '2026-03-31',
        recipient: { kind: 'code' },
        file: file('pkg.solehandover'),
      }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('answers CONFLICT for a month already exported into the folder, and swaps it in with replace: true', async () => {
    const folder = file('reports');
    await call(owner, 'reports.export', { month: '2026-02', folder });
    const json = path.join(folder, 'service-report-2026-02.json');
    const first = fs.readFileSync(json);
    const error = await refusal(owner, 'reports.export', { month: '2026-02', folder });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`The 2026-02 report is already saved in ${folder}`);
    expect(fs.readFileSync(json).equals(first)).toBe(true);
    await call(owner, 'reports.export', { month: '2026-02', folder, replace: true });
    expect(fs.readdirSync(folder)).toHaveLength(5);
  });

  it('hands back with replace: true over an ordinary file, never over a hand-back', async () => {
    const target = file('back.solehandback');
    fs.writeFileSync(target, 'a file the save dialog agreed to replace');
    expect(await refusal(substitute, 'handover.handBack', { packageId, file: target })).toMatchObject({ code: 'CONFLICT' });
    const result = await call<{ path: string }>(substitute, 'handover.handBack', { packageId, file: target, replace: true });
    expect(result.path).toBe(target);
    expect(fs.readFileSync(target).subarray(0, 8).toString('ascii')).toBe('SOLE-HB1');
    expect(await refusal(owner, 'disclosure.courtOrder', { noteIds: [noteId], orderReference: 'CO-3', file: target, replace: true })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is already a hand-back'),
    });
    await call(owner, 'handover.importHandBack', { file: target });
  });
});
