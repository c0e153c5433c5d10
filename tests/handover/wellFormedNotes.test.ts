import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoverResult, HandbackResult, HandbackImportResult } from '../../shared/api/handoverSchemas';
import type { Note, NoteRevision, Student } from '../../shared/api/schemas';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { call, makeVault, type TestVault } from './fixtures';

/*
 * A note written with a lone surrogate (half of an emoji) used to be hashed
 * as given but stored with U+FFFD: its history then read as tampered, and the
 * hand-back carrying it was refused for ever. Now the text is made
 * well-formed before it is hashed or stored, on both sides of the handover.
 */
describe('a note with a lone surrogate travels through a handover and back', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-handover-surrogate-');
    [owner, substitute] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute')]);
  });
  afterAll(() => {
    owner.session.lock();
    substitute.session.lock();
    removeDir(root);
  });

  it('is handed over, edited, handed back and imported, and every history verifies', async () => {
    const student = await call<Student>(owner, 'students.create', { code: 'LS-1', grade: 6 });
    const note = await call<Note>(owner, 'notes.create', { studentId: student.id, body: 'Pasted from a message: \uD83D and then the plan.' });

    const keyFile = path.join(root, 'substitute.solekey');
    const packageFile = path.join(root, 'march.solehandover');
    const handbackFile = path.join(root, 'march.solehandback');
    await call(substitute, 'handover.exportKey', { file: keyFile, label: 'Dana' });
    const created = await call<CreateHandoverResult>(owner, 'handover.create', {
      students: [student.id],
      substitute: 'Dana \uDC00',
      ownerName: 'Jordan',
      validFrom: '2026-03-02',
      validUntil: '2026-03-27',
      recipient: { kind: 'key', keyFile },
      file: packageFile,
    });
    const packageId = created.packageId;

    substitute.clock.set('2026-03-05T08:00:00.000Z');
    await call(substitute, 'handover.open', { file: packageFile });
    const history = await call<NoteRevision[]>(substitute, 'handover.notes.history', { packageId, id: note.id });
    await call(substitute, 'handover.notes.update', { packageId, id: note.id, body: 'Substitute: \uDE00 met them on Tuesday.' });
    const added = await call<Note>(substitute, 'handover.notes.create', { packageId, studentId: student.id, body: 'New \uD800 note.' });


    substitute.clock.set('2026-03-28T09:00:00.000Z');
    await call<HandbackResult>(substitute, 'handover.handBack', { packageId, file: handbackFile });

    owner.clock.set('2026-03-30T09:00:00.000Z');
    const imported = await call<HandbackImportResult>(owner, 'handover.importHandBack', { file: handbackFile });
    expect(imported).toMatchObject({ newNotes: 1, changedNotes: 1 });
    const merged = await call<NoteRevision[]>(owner, 'notes.history', { id: note.id });
    expect(merged.map((revision) => revision.body)).toEqual(['Pasted from a message: \uFFFD and then the plan.', 'Substitute: \uFFFD met them on Tuesday.']);
    expect(verifyNoteHistory(merged)).toBe(true);
    expect(verifyNoteHistory(await call<NoteRevision[]>(owner, 'notes.history', { id: added.id }))).toBe(true);
    expect(owner.session.data.audit.verify().intact).toBe(true);
    expect(verifyNoteHistory(history)).toBe(true);
  });
});
