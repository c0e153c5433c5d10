import type { HandbackResult, HandoverPackageInfo, ReceivedHandover } from '../../shared/api/handoverSchemas';
import type { AuditEntry, IssueCategory, Note, NoteRevision, Service, Student } from '../../shared/api/schemas';
import { DEFAULT_ISSUE_CATEGORIES } from '../../shared/domain/issueCategories';
import { Failure, fakeId, type FakeHandlers } from './fakeBridge';
import { editedNote, newNote, serviceFrom } from './fakeRecords';

/**
 * The substitute's side of a handover, in memory, for the renderer's tests
 * (the file dialog's answers are the fake bridge's `chooseFile`):
 * package files by path (what each says about itself, its code, whether it
 * was altered), packages opened, each with its students, notes, services and
 * access log. The refusals come in the main side's order and wording
 * (src-main/handover/refusals.ts), so the screens are tested on the same
 * messages they will get.
 */

export const SUBSTITUTE_FINGERPRINT = 'AAAA 1111 BBBB 2222 CCCC 3333 DDDD 4444 EEEE 5555 FFFF 6666 0000 7777 1234 5678';
export const OWNER_FINGERPRINT = '3F2A 9C01 77B4 E210 5D6C 0A9F 1B2C 3D4E 5F60 7182 93A4 B5C6 D7E8 F901 2345 6789';
/** The owner's handover key: its words are the ones the owner reads out. */
export const OWNER_HANDOVER_FINGERPRINT = '7D31 C0A8 5E92 14BF 08E6 A3D5 2C7F 91B4 6A0E D853 F1C2 3B97 4E68 A05D 9C13 E7F2';

export interface FakePackageFile {
  info: Omit<HandoverPackageInfo, 'validity' | 'alreadyOpened'>;
  /** The one-time code of a code package (typed with any case and dashes). */
  code?: string;
  /** Altered after it was made: refused before anything is read. */
  tampered?: boolean;
  students?: Student[];
  notes?: Note[];
  services?: Service[];
  /** The owner's issue categories; the built-in ones when not given. */
  categories?: IssueCategory[];
}

interface Opened {
  file: FakePackageFile;
  status: 'open' | 'handed_back';
  receivedAt: string;
  handedBackAt: string | null;
  students: Student[];
  notes: Note[];
  revisions: NoteRevision[];
  services: Service[];
  baseNotes: Map<string, number>;
  baseServices: Set<string>;
  log: AuditEntry[];
}

export interface FakeHandoverOptions {
  /** Today, as the substitute's vault sees it. */
  today: string;
  files?: Record<string, FakePackageFile>;
  clock?: () => Date;
}

const clean = (code: string) => code.toUpperCase().replace(/[\s-]+/g, '');

export function createFakeHandover(options: FakeHandoverOptions) {
  const clock = options.clock ?? (() => new Date(`${options.today}T15:00:00.000Z`));
  const state = { today: options.today, files: { ...options.files }, opened: new Map<string, Opened>(), keyExports: [] as { file: string; label: string | null }[] };

  const validity = (info: Pick<HandoverPackageInfo, 'validFrom' | 'validUntil'>) =>
    state.today < info.validFrom ? ('not-yet-valid' as const) : state.today > info.validUntil ? ('expired' as const) : ('active' as const);
  const assertActive = (info: Pick<HandoverPackageInfo, 'validFrom' | 'validUntil'>) => {
    const now = validity(info);
    if (now === 'not-yet-valid') throw new Failure('HANDOVER_NOT_YET_VALID', `This handover starts on ${info.validFrom}. Sole Notes opens it from that day, not before.`, { validFrom: info.validFrom });
    if (now === 'expired') {
      throw new Failure(
        'HANDOVER_EXPIRED',
        `This handover ended on ${info.validUntil}. Sole Notes no longer opens it; a package already opened can still be handed back to its owner.`,
        { validUntil: info.validUntil },
      );
    }
  };
  const readFile = (path: string): FakePackageFile => {
    const file = state.files[path];
    if (file == null) throw new Failure('INVALID_INPUT', 'file: there is no file at that path.');
    if (file.tampered === true) {
      throw new Failure(
        'HANDOVER_TAMPERED',
        'This file is not an intact Sole Notes handover package: its signature does not check out. It was altered or damaged after it was made, so nothing was opened. Ask for a new copy.',
        { file: 'package' },
      );
    }
    return file;
  };
  const log = (opened: Opened, action: string, details: Record<string, unknown>) => {
    const seq = opened.log.length + 1;
    opened.log.push({ seq, at: clock().toISOString(), action, details, prevHash: `h${seq - 1}`, hash: `h${seq}` });
  };
  const received = (packageId: string, opened: Opened): ReceivedHandover => {
    const { info } = opened.file;
    return {
      packageId,
      ownerName: info.ownerName,
      ownerFingerprint: info.ownerFingerprint,
      ownerHandoverFingerprint: info.ownerHandoverFingerprint,
      substitute: info.substitute,
      validFrom: info.validFrom,
      validUntil: info.validUntil,
      scope: info.scope,
      receivedAt: opened.receivedAt,
      status: opened.status,
      validity: opened.status === 'open' ? validity(info) : null,
      handedBackAt: opened.handedBackAt,
      banner: `Notes of ${info.ownerName ?? 'a colleague'}, handed over to ${info.substitute} from ${info.validFrom} until ${info.validUntil}.`,
    };
  };
  /** An opened package the substitute may work in: open, and (unless `anyDay`) inside its dates. */
  const inPackage = (packageId: string, anyDay = false): Opened => {
    const opened = state.opened.get(packageId);
    if (opened == null) throw new Failure('NOT_FOUND', 'No package with that id was opened in this vault.');
    if (opened.status !== 'open') throw new Failure('CONFLICT', 'This handover was handed back to its owner; its copy in this vault was deleted.');
    if (!anyDay) assertActive(opened.file.info);
    return opened;
  };
  const note = (opened: Opened, id: string) => {
    const found = opened.notes.find((candidate) => candidate.id === id);
    if (found == null) throw new Failure('NOT_FOUND', `No note with id ${id}.`);
    return found;
  };
  const revise = (opened: Opened, saved: Note, author: string) => {
    opened.revisions.push({ noteId: saved.id, revision: saved.revision, body: saved.body, status: saved.status, author, at: saved.updatedAt, prevHash: '', hash: `r${opened.revisions.length}` });
  };

  const handlers: FakeHandlers = {
    'handover.keyInfo': () => ({ algorithm: 'X25519', fingerprint: SUBSTITUTE_FINGERPRINT, createdAt: '2026-01-05T10:00:00.000Z' }),
    'handover.exportKey': ({ file, label }) => {
      const named = label == null || label.trim() === '' ? null : label.trim();
      state.keyExports.push({ file, label: named });
      return { path: file, fingerprint: SUBSTITUTE_FINGERPRINT, label: named };
    },
    'handover.inspect': ({ file }) => {
      const { info } = readFile(file);
      return { ...info, validity: validity(info), alreadyOpened: state.opened.has(info.packageId) };
    },
    'handover.open': ({ file: path, code }) => {
      const file = readFile(path);
      const { info } = file;
      if (info.recipient.kind === 'key' && !info.recipient.forThisVault) {
        throw new Failure('HANDOVER_WRONG_RECIPIENT', `This handover package was made for someone else's handover key (${info.recipient.fingerprint}); it cannot be opened in this vault.`, { file: 'package' });
      }
      assertActive(info);
      const existing = state.opened.get(info.packageId);
      if (existing != null) {
        if (existing.status !== 'open') throw new Failure('CONFLICT', 'This package was already handed back from this vault, and its copy here deleted; it cannot be opened again.');
        log(existing, 'handover.opened', { by: info.substitute });
        return received(info.packageId, existing);
      }
      if (info.recipient.kind === 'code') {
        if (code == null || code.trim() === '') {
          const problem = 'this package opens with the one-time handover code the owner gave you; enter it.';
          throw new Failure('INVALID_INPUT', `code: ${problem}`, { issues: [{ field: 'code', message: problem }] });
        }
        if (clean(code).length !== 25) throw new Failure('WRONG_HANDOVER_CODE', `A handover code has 25 letters and digits (5 groups of 5); this one has ${clean(code).length}. Check what you typed.`, { malformed: true });
        if (clean(code) !== clean(file.code ?? '')) throw new Failure('WRONG_HANDOVER_CODE', 'That handover code does not open this package. Check the 5 groups of 5 letters and digits with the owner.');
      }
      const notes = structuredClone(file.notes ?? []);
      const opened: Opened = {
        file,
        status: 'open',
        receivedAt: clock().toISOString(),
        handedBackAt: null,
        students: structuredClone(file.students ?? []),
        notes,
        revisions: notes.map((item) => ({ noteId: item.id, revision: item.revision, body: item.body, status: item.status, author: 'owner', at: item.updatedAt, prevHash: '', hash: `b-${item.id}` })),
        services: structuredClone(file.services ?? []),
        baseNotes: new Map(notes.map((item) => [item.id, item.revision])),
        baseServices: new Set((file.services ?? []).map((service) => service.id)),
        log: [],
      };
      log(opened, 'handover.package_created', {});
      log(opened, 'handover.opened', { by: info.substitute, first: true });
      state.opened.set(info.packageId, opened);
      return received(info.packageId, opened);
    },
    'handover.received': () => [...state.opened.entries()].reverse().map(([packageId, opened]) => received(packageId, opened)),
    'handover.enter': ({ packageId }) => {
      const opened = inPackage(packageId);
      log(opened, 'handover.opened', { by: opened.file.info.substitute });
      return received(packageId, opened);
    },
    'handover.students.list': ({ packageId }) => inPackage(packageId).students,
    'handover.notes.list': ({ packageId, studentId, limit = 100, offset = 0 }) => {
      const opened = inPackage(packageId);
      const notes = opened.notes
        .filter((candidate) => studentId == null || candidate.studentId === studentId)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(offset, offset + limit)
        .map(({ body, ...rest }) => ({ ...rest, preview: body.replace(/\s+/g, ' ').trim().slice(0, 160) }));
      log(opened, 'notes.listed', { studentId: studentId ?? null, count: notes.length });
      return notes;
    },
    'handover.notes.get': ({ packageId, id }) => {
      const opened = inPackage(packageId);
      const found = note(opened, id);
      log(opened, 'note.viewed', { noteId: id, revision: found.revision });
      return found;
    },
    'handover.notes.history': ({ packageId, id }) => {
      const opened = inPackage(packageId);
      note(opened, id);
      const history = opened.revisions.filter((revision) => revision.noteId === id);
      log(opened, 'note.viewed', { noteId: id, history: true, revisions: history.length });
      return history;
    },
    'handover.notes.create': ({ packageId, studentId, serviceId, body, findingsAcknowledged }) => {
      const opened = inPackage(packageId);
      const created = newNote(fakeId(), clock().toISOString(), { studentId, serviceId, body, ...(findingsAcknowledged === undefined ? {} : { findingsAcknowledged }) });
      opened.notes.push(created);
      revise(opened, created, opened.file.info.substitute);
      log(opened, 'note.created', { noteId: created.id });
      return created;
    },
    'handover.notes.update': ({ packageId, id, body, findingsAcknowledged }) => {
      const opened = inPackage(packageId);
      const current = note(opened, id);
      if (current.body === body) return current;
      const next = editedNote(current, clock().toISOString(), body, findingsAcknowledged);
      opened.notes = opened.notes.map((candidate) => (candidate.id === id ? next : candidate));
      revise(opened, next, opened.file.info.substitute);
      log(opened, 'note.edited', { noteId: id, revision: next.revision });
      return next;
    },
    'handover.services.list': ({ packageId }) => inPackage(packageId).services,
    'handover.categories.list': ({ packageId }) =>
      inPackage(packageId).file.categories ?? DEFAULT_ISSUE_CATEGORIES.map((category) => ({ ...category, archived: false, builtin: true })),
    'handover.services.create': ({ packageId, fields }) => {
      const opened = inPackage(packageId);
      const at = clock().toISOString();
      const created = serviceFrom(fakeId(), fields, { createdAt: at, updatedAt: at });
      opened.services.push(created);
      log(opened, 'service.created', { serviceId: created.id });
      return created;
    },
    'handover.accessLog': ({ packageId }) => [...inPackage(packageId, true).log].reverse(),
    'handover.handBack': ({ packageId, file }): HandbackResult => {
      const opened = state.opened.get(packageId);
      if (opened == null) throw new Failure('NOT_FOUND', 'No package with that id was opened in this vault.');
      if (opened.status !== 'open') throw new Failure('CONFLICT', 'This handover was already handed back; its copy in this vault was deleted.');
      log(opened, 'handover.handed_back', { by: opened.file.info.substitute });
      const result: HandbackResult = {
        handbackId: fakeId(),
        packageId,
        path: file,
        sha256: 'a'.repeat(64),
        bytes: 4096,
        newNotes: opened.notes.filter((item) => !opened.baseNotes.has(item.id)).length,
        changedNotes: opened.notes.filter((item) => (opened.baseNotes.get(item.id) ?? item.revision) < item.revision).length,
        newServices: opened.services.filter((service) => !opened.baseServices.has(service.id)).length,
        accessLogEntries: opened.log.length,
        packageDeleted: true,
      };
      opened.status = 'handed_back';
      opened.handedBackAt = clock().toISOString();
      opened.students = [];
      opened.notes = [];
      opened.services = [];
      return result;
    },
  };

  return { handlers, state };
}

export type FakeHandover = ReturnType<typeof createFakeHandover>;

/** What a package says about itself: Jordan Reyes's, for this vault's key unless told otherwise, valid in March 2026. */
export function packageInfo(fields: Partial<FakePackageFile['info']> = {}): FakePackageFile['info'] {
  return {
    packageId: fakeId(),
    ownerName: 'Jordan Reyes',
    ownerFingerprint: OWNER_FINGERPRINT,
    ownerHandoverFingerprint: OWNER_HANDOVER_FINGERPRINT,
    substitute: 'Dana Whitfield',
    validFrom: '2026-03-02',
    validUntil: '2026-03-27',
    recipient: { kind: 'key', fingerprint: SUBSTITUTE_FINGERPRINT, forThisVault: true },
    scope: { students: 1, notes: 1, services: 0 },
    createdAt: '2026-03-01T09:00:00.000Z',
    ...fields,
  };
}

/** A note as a package holds it. */
export function packageNote(studentId: string | null, body: string, fields: Partial<Note> = {}): Note {
  return { ...newNote(fakeId(), '2026-02-26T15:00:00.000Z', { studentId, body }), ...fields };
}
