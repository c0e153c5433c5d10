import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/api/draftSchemas';
import type { CreateHandoverResult, HandbackImportResult } from '../../shared/api/handoverSchemas';
import type { NoteSummary } from '../../shared/api/schemas';
import { withPackageVault } from '../../src-main/handover/packageVault';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { call, fileHas, makeVault, refusal, seedOwner, type TestVault } from './fixtures';

/*
 * Unfinished notes never travel. The package is built from the tables it
 * names (handover/packageDatabase.ts selects students, services, notes and
 * their revisions, categories — never `drafts`), so the owner's drafts stay
 * home. On the substitute's side a package note's draft is kept in the
 * substitute's own vault under the package's id, never in the package and so
 * never in the hand-back, and it is deleted when the package is handed back.
 */

const OWNER_DRAFT = 'GANNET-DRAFT-5521 half a sentence';
const SUBSTITUTE_DRAFT = 'PUFFIN-DRAFT-7730 not finished';
const SAVED_DRAFT = 'MARTEN-DRAFT-3318 said she has depression';

describe('drafts and the handover', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let created: CreateHandoverResult;
  let packageFile: string;
  let seeded: Awaited<ReturnType<typeof seedOwner>>;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-drafts-handover-');
    [owner, substitute] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute')]);
    seeded = await seedOwner(owner);
    await call(owner, 'drafts.put', { context: { kind: 'note', noteId: seeded.noteA.id, studentId: seeded.handed.id, serviceId: null }, body: OWNER_DRAFT, cursor: 3 });
    await call(owner, 'drafts.put', { context: { kind: 'note', noteId: null, studentId: seeded.handed.id, serviceId: null }, body: OWNER_DRAFT, cursor: 3 });
    expect(await call<Draft[]>(owner, 'drafts.list')).toHaveLength(2);
    packageFile = path.join(root, 'drafts.solehandover');
    created = await call<CreateHandoverResult>(owner, 'handover.create', {
      students: [seeded.handed.id],
      substitute: 'Sam Ortiz',
      validFrom: '2026-03-01',
      validUntil: '2026-03-14',
      recipient: { kind: 'code' },
      file: packageFile,
    });
    substitute.clock.set('2026-03-03T09:00:00.000Z');
    await call(substitute, 'handover.open', { file: packageFile, code: created.code });
  });
  afterAll(() => {
    owner.session.lock();
    substitute.session.lock();
    removeDir(root);
  });

  it("the package holds none of the owner's drafts: its drafts table is empty and no note or revision has the text", () => {
    expect(fileHas(packageFile, OWNER_DRAFT)).toBe(false);
    withPackageVault(substitute.session.data, substitute.folder, created.packageId, (vault) => {
      expect(vault.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
      const tables = vault.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      for (const table of tables) expect(JSON.stringify(vault.db.prepare(`SELECT * FROM "${table}"`).all()), table).not.toContain('GANNET-DRAFT');
    });
  });

  it("a package note's draft, with the words it held, is gone once the substitute saves the note, whether still waiting or already written", async () => {
    const noteId = seeded.noteA.id;
    const edit = { kind: 'package-note', packageId: created.packageId, noteId, studentId: seeded.handed.id } as const;
    await call(substitute, 'drafts.put', { context: edit, body: SAVED_DRAFT, cursor: 3 });
    expect(await call(substitute, 'drafts.get', { context: edit })).toMatchObject({ body: SAVED_DRAFT }); // written now
    await call(substitute, 'handover.notes.update', { packageId: created.packageId, id: noteId, body: 'Covered the check-in; nothing new.' });
    expect(await call(substitute, 'drafts.get', { context: edit })).toBeNull();

    // A new note's draft, still waiting in memory when the note is saved.
    const fresh = { kind: 'package-note', packageId: created.packageId, noteId: null, studentId: seeded.handed.id } as const;
    await call(substitute, 'drafts.put', { context: fresh, body: SAVED_DRAFT, cursor: 3 });
    await call(substitute, 'handover.notes.create', { packageId: created.packageId, studentId: seeded.handed.id, body: 'Lunch check-in went fine.' });
    expect(await call(substitute, 'drafts.get', { context: fresh })).toBeNull();
    expect(substitute.session.data.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
  });

  it("a package note's draft is kept in the substitute's vault, never in the package, and goes at the hand-back", async () => {
    const packageNotes = await call<NoteSummary[]>(substitute, 'handover.notes.list', { packageId: created.packageId });
    const context = { kind: 'package-note', packageId: created.packageId, noteId: packageNotes[0]?.id ?? null, studentId: seeded.handed.id } as const;
    await call(substitute, 'drafts.put', { context, body: SUBSTITUTE_DRAFT, cursor: 5 });
    expect(await call<Draft[]>(substitute, 'drafts.list')).toMatchObject([{ context, body: SUBSTITUTE_DRAFT, cursor: 5 }]);
    withPackageVault(substitute.session.data, substitute.folder, created.packageId, (vault) => {
      expect(vault.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    });

    const handbackFile = path.join(root, 'drafts.solehandback');
    await call(substitute, 'handover.handBack', { packageId: created.packageId, file: handbackFile });
    expect(await call<Draft[]>(substitute, 'drafts.list')).toEqual([]);
    expect((await refusal(substitute, 'drafts.put', { context, body: 'after the hand-back', cursor: 0 })).code).toBe('NOT_FOUND');

    await call<HandbackImportResult>(owner, 'handover.importHandBack', { file: handbackFile });
    const bodies = owner.session.data.db.prepare('SELECT body FROM notes UNION ALL SELECT body FROM note_revisions').pluck().all() as string[];
    expect(bodies.some((body) => body.includes('PUFFIN-DRAFT'))).toBe(false);
    // The owner's own drafts are still theirs, untouched by the package and the hand-back.
    expect((await call<Draft[]>(owner, 'drafts.list')).map((draft) => draft.body)).toEqual([OWNER_DRAFT, OWNER_DRAFT]);
  });
});
