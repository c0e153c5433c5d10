import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreateHandoverResult,
  HandbackResult,
  HandbackImportResult,
  HandoverKeyInfo,
  HandoverPackageInfo,
  ReceivedHandover,
  SentHandover,
} from '../../shared/api/handoverSchemas';
import type { AuditEntry, IssueCategory, Note, NoteRevision, NoteSummary, Service, Student } from '../../shared/api/schemas';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import {
  CANARY,
  CANARY_STUDENT,
  SUBSTITUTE_CANARY,
  call,
  fileHas,
  makeVault,
  refusal,
  seedOwner,
  vaultSnapshot,
  type TestVault,
} from './fixtures';

const SUBSTITUTE = 'Dana Whitfield';

/**
 * The whole handover across three vault folders: the owner makes a package
 * for the substitute's key, a stranger cannot open it, the substitute works
 * in it and hands it back, and the owner merges the hand-back with the right
 * authorship and audit entries; a replay changes nothing.
 */
describe('handover round trip: owner, substitute, stranger', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let stranger: TestVault;
  let seeded: Awaited<ReturnType<typeof seedOwner>>;
  let created: CreateHandoverResult;
  let keyFile: string;
  let packageFile: string;
  let handbackFile: string;
  let handback: HandbackResult;
  let substituteOwnNote: Note;
  let newNote: Note;
  let newService: Service;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-handover-');
    [owner, substitute, stranger] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute'), makeVault(root, 'stranger')]);
    seeded = await seedOwner(owner);
    keyFile = path.join(root, 'dana.solekey');
    packageFile = path.join(root, 'march.solehandover');
    handbackFile = path.join(root, 'march.solehandback');
    substituteOwnNote = substitute.session.data.notes.create({ body: "The substitute's own note about their own school." });
  });
  afterAll(() => {
    for (const vault of [owner, substitute, stranger]) vault.session.lock();
    removeDir(root);
  });

  it('exports the substitute\'s public handover key, and the owner reads the same fingerprint from it', async () => {
    const info = await call<HandoverKeyInfo>(substitute, 'handover.keyInfo');
    expect(info.algorithm).toBe('X25519');
    const exported = await call<{ path: string; fingerprint: string }>(substitute, 'handover.exportKey', { file: keyFile, label: SUBSTITUTE });
    expect(exported.fingerprint).toBe(info.fingerprint);
    const content = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as Record<string, unknown>;
    expect(content).toMatchObject({ format: 'sole-notes/handover-key', version: 1, algorithm: 'X25519', fingerprint: info.fingerprint, label: SUBSTITUTE });
    expect(Object.keys(content).sort()).toEqual(['algorithm', 'createdAt', 'fingerprint', 'format', 'label', 'publicKey', 'version']);

    const read = await call<{ fingerprint: string; label: string }>(owner, 'handover.readKeyFile', { file: keyFile });
    expect(read).toMatchObject({ fingerprint: info.fingerprint, label: SUBSTITUTE });
    const ownKey = path.join(root, 'owner.solekey');
    await call(owner, 'handover.exportKey', { file: ownKey });
    expect((await refusal(owner, 'handover.readKeyFile', { file: ownKey })).code).toBe('INVALID_INPUT');
  });

  it('makes a package of the chosen students for the substitute\'s key, recorded in the owner\'s audit log', async () => {
    created = await call<CreateHandoverResult>(owner, 'handover.create', {
      students: [seeded.handed.id, seeded.second.id],
      substitute: SUBSTITUTE,
      ownerName: 'Jordan Reyes',
      validFrom: '2026-03-02',
      validUntil: '2026-03-27',
      recipient: { kind: 'key', keyFile },
      file: packageFile,
    });
    const substituteKey = await call<HandoverKeyInfo>(substitute, 'handover.keyInfo');
    expect(created).toMatchObject({
      substitute: SUBSTITUTE,
      code: null,
      recipient: { kind: 'key', fingerprint: substituteKey.fingerprint, label: SUBSTITUTE },
      scope: { students: 2, notes: 2, services: 2 },
      path: packageFile,
    });
    expect(fs.statSync(packageFile).mode & 0o077).toBe(0);

    const [entry] = owner.session.data.audit.listByAction('handover.created');
    expect(entry?.details).toMatchObject({
      packageId: created.packageId,
      substitute: SUBSTITUTE,
      recipient: 'key',
      recipientFingerprint: substituteKey.fingerprint,
      validFrom: '2026-03-02',
      validUntil: '2026-03-27',
      students: 2,
      notes: 2,
      services: 2,
      sha256: created.sha256,
    });
    expect(await call<SentHandover[]>(owner, 'handover.sent')).toMatchObject([{ packageId: created.packageId, status: 'open' }]);
    // No working folder is left behind in the owner's vault.
    expect(fs.readdirSync(owner.folder).filter((name) => name.startsWith('.handover'))).toEqual([]);
  });

  it('holds no plaintext: no note text, no student code, in the package file', () => {
    for (const text of [CANARY, CANARY_STUDENT, 'bus schedule', 'KEEP-3', 'science fair']) expect(fileHas(packageFile, text), text).toBe(false);
  });

  it('refuses the stranger: the package is for another key', async () => {
    const info = await call<HandoverPackageInfo>(stranger, 'handover.inspect', { file: packageFile });
    expect(info.recipient).toMatchObject({ kind: 'key', forThisVault: false });
    const error = await refusal(stranger, 'handover.open', { file: packageFile });
    expect(error.code).toBe('HANDOVER_WRONG_RECIPIENT');
    expect(error.message).toMatch(/someone else's handover key/);
    expect(fs.existsSync(path.join(stranger.folder, 'handovers'))).toBe(false);
    expect(await call(stranger, 'handover.received')).toEqual([]);
  });

  it('refuses the substitute before the start date, then opens it as a separate vault with a banner', async () => {
    substitute.clock.set('2026-03-01T12:00:00.000Z');
    expect((await refusal(substitute, 'handover.open', { file: packageFile })).code).toBe('HANDOVER_NOT_YET_VALID');

    substitute.clock.set('2026-03-05T08:00:00.000Z');
    const info = await call<HandoverPackageInfo>(substitute, 'handover.inspect', { file: packageFile });
    expect(info).toMatchObject({ packageId: created.packageId, ownerName: 'Jordan Reyes', validity: 'active', alreadyOpened: false, recipient: { forThisVault: true } });
    // The owner's handover key, whose words the owner's own screen shows: the substitute reads the same ones.
    const ownerKey = await call<HandoverKeyInfo>(owner, 'handover.keyInfo');
    expect(info.ownerHandoverFingerprint).toBe(ownerKey.fingerprint);

    const opened = await call<ReceivedHandover>(substitute, 'handover.open', { file: packageFile });
    expect(opened).toMatchObject({ packageId: created.packageId, ownerName: 'Jordan Reyes', substitute: SUBSTITUTE, validUntil: '2026-03-27', status: 'open', validity: 'active' });
    expect(opened.banner).toContain('Notes of Jordan Reyes');
    expect(opened.ownerHandoverFingerprint).toBe(ownerKey.fingerprint);
    expect(opened.banner).toContain('until 2026-03-27');
    expect(fs.existsSync(path.join(substitute.folder, 'handovers', created.packageId, 'package.db'))).toBe(true);
    expect(substitute.session.data.audit.listByAction('handover.received')[0]?.details).toMatchObject({ packageId: created.packageId });

    // Never merged with the substitute's own notes.
    const own = await call<NoteSummary[]>(substitute, 'notes.list', {});
    expect(own.map((note) => note.id)).toEqual([substituteOwnNote.id]);
    expect(await call<Student[]>(substitute, 'students.list', {})).toEqual([]);
  });

  it('shows the substitute only the chosen students, their notes with history, and their services', async () => {
    const packageId = created.packageId;
    const students = await call<Student[]>(substitute, 'handover.students.list', { packageId });
    expect(students.map((student) => student.code)).toEqual(['B-2', CANARY_STUDENT]);
    const notes = await call<NoteSummary[]>(substitute, 'handover.notes.list', { packageId });
    expect(notes.map((note) => note.id).sort()).toEqual([seeded.noteA.id, seeded.noteB.id].sort());
    // A service far ahead of today (in the substitute's time zone) is refused here too, naming the date.
    const future = await refusal(substitute, 'handover.services.create', {
      packageId,
      fields: { date: '2026-04-10', minutes: 25, kind: 'individual_session', studentIds: [seeded.second.id] },
    });
    expect(future).toMatchObject({ code: 'INVALID_INPUT' });
    expect(future.message).toContain('date: 2026-04-10 is more than 1 day after today (2026-03-05)');
    const history = await call<NoteRevision[]>(substitute, 'handover.notes.history', { packageId, id: seeded.noteA.id });
    expect(history).toHaveLength(2);
    expect(verifyNoteHistory(history)).toBe(true);
    const services = await call<Service[]>(substitute, 'handover.services.list', { packageId });
    expect(services.map((service) => service.id).sort()).toEqual([seeded.session.id, seeded.group.id].sort());
    // The group session keeps only the handed-over student; the kept student is not in the package.
    expect(services.find((service) => service.id === seeded.group.id)?.studentIds).toEqual([seeded.handed.id]);
    expect(services.find((service) => service.id === seeded.session.id)?.noteId).toBe(seeded.noteA.id);
    expect((await refusal(substitute, 'handover.notes.get', { packageId, id: seeded.noteKept.id })).code).toBe('NOT_FOUND');
    // The owner's issue categories travel with the package, their own included; the substitute's own do not.
    const categories = await call<IssueCategory[]>(substitute, 'handover.categories.list', { packageId });
    expect(categories.map((category) => category.id)).toContain('attendance');
    expect(categories.find((category) => category.id === seeded.ownCategory.id)?.label).toBe('Transitions');
  });

  it('lets the substitute view, edit and add notes and services as themself, with the redaction check, all in the access log', async () => {
    const packageId = created.packageId;
    substitute.clock.set('2026-03-10T10:00:00.000Z');
    const viewed = await call<Note>(substitute, 'handover.notes.get', { packageId, id: seeded.noteA.id });
    expect(viewed.body).toContain(CANARY);
    const edited = await call<Note>(substitute, 'handover.notes.update', { packageId, id: seeded.noteA.id, body: `${CANARY}; the substitute met them on Tuesday.` });
    expect(edited.revision).toBe(3);
    await call(substitute, 'handover.notes.update', { packageId, id: seeded.noteB.id, body: 'Substitute: the bus schedule is settled.' });
    newNote = await call<Note>(substitute, 'handover.notes.create', { packageId, studentId: seeded.second.id, body: `${SUBSTITUTE_CANARY}. He was diagnosed with ADHD.` });
    expect(newNote.findings.diagnostic).toBeGreaterThan(0);
    newService = await call<Service>(substitute, 'handover.services.create', {
      packageId,
      fields: { date: '2026-03-10', minutes: 25, kind: 'individual_session', studentIds: [seeded.second.id], issueCategoryIds: ['attendance'], noteId: newNote.id },
    });
    const history = await call<NoteRevision[]>(substitute, 'handover.notes.history', { packageId, id: seeded.noteA.id });
    expect(history.map((revision) => revision.author)).toEqual(['owner', 'owner', SUBSTITUTE]);

    const log = await call<AuditEntry[]>(substitute, 'handover.accessLog', { packageId });
    const actions = log.map((entry) => entry.action).reverse();
    expect(actions[0]).toBe('handover.package_created');
    expect(actions).toEqual(expect.arrayContaining(['handover.opened', 'note.viewed', 'note.edited', 'note.created', 'service.created', 'notes.listed']));
    expect(log.filter((entry) => entry.action === 'note.viewed').map((entry) => entry.details.noteId)).toContain(seeded.noteA.id);
    expect((await call<ReceivedHandover>(substitute, 'handover.enter', { packageId })).banner).toContain('Jordan Reyes');
  });

  it('the owner keeps working meanwhile: an owner edit to a handed-over note', () => {
    owner.clock.set('2026-03-12T09:00:00.000Z');
    owner.session.data.notes.update(seeded.noteB.id, { body: 'Owner: bus schedule, called the transport office.' });
  });

  it('refuses to show notes after the end date but still hands back; then deletes the copy and records it', async () => {
    const packageId = created.packageId;
    substitute.clock.set('2026-03-28T09:00:00.000Z');
    expect((await refusal(substitute, 'handover.notes.get', { packageId, id: seeded.noteA.id })).code).toBe('HANDOVER_EXPIRED');
    expect((await refusal(substitute, 'handover.enter', { packageId })).code).toBe('HANDOVER_EXPIRED');
    expect((await call<ReceivedHandover[]>(substitute, 'handover.received'))[0]?.validity).toBe('expired');

    handback = await call<HandbackResult>(substitute, 'handover.handBack', { packageId, file: handbackFile });
    expect(handback).toMatchObject({ packageId, newNotes: 1, changedNotes: 2, newServices: 1, packageDeleted: true, path: handbackFile });
    expect(fs.existsSync(path.join(substitute.folder, 'handovers', packageId))).toBe(false);
    const audit = substitute.session.data.audit;
    expect(audit.listByAction('handover.handed_back')[0]?.details).toMatchObject({ packageId, handbackId: handback.handbackId });
    expect(audit.listByAction('handover.package_deleted')[0]?.details).toMatchObject({ packageId, deleted: true });
    const [received] = await call<ReceivedHandover[]>(substitute, 'handover.received');
    expect(received).toMatchObject({ status: 'handed_back', validity: null });
    expect(substitute.session.data.db.prepare('SELECT package_key FROM handovers_received').pluck().get()).toBeNull();
    expect((await refusal(substitute, 'handover.handBack', { packageId, file: `${handbackFile}.again` })).code).toBe('CONFLICT');
    expect((await refusal(substitute, 'handover.notes.list', { packageId })).code).toBe('CONFLICT');
  });

  it('holds no plaintext in the hand-back either', () => {
    for (const text of [CANARY, SUBSTITUTE_CANARY, CANARY_STUDENT, 'bus schedule', 'note.viewed', 'handover.opened']) {
      expect(fileHas(handbackFile, text), text).toBe(false);
    }
  });

  it('refuses the hand-back in the stranger\'s vault', async () => {
    expect((await refusal(stranger, 'handover.importHandBack', { file: handbackFile })).code).toBe('HANDOVER_WRONG_RECIPIENT');
  });

  it('merges the hand-back into the owner\'s vault with the substitute as author, never overwriting the owner\'s text', async () => {
    owner.clock.set('2026-03-30T09:00:00.000Z');
    const auditBefore = owner.session.data.audit.verify().entries;
    const result = await call<HandbackImportResult>(owner, 'handover.importHandBack', { file: handbackFile });
    expect(result).toMatchObject({
      handbackId: handback.handbackId,
      packageId: created.packageId,
      substitute: SUBSTITUTE,
      alreadyImported: false,
      newNotes: 1,
      changedNotes: 2,
      changedByBoth: 1,
      newServices: 1,
      accessLogIntact: true,
      accessLogEntries: handback.accessLogEntries,
    });

    const data = owner.session.data;
    const historyA = data.notes.history(seeded.noteA.id);
    expect(historyA.map((revision) => revision.author)).toEqual(['owner', 'owner', SUBSTITUTE]);
    expect(historyA[1]?.body).toBe(`${CANARY}; planned a follow-up on Friday.`);
    expect(historyA[2]?.body).toBe(`${CANARY}; the substitute met them on Tuesday.`);
    expect(historyA[2]?.at).toMatch(/^2026-03-10/); // when the substitute wrote it
    expect(verifyNoteHistory(historyA)).toBe(true);

    // Changed by both: the owner's later text stays in the chain, the substitute's comes after it.
    const historyB = data.notes.history(seeded.noteB.id);
    expect(historyB.map((revision) => [revision.author, revision.body])).toEqual([
      ['owner', 'Checked in about the bus schedule.'],
      ['owner', 'Owner: bus schedule, called the transport office.'],
      [SUBSTITUTE, 'Substitute: the bus schedule is settled.'],
    ]);
    expect(verifyNoteHistory(historyB)).toBe(true);

    const added = data.notes.get(newNote.id);
    expect(added).toMatchObject({ studentId: seeded.second.id, serviceId: null, status: 'personal' });
    expect(added.findings.diagnostic).toBeGreaterThan(0);
    expect(data.notes.history(newNote.id).map((revision) => revision.author)).toEqual([SUBSTITUTE]);
    expect(data.services.get(newService.id)).toMatchObject({ studentIds: [seeded.second.id], issueCategoryIds: ['attendance'], noteId: newNote.id, minutes: 25 });
    // Untouched notes stay as they were.
    expect(data.notes.history(seeded.noteKept.id)).toHaveLength(1);

    const accessEntries = data.audit.listByAction('handover.access');
    expect(accessEntries).toHaveLength(handback.accessLogEntries);
    expect(accessEntries.map((entry) => entry.details.action)).toEqual(expect.arrayContaining(['note.viewed', 'handover.opened', 'handover.handed_back']));
    expect(accessEntries.every((entry) => entry.details.packageId === created.packageId && entry.details.substitute === SUBSTITUTE)).toBe(true);
    expect(data.audit.listByAction('handover.handback_imported')[0]?.details).toMatchObject({ handbackId: handback.handbackId, newNotes: 1 });
    expect(data.audit.listByAction('handover.closed')[0]?.details).toMatchObject({ packageId: created.packageId });
    expect(data.audit.verify()).toMatchObject({ intact: true, entries: auditBefore + handback.accessLogEntries + 2 });
    expect(await call<SentHandover[]>(owner, 'handover.sent')).toMatchObject([{ packageId: created.packageId, status: 'closed' }]);
  });

  it('changes nothing when the same hand-back is imported again', async () => {
    const before = vaultSnapshot(owner);
    const again = await call<HandbackImportResult>(owner, 'handover.importHandBack', { file: handbackFile });
    expect(again).toMatchObject({ alreadyImported: true, handbackId: handback.handbackId, newNotes: 1 });
    expect(vaultSnapshot(owner)).toBe(before);
  });

  it('cannot revoke a closed handover', async () => {
    expect((await refusal(owner, 'handover.revoke', { packageId: created.packageId })).code).toBe('CONFLICT');
  });
});
