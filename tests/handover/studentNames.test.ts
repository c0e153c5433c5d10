import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoverResult, HandbackResult } from '../../shared/api/handoverSchemas';
import type { Student } from '../../shared/api/schemas';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { call, makeVault, type TestVault } from './fixtures';

/*
 * The names the owner knows students by go into a handover package only when
 * the owner ticks "Include the names you use for these students": without the
 * tick the substitute sees codes alone, and neither the package nor the
 * hand-back holds a name; with it, the substitute's screens show them.
 */
const NAME = 'Zebediah-canary-handover';

describe('handover and the names students are known by', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let studentIds: string[];

  beforeAll(async () => {
    root = makeTempDir('sole-notes-handover-names-');
    [owner, substitute] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute')]);
    const data = owner.session.data;
    const named = data.students.create({ code: 'NM-1', grade: 6, knownAs: `${NAME} one` });
    const plain = data.students.create({ code: 'NM-2', grade: 7, knownAs: `${NAME} two` });
    data.notes.create({ studentId: named.id, body: 'Talked about the bus.' });
    data.services.create({ date: '2026-02-24', minutes: 30, kind: 'group_session', studentIds: [named.id, plain.id] });
    studentIds = [named.id, plain.id];
  });
  afterAll(() => {
    owner.session.lock();
    substitute.session.lock();
    removeDir(root);
  });

  async function handOver(file: string, includeNames: boolean | undefined): Promise<{ created: CreateHandoverResult; students: Student[] }> {
    const created = await call<CreateHandoverResult>(owner, 'handover.create', {
      students: studentIds,
      substitute: 'Dana Whitfield',
      validFrom: '2026-03-02',
      validUntil: '2026-03-27',
      recipient: { kind: 'code' },
      file,
      ...(includeNames === undefined ? {} : { includeNames }),
    });
    substitute.clock.set('2026-03-05T08:00:00.000Z');
    await call(substitute, 'handover.open', { file, code: created.code });
    const students = await call<Student[]>(substitute, 'handover.students.list', { packageId: created.packageId });
    return { created, students };
  }

  it('without the tick: the substitute sees codes only, and no file holds a name', async () => {
    const file = path.join(root, 'plain.solehandover');
    const { created, students } = await handOver(file, undefined);
    expect(students.map((student) => [student.code, student.knownAs])).toEqual([
      ['NM-1', null],
      ['NM-2', null],
    ]);
    expect(owner.session.data.audit.listByAction('handover.created')[0]?.details).toMatchObject({ packageId: created.packageId, names: false });
    const received = path.join(substitute.folder, 'handovers');
    for (const written of [file, ...filesUnder(received)]) expect(fs.readFileSync(written).includes(Buffer.from(NAME)), written).toBe(false);

    const handback = path.join(root, 'plain.solehandback');
    await call<HandbackResult>(substitute, 'handover.handBack', { packageId: created.packageId, file: handback });
    expect(fs.readFileSync(handback).includes(Buffer.from(NAME))).toBe(false);
  });

  it('with the tick: the substitute sees the names beside the codes', async () => {
    const { created, students } = await handOver(path.join(root, 'named.solehandover'), true);
    expect(students.map((student) => [student.code, student.knownAs])).toEqual([
      ['NM-1', `${NAME} one`],
      ['NM-2', `${NAME} two`],
    ]);
    const entry = owner.session.data.audit.listByAction('handover.created').find((item) => item.details.packageId === created.packageId);
    expect(entry?.details).toMatchObject({ names: true });
  });
});

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
