import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureResult, NoteRelease } from '../../shared/api/handoverSchemas';
import type { Note, NoteRevision } from '../../shared/api/schemas';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { call, makeVault, refusal, seedOwner, type TestVault } from './fixtures';

describe('releasing a note to another agency', () => {
  let root: string;
  let owner: TestVault;
  let seeded: Awaited<ReturnType<typeof seedOwner>>;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-release-');
    owner = await makeVault(root, 'owner', '2026-04-06T14:00:00.000Z');
    seeded = await seedOwner(owner);
  });
  afterAll(() => {
    owner.session.lock();
    removeDir(root);
  });

  it('turns it into a record: status released, a new revision with the same text, the release kept, an audit entry', async () => {
    const before = owner.session.data.notes.get(seeded.noteA.id);
    const result = await call<{ note: Note; release: NoteRelease; notice: string }>(owner, 'notes.release', {
      id: seeded.noteA.id,
      agency: 'County Children’s Services',
      reason: 'Referral, with the parent’s written consent.',
    });
    expect(result.note).toMatchObject({ id: seeded.noteA.id, status: 'released', revision: before.revision + 1, body: before.body });
    expect(result.release).toMatchObject({ agency: 'County Children’s Services', releasedOn: '2026-04-06', revision: before.revision + 1 });
    expect(result.notice).toMatch(/no longer a personal note/);

    const history = await call<NoteRevision[]>(owner, 'notes.history', { id: seeded.noteA.id });
    expect(history.map((revision) => revision.status)).toEqual(['personal', 'personal', 'released']);
    expect(history.at(-1)?.body).toBe(history.at(-2)?.body);
    expect(verifyNoteHistory(history)).toBe(true);
    expect(owner.session.data.audit.listByAction('note.released')[0]?.details).toMatchObject({
      noteId: seeded.noteA.id,
      agency: 'County Children’s Services',
      reason: 'Referral, with the parent’s written consent.',
      releasedOn: '2026-04-06',
    });
    expect((await call<Note[]>(owner, 'notes.list', {})).find((note) => note.id === seeded.noteA.id)?.status).toBe('released');
  });

  it('keeps the note released through later edits, and records a second release without another status revision', async () => {
    const edited = owner.session.data.notes.update(seeded.noteA.id, { body: 'Released, then corrected a date.' });
    expect(edited.status).toBe('released');
    const again = await call<{ note: Note }>(owner, 'notes.release', { id: seeded.noteA.id, agency: 'District nurse', reason: 'Health plan.', releasedOn: '2026-04-01' });
    expect(again.note.revision).toBe(edited.revision);
    const releases = await call<NoteRelease[]>(owner, 'notes.releases', { id: seeded.noteA.id });
    expect(releases.map((release) => release.agency)).toEqual(['County Children’s Services', 'District nurse']);
    expect(await call(owner, 'notes.releases', { id: seeded.noteB.id })).toEqual([]);
  });

  it('refuses a release dated in the future and an unknown note', async () => {
    expect((await refusal(owner, 'notes.release', { id: seeded.noteB.id, agency: 'X', reason: 'Y', releasedOn: '2026-04-07' })).code).toBe('INVALID_INPUT');
    expect((await refusal(owner, 'notes.release', { id: crypto.randomUUID(), agency: 'X', reason: 'Y' })).code).toBe('NOT_FOUND');
    expect(owner.session.data.notes.get(seeded.noteB.id).status).toBe('personal');
  });
});

describe('a court-order disclosure', () => {
  let root: string;
  let owner: TestVault;
  let seeded: Awaited<ReturnType<typeof seedOwner>>;
  let result: DisclosureResult;
  let html: string;
  const ORDER = 'Case 2026-CV-0142 <Family Court>';

  beforeAll(async () => {
    root = makeTempDir('sole-notes-disclosure-');
    owner = await makeVault(root, 'owner', '2026-04-06T14:00:00.000Z');
    seeded = await seedOwner(owner);
    owner.session.data.notes.update(seeded.noteB.id, { body: 'He wrote <script>alert(1)</script> & left.' });
    await call(owner, 'notes.release', { id: seeded.noteB.id, agency: 'Juvenile Probation', reason: 'Court order.' });
    result = await call<DisclosureResult>(owner, 'disclosure.courtOrder', {
      noteIds: [seeded.noteA.id, seeded.noteB.id, seeded.noteA.id],
      orderReference: ORDER,
      file: path.join(root, 'disclosure.html'),
    });
    html = fs.readFileSync(result.path, 'utf8');
  });
  afterAll(() => {
    owner.session.lock();
    removeDir(root);
  });

  it('is one printable, self-contained page marked confidential under the order', () => {
    expect(result).toMatchObject({ notes: 2, orderReference: ORDER });
    expect(html).toContain('CONFIDENTIAL — disclosed under court order Case 2026-CV-0142 &lt;Family Court&gt;');
    expect(html.match(/class="marking"/g)?.length).toBeGreaterThanOrEqual(4); // top, each note, end
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<img|<link|https?:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; left.');
  });

  it('holds each note\'s whole revision history with its hashes, and shows a released note as a record', () => {
    for (const id of [seeded.noteA.id, seeded.noteB.id]) {
      for (const revision of owner.session.data.notes.history(id)) {
        expect(html).toContain(revision.hash);
        expect(html).toContain(revision.at);
      }
    }
    expect(html).toContain('First draft:'); // an earlier revision's text
    expect(html).toContain('Released record (to Juvenile Probation on 2026-04-06)');
    expect(html).toContain('hash chain intact');
  });

  it('is recorded in the audit log with the file\'s SHA-256', () => {
    const [entry] = owner.session.data.audit.listByAction('disclosure.court_order');
    expect(entry?.details).toMatchObject({ orderReference: ORDER, noteIds: [seeded.noteA.id, seeded.noteB.id], file: result.path, sha256: result.sha256 });
    expect(crypto.createHash('sha256').update(fs.readFileSync(result.path)).digest('hex')).toBe(result.sha256);
  });

  it('refuses a relative path, an unknown note and an empty reference', async () => {
    expect((await refusal(owner, 'disclosure.courtOrder', { noteIds: [seeded.noteA.id], orderReference: 'X', file: 'relative.html' })).code).toBe('INVALID_INPUT');
    expect((await refusal(owner, 'disclosure.courtOrder', { noteIds: [crypto.randomUUID()], orderReference: 'X', file: path.join(root, 'x.html') })).code).toBe('NOT_FOUND');
    expect((await refusal(owner, 'disclosure.courtOrder', { noteIds: [seeded.noteA.id], orderReference: '  ', file: path.join(root, 'x.html') })).code).toBe('INVALID_INPUT');
    expect(fs.existsSync(path.join(root, 'x.html'))).toBe(false);
  });
});
