import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoverResult, DisclosureResult } from '../../shared/api/handoverSchemas';
import type { ReportExportResult } from '../../shared/api/reportSchemas';
import type { Student } from '../../shared/api/schemas';
import { withPackageVault } from '../../src-main/handover/packageVault';
import { spkiPem } from '../../src-main/common/signing';
import { call, makeVault, type TestVault } from '../handover/fixtures';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { buildKnownMonth, KNOWN_MONTH, type manualClock } from './knownMonth';

/*
 * The names a worker knows students by never leave the vault by themselves
 * (issue 13 §2). Every student gets a distinctive name, every exporter runs
 * (the report export's five files, the district summary, a court-order
 * disclosure without the names chosen, a handover package without the tick,
 * the hand-back, the handover key file, a backup), and the bytes of every
 * file written anywhere under the test's folder, vaults and backups
 * included, are searched for the names. A disclosure with the names chosen
 * shows that the search would find them.
 */
const CANARY = 'Zebediah-canary';

describe('the names students are known by are in no export', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let students: Student[];
  let noteIds: string[];

  beforeAll(async () => {
    root = makeTempDir('sole-notes-names-canary-');
    [owner, substitute] = await Promise.all([makeVault(root, 'owner', '2026-03-01T15:00:00.000Z'), makeVault(root, 'substitute')]);
    const data = owner.session.data;
    buildKnownMonth(data, owner.clock as unknown as ReturnType<typeof manualClock>, { canaryTag: 'NMC' });
    students = data.students.list({ includeClosed: true });
    for (const [index, student] of students.entries()) data.students.update(student.id, { knownAs: `${CANARY}-${index} (Ms. Quimby, room 12)` });
    noteIds = data.notes.list({}).map((note) => note.id);
    // Follow-ups are the worker's own reminders: on every note and service, and in no package (below).
    for (const id of noteIds) data.followUps.set({ noteId: id, dueOn: '2026-04-07' });
    for (const service of data.services.list()) data.followUps.set({ serviceId: service.id, dueOn: '2026-04-08' });
    owner.clock.set('2026-04-06T10:00:00.000Z');
    substitute.clock.set('2026-04-06T10:00:00.000Z');
  });
  afterAll(() => {
    owner.session.lock();
    substitute.session.lock();
    removeDir(root);
  });

  it('every student has a name in the vault to leak', async () => {
    expect(students.length).toBeGreaterThan(10);
    expect((await call<Student[]>(owner, 'students.list', { includeClosed: true })).every((student) => student.knownAs?.startsWith(CANARY))).toBe(true);
    expect(noteIds.length).toBeGreaterThan(0);
  });

  it('runs every exporter, and no file written holds a name', async () => {
    const reportFolder = path.join(root, 'report');
    const report = await call<ReportExportResult>(owner, 'reports.export', { month: KNOWN_MONTH, folder: reportFolder });
    expect(report.files).toHaveLength(5);

    const keys = path.join(root, 'district-keys');
    fs.mkdirSync(keys);
    fs.writeFileSync(path.join(keys, 'owner.pem'), spkiPem(owner.session.data.keys.signingPublicKey().spki));
    const reportJson = report.files.find((file) => file.name.endsWith('.json'))?.path ?? '';
    const district = await cli(['district-summary', '--keys', keys, '--out', path.join(root, 'district'), reportJson]);
    expect(district.code, district.stderr).toBe(0);

    await call<DisclosureResult>(owner, 'disclosure.courtOrder', { noteIds, orderReference: 'Case 2026-CV-0142', file: path.join(root, 'disclosure.html') });

    const keyFile = path.join(root, 'substitute.solekey');
    await call(substitute, 'handover.exportKey', { file: keyFile, label: 'Dana Whitfield' });
    const packageFile = path.join(root, 'april.solehandover');
    const created = await call<CreateHandoverResult>(owner, 'handover.create', {
      students: 'caseload',
      substitute: 'Dana Whitfield',
      validFrom: '2026-04-06',
      validUntil: '2026-04-24',
      recipient: { kind: 'key', keyFile },
      file: packageFile,
    });
    await call(substitute, 'handover.open', { file: packageFile });
    // The package travels with its notes and services, never with their follow-ups.
    expect(owner.session.data.followUps.dueBy('2026-12-31').length).toBeGreaterThan(noteIds.length);
    withPackageVault(substitute.session.data, substitute.folder, created.packageId, (vault) => {
      expect(vault.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBeGreaterThan(0);
      expect(vault.db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
    });
    await call(substitute, 'handover.handBack', { packageId: created.packageId, file: path.join(root, 'april.solehandback') });
    await call(owner, 'handover.importHandBack', { file: path.join(root, 'april.solehandback') });

    await call(owner, 'backups.create', {});
    owner.session.lock();
    substitute.session.lock();

    const written = filesUnder(root);
    const kinds = written.map((file) => path.extname(file));
    for (const expected of ['.json', '.sig', '.pem', '.csv', '.html', '.solehandover', '.solehandback', '.solekey']) expect(kinds, expected).toContain(expected);
    expect(written.some((file) => file.includes('backup'))).toBe(true);
    expect(written.filter((file) => path.dirname(file) === path.join(root, 'district'))).toHaveLength(2);
    const leaks = written.filter((file) => fs.readFileSync(file).includes(Buffer.from(CANARY, 'utf8')));
    expect(leaks).toEqual([]);
  });
});

describe('a court-order disclosure with the names chosen', () => {
  it('prints the name beside the code, and only then', async () => {
    const root = makeTempDir('sole-notes-names-disclosure-');
    try {
      const worker = await makeVault(root, 'worker');
      const student = worker.session.data.students.create({ code: 'DC-1', knownAs: `${CANARY} Rivera` });
      const note = worker.session.data.notes.create({ studentId: student.id, body: 'Met about attendance.' });
      const without = path.join(root, 'without.html');
      const withNames = path.join(root, 'with.html');
      await call(worker, 'disclosure.courtOrder', { noteIds: [note.id], orderReference: 'Case 1', file: without });
      await call(worker, 'disclosure.courtOrder', { noteIds: [note.id], orderReference: 'Case 2', includeNames: true, file: withNames });
      expect(fs.readFileSync(without, 'utf8')).not.toContain(CANARY);
      expect(fs.readFileSync(withNames, 'utf8')).toContain(`${CANARY} Rivera`);
      expect(worker.session.data.audit.listByAction('disclosure.court_order').map((entry) => entry.details.names)).toEqual([true, false]); // newest first
      worker.session.lock();
    } finally {
      removeDir(root);
    }
  });
});

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
