import type { LockReason, SoleNotesBridge } from '../../shared/api/bridge';
import { COMMANDS, type CommandInput, type CommandName, type CommandOutput } from '../../shared/api/contract';
import { describeIssues } from '../../shared/api/describeIssues';
import type { Draft } from '../../shared/api/draftSchemas';
import type { FollowUp } from '../../shared/api/followUpSchemas';
import type { StudentGroup } from '../../shared/api/groupSchemas';
import type { SearchResult } from '../../shared/api/searchSchemas';
import { studentMatchRank } from '../../shared/domain/studentNames';
import type { ApiErrorDetails, ErrorCode, Result } from '../../shared/api/errors';
import type { IssueCategory, Note, NoteRevision, SearchHit, Service, Settings, Student } from '../../shared/api/schemas';
import { DEFAULT_ISSUE_CATEGORIES } from '../../shared/domain/issueCategories';
import { FILE_PURPOSES, type FilePurpose } from '../../shared/api/systemSchemas';
import { checkNote } from '../../shared/redaction/index';
import { emptyOwnerHandover, ownerHandoverHandlers, type FakeOwnerHandover } from './fakeOwnerHandover';
import { editedNote, newNote, serviceFrom } from './fakeRecords';
import { followUpHandlers } from './fakeToday';
import { guidelineListHandlers } from './fakeGuideline';
import { detailsToSend, issuesOf } from '../../src-main/api/errorDetails';

/**
 * An in-memory stand-in for the main side, for renderer tests and throwaway
 * screenshots: the same commands, inputs checked against the same zod
 * schemas, the same Result shape. Not a vault: nothing is encrypted.
 */

export interface FakeCall {
  name: CommandName;
  input: unknown;
}

export interface FakeState {
  vault: 'absent' | 'locked' | 'unlocked';
  passphrase: string;
  recoveryKey: string;
  students: Student[];
  /** Student id → last day seen, as students.lastSeen answers. */
  lastSeen: Record<string, string>;
  services: Service[];
  groups: StudentGroup[];
  notes: Note[];
  revisions: NoteRevision[];
  categories: IssueCategory[];
  settings: Settings;
  /** The owner's handovers, releases and disclosures (fakeOwnerHandover.ts). */
  owner: FakeOwnerHandover;
  /** Unfinished notes, most recent last; `draftsKept` is what drafts.atLock answers. */
  drafts: Draft[];
  draftsKept: number;
  /** "Follow up on" days of notes and services. */
  followUps: FollowUp[];
}

/** Thrown by a handler: the fake answers with this error code and message. */
export class Failure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable extras, as the router sends them (attemptsLeft, retryAfterSeconds). */
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }
}

let counter = 0;
export function fakeId(): string {
  counter += 1;
  const hex = counter.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

const stamp = (clock: () => Date) => clock().toISOString();

export type FakeHandlers = { [N in CommandName]?: (input: CommandInput<N>) => CommandOutput<N> };

/** What the file dialog answers: a path, or null as when cancelled. By default a save names the suggested file in a Documents folder; an open is cancelled. */
export type FakeChooseFile = (purpose: FilePurpose, suggestedName: string | undefined) => string | null;

const defaultChooseFile: FakeChooseFile = (purpose, suggestedName) => (FILE_PURPOSES[purpose].mode === 'save' ? `/home/worker/Documents/${suggestedName ?? 'file'}` : null);

export function createFakeBridge(
  options: {
    state?: Partial<FakeState>;
    clock?: () => Date;
    delayMs?: number;
    chooseFile?: FakeChooseFile;
    /** More commands (or other answers to these), for the tests of one part of the app. */
    handlers?: FakeHandlers;
  } = {},
) {
  const clock = options.clock ?? (() => new Date());
  const state: FakeState = {
    vault: 'unlocked',
    passphrase: 'correct horse battery staple',
    recoveryKey: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH',
    students: [],
    lastSeen: {},
    services: [],
    groups: [],
    notes: [],
    revisions: [],
    categories: DEFAULT_ISSUE_CATEGORIES.map((category) => ({ ...category, archived: false, builtin: true })),
    settings: { autoLockMinutes: 5, theme: 'system', textSize: 'normal', reportThreshold: 10, timeZone: 'America/Chicago', ceuCycleStart: null, ceuRequirementApplies: true, schoolYearStartMonth: 7, lastServiceKind: null, lastServiceMinutes: null },
    owner: emptyOwnerHandover(),
    drafts: [],
    draftsKept: 0,
    followUps: [],
    ...options.state,
  };
  const calls: FakeCall[] = [];
  const lockListeners = new Set<(reason: LockReason) => void>();
  const sendDraftsListeners = new Set<() => Promise<void>>();

  const requireUnlocked = () => {
    if (state.vault !== 'unlocked') throw new Failure('VAULT_LOCKED', 'The vault is locked.');
  };
  const student = (id: string) => {
    const found = state.students.find((candidate) => candidate.id === id);
    if (!found) throw new Failure('NOT_FOUND', 'No student with that id.');
    return found;
  };
  const note = (id: string) => {
    const found = state.notes.find((candidate) => candidate.id === id);
    if (!found) throw new Failure('NOT_FOUND', 'No note with that id.');
    return found;
  };
  const addRevision = (saved: Note) => {
    state.revisions.push({ noteId: saved.id, revision: saved.revision, body: saved.body, status: saved.status, author: 'owner', at: saved.updatedAt, prevHash: '', hash: `h${state.revisions.length}` });
  };
  const replaceStudent = (next: Student) => {
    state.students = state.students.map((candidate) => (candidate.id === next.id ? next : candidate));
    return next;
  };

  // Only the commands the renderer uses; anything else answers UNKNOWN_COMMAND.
  const handlers: FakeHandlers = {
    'vault.status': () => ({ state: state.vault }),
    'vault.passphraseStrength': ({ passphrase }) => {
      const words = passphrase.trim().split(/\s+/).filter(Boolean).length;
      const score = Math.min(4, Math.floor(passphrase.length / 6) + (words >= 4 ? 1 : 0)) as 0 | 1 | 2 | 3 | 4;
      return {
        score,
        acceptable: score >= 3,
        warning: score < 3 ? 'This is similar to a commonly used password.' : null,
        suggestions: score < 3 ? ['Add another word or two. Uncommon words are better.'] : [],
      };
    },
    'vault.create': ({ passphrase }) => {
      if (state.vault !== 'absent') throw new Failure('VAULT_EXISTS', 'A vault already exists.');
      state.passphrase = passphrase;
      state.vault = 'unlocked';
      return { recoveryKey: state.recoveryKey };
    },
    'vault.unlock': ({ passphrase }) => {
      if (state.vault === 'absent') throw new Failure('VAULT_NOT_FOUND', 'No vault.');
      if (passphrase !== state.passphrase) throw new Failure('WRONG_PASSPHRASE', 'Wrong passphrase.');
      state.vault = 'unlocked';
      return { done: true };
    },
    'vault.unlockWithRecovery': ({ recoveryKey, newPassphrase }) => {
      const clean = (text: string) => text.toUpperCase().replace(/[\s-]+/g, '');
      if (clean(recoveryKey) !== clean(state.recoveryKey)) throw new Failure('WRONG_RECOVERY_KEY', 'That key does not open this vault.');
      state.passphrase = newPassphrase;
      state.vault = 'unlocked';
      return { done: true };
    },
    'vault.changePassphrase': ({ currentPassphrase, newPassphrase }) => {
      requireUnlocked();
      if (currentPassphrase !== state.passphrase) throw new Failure('WRONG_PASSPHRASE', 'Wrong passphrase.');
      state.passphrase = newPassphrase;
      return { done: true };
    },
    'vault.lock': () => {
      state.vault = state.vault === 'absent' ? 'absent' : 'locked';
      return { done: true };
    },

    'students.list': ({ includeClosed }) => {
      requireUnlocked();
      return state.students.filter((candidate) => includeClosed === true || candidate.closedOn == null).sort((a, b) => a.code.localeCompare(b.code));
    },
    'students.get': ({ id }) => {
      requireUnlocked();
      return student(id);
    },
    'students.create': (fields) => {
      requireUnlocked();
      if (state.students.some((candidate) => candidate.code.toLowerCase() === fields.code.toLowerCase())) {
        throw new Failure('CONFLICT', `A student with code ${fields.code} already exists.`);
      }
      const at = stamp(clock);
      const created: Student = {
        id: fakeId(),
        code: fields.code,
        grade: fields.grade ?? null,
        school: fields.school ?? null,
        tier: fields.tier ?? null,
        iep: fields.iep ?? false,
        plan504: fields.plan504 ?? false,
        openedOn: fields.openedOn ?? at.slice(0, 10),
        closedOn: null,
        outcome: null,
        knownAs: fields.knownAs == null || fields.knownAs.trim() === '' ? null : fields.knownAs.trim(),
        createdAt: at,
        updatedAt: at,
      };
      state.students.push(created);
      return created;
    },
    'students.update': ({ id, ...patch }) => {
      requireUnlocked();
      const current = student(id);
      const next: Student = { ...current, updatedAt: stamp(clock) };
      if (patch.code !== undefined) next.code = patch.code;
      if (patch.grade !== undefined) next.grade = patch.grade;
      if (patch.school !== undefined) next.school = patch.school === '' ? null : patch.school;
      if (patch.tier !== undefined) next.tier = patch.tier;
      if (patch.iep !== undefined) next.iep = patch.iep;
      if (patch.plan504 !== undefined) next.plan504 = patch.plan504;
      if (patch.openedOn !== undefined) next.openedOn = patch.openedOn;
      if (patch.knownAs !== undefined) next.knownAs = patch.knownAs == null || patch.knownAs.trim() === '' ? null : patch.knownAs.trim();
      return replaceStudent(next);
    },
    'students.lastSeen': () => {
      requireUnlocked();
      return { ...state.lastSeen };
    },
    'students.close': ({ id, closedOn, outcome }) => {
      requireUnlocked();
      const current = student(id);
      if (current.closedOn != null) throw new Failure('CONFLICT', 'Already closed.');
      return replaceStudent({ ...current, closedOn, outcome, updatedAt: stamp(clock) });
    },
    'students.reopen': ({ id }) => {
      requireUnlocked();
      return replaceStudent({ ...student(id), closedOn: null, outcome: null, updatedAt: stamp(clock) });
    },

    'services.list': ({ from, to, studentId }) => {
      requireUnlocked();
      return state.services
        .filter((service) => (from == null || service.date >= from) && (to == null || service.date <= to) && (studentId == null || service.studentIds.includes(studentId)))
        .sort((a, b) => (a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date)));
    },
    'services.get': ({ id }) => {
      requireUnlocked();
      const found = state.services.find((service) => service.id === id);
      if (!found) throw new Failure('NOT_FOUND', 'No service.');
      return found;
    },
    'services.create': (fields) => {
      requireUnlocked();
      const at = stamp(clock);
      const created = serviceFrom(fakeId(), fields, { createdAt: at, updatedAt: at });
      state.services.push(created);
      // As the main side does: the next new service starts from this one's kind and minutes.
      state.settings = { ...state.settings, lastServiceKind: created.kind, lastServiceMinutes: created.minutes };
      return created;
    },
    'services.update': ({ id, fields }) => {
      requireUnlocked();
      const current = state.services.find((service) => service.id === id);
      if (!current) throw new Failure('NOT_FOUND', 'No service.');
      const next = serviceFrom(current.id, fields, { createdAt: current.createdAt, updatedAt: stamp(clock) });
      state.services = state.services.map((service) => (service.id === id ? next : service));
      return next;
    },
    'services.delete': ({ id }) => {
      requireUnlocked();
      state.services = state.services.filter((service) => service.id !== id);
      return { done: true };
    },

    'notes.flaggedCounts': () => {
      const counts: Record<string, number> = {};
      for (const note of state.notes) {
        if (note.studentId != null && note.findings.diagnostic + note.findings.verbatim + note.findings.identifier > 0) counts[note.studentId] = (counts[note.studentId] ?? 0) + 1;
      }
      return counts;
    },
    'notes.list': ({ studentId, limit = 100, offset = 0 }) => {
      requireUnlocked();
      return state.notes
        .filter((candidate) => studentId == null || candidate.studentId === studentId)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(offset, offset + limit)
        .map(({ body, ...rest }) => ({ ...rest, preview: body.replace(/\s+/g, ' ').trim().slice(0, 160) }));
    },
    'notes.get': ({ id }) => {
      requireUnlocked();
      return note(id);
    },
    'notes.history': ({ id }) => {
      requireUnlocked();
      note(id);
      return state.revisions.filter((revision) => revision.noteId === id);
    },
    'notes.create': ({ studentId, serviceId, body, findingsAcknowledged }) => {
      requireUnlocked();
      const created = newNote(fakeId(), stamp(clock), { studentId, serviceId, body, ...(findingsAcknowledged === undefined ? {} : { findingsAcknowledged }) });
      state.notes.push(created);
      addRevision(created);
      return created;
    },
    'notes.update': ({ id, body, findingsAcknowledged }) => {
      requireUnlocked();
      const current = note(id);
      const next = editedNote(current, stamp(clock), body, findingsAcknowledged);
      state.notes = state.notes.map((candidate) => (candidate.id === id ? next : candidate));
      addRevision(next);
      return next;
    },
    'notes.delete': ({ id }) => {
      requireUnlocked();
      state.notes = state.notes.filter((candidate) => candidate.id !== id);
      return { done: true };
    },
    'notes.search': ({ query, limit = 20 }) => {
      requireUnlocked();
      const words: string[] = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length === 0) return [];
      const hits: SearchHit[] = [];
      for (const candidate of state.notes) {
        const lower = candidate.body.toLowerCase();
        if (!words.every((word) => lower.includes(word))) continue;
        const first = lower.indexOf(words[0] as string);
        const start = Math.max(0, first - 40);
        const excerpt = candidate.body.slice(start, first + 80);
        const pattern = new RegExp(`(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
        const snippet = excerpt
          .split(pattern)
          .filter((text) => text !== '')
          .map((text) => ({ text, match: words.includes(text.toLowerCase()) }));
        if (start > 0) snippet.unshift({ text: '…', match: false });
        hits.push({ noteId: candidate.id, studentId: candidate.studentId, studentCode: state.students.find((s) => s.id === candidate.studentId)?.code ?? null, snippet, status: candidate.status, updatedAt: candidate.updatedAt });
      }
      return hits.slice(0, limit);
    },

    'search.all': ({ query = '', studentId, from, to, kinds, flagged, sort = 'relevance', limit = 50 }) => {
      requireUnlocked();
      // A plain stand-in: words anywhere in a note, or a student named by code or name; newest first.
      const words: string[] = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const student = (id: string) => state.students.find((candidate) => candidate.id === id);
      const named = (ids: readonly string[]) => query.trim() !== '' && ids.some((id) => { const found = student(id); return found != null && studentMatchRank(found, query) !== null; });
      const brief = (ids: readonly string[]) => ids.flatMap((id) => { const found = student(id); return found ? [{ id, code: found.code, knownAs: found.knownAs }] : []; });
      const fits = (date: string, ids: readonly string[]) => (from == null || date >= from) && (to == null || date <= to) && (studentId == null || ids.includes(studentId));
      const results: SearchResult[] = [];
      const shownServices = new Set<string>();
      for (const candidate of state.notes) {
        const service = state.services.find((entry) => entry.id === candidate.serviceId) ?? null;
        const ids = candidate.studentId != null ? [candidate.studentId] : (service?.studentIds ?? []);
        const date = service?.date ?? candidate.createdAt.slice(0, 10);
        const isFlagged = candidate.findings.diagnostic + candidate.findings.verbatim + candidate.findings.identifier > 0;
        const byWords = words.length > 0 && words.every((word) => candidate.body.toLowerCase().includes(word));
        if (!(query.trim() === '' || byWords || named(ids)) || !fits(date, ids)) continue;
        if (kinds != null && kinds.length > 0 && (service == null || !kinds.includes(service.kind))) continue;
        if (flagged === true && !isFlagged) continue;
        if (service) shownServices.add(service.id);
        const snippet = byWords
          ? candidate.body.split(new RegExp(`(${words.join('|')})`, 'iu')).filter((text) => text !== '').map((text) => ({ text, match: words.includes(text.toLowerCase()) }))
          : [{ text: candidate.body.slice(0, 140), match: false }];
        results.push({ type: 'note', noteId: candidate.id, date, students: brief(ids), snippet, status: candidate.status, flagged: isFlagged, service: service && { id: service.id, kind: service.kind, minutes: service.minutes, date: service.date }, updatedAt: candidate.updatedAt });
      }
      if (flagged !== true) {
        for (const service of state.services) {
          if (shownServices.has(service.id) || !fits(service.date, service.studentIds)) continue;
          if (kinds != null && kinds.length > 0 && !kinds.includes(service.kind)) continue;
          if (query.trim() !== '' && !named(service.studentIds)) continue;
          results.push({ type: 'service', serviceId: service.id, date: service.date, kind: service.kind, minutes: service.minutes, students: brief(service.studentIds), issueLabels: service.issueCategoryIds, noteId: service.noteId });
        }
      }
      const newest = (result: SearchResult) => result.date;
      if (sort === 'date' || sort === 'relevance') results.sort((a, b) => newest(b).localeCompare(newest(a)));
      return results.slice(0, limit);
    },

    'redaction.check': ({ text }) => ({ findings: checkNote(text) }),

    'categories.list': () => {
      requireUnlocked();
      return state.categories;
    },
    'categories.create': ({ label }) => {
      requireUnlocked();
      const created: IssueCategory = { id: label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40) || 'category', label, archived: false, builtin: false };
      state.categories.push(created);
      return created;
    },
    'categories.update': ({ id, label, archived }) => {
      requireUnlocked();
      const current = state.categories.find((category) => category.id === id);
      if (!current) throw new Failure('NOT_FOUND', 'No category.');
      const next = { ...current, label: label ?? current.label, archived: archived ?? current.archived };
      state.categories = state.categories.map((category) => (category.id === id ? next : category));
      return next;
    },
    'groups.list': () => {
      requireUnlocked();
      return state.groups;
    },
    'groups.create': ({ name, studentIds }) => {
      requireUnlocked();
      const trimmed = name.trim();
      if (state.groups.some((group) => group.name.toLowerCase() === trimmed.toLowerCase())) {
        throw new Failure('CONFLICT', `There is already a group called "${trimmed}". Choose another name.`);
      }
      const at = stamp(clock);
      const group = { id: fakeId(), name: trimmed, studentIds: [...studentIds], createdAt: at, updatedAt: at };
      state.groups.push(group);
      return group;
    },
    'groups.update': ({ id, name, studentIds }) => {
      requireUnlocked();
      const current = state.groups.find((group) => group.id === id);
      if (!current) throw new Failure('NOT_FOUND', 'No group with that id.');
      const trimmed = name?.trim() ?? current.name;
      if (state.groups.some((group) => group.id !== id && group.name.toLowerCase() === trimmed.toLowerCase())) {
        throw new Failure('CONFLICT', `There is already a group called "${trimmed}". Choose another name.`);
      }
      const next = { ...current, name: trimmed, studentIds: [...(studentIds ?? current.studentIds)], updatedAt: stamp(clock) };
      state.groups = state.groups.map((group) => (group.id === id ? next : group));
      return next;
    },
    'groups.delete': ({ id }) => {
      requireUnlocked();
      if (!state.groups.some((group) => group.id === id)) throw new Failure('NOT_FOUND', 'No group with that id.');
      state.groups = state.groups.filter((group) => group.id !== id);
      return { done: true };
    },
    'settings.get': () => {
      requireUnlocked();
      return state.settings;
    },
    'settings.update': (patch) => {
      requireUnlocked();
      state.settings = { ...state.settings, ...patch };
      return state.settings;
    },
    // No backups, by default, and the question about a second place answered "Don't ask again"; tests/renderer/backupsFake.ts plays the backup commands in full.
    'backups.list': () => ({
      settings: {
        folder: '/home/worker/.config/Sole Notes/backups',
        customFolder: false,
        keep: 10,
        automatic: true,
        offsite: null,
        offsitePrompt: { answer: 'never' as const, at: '2026-01-05T09:00:00.000Z' },
      },
      offsite: null,
      folderReachable: true,
      backups: [],
      pendingRestore: null,
      lastFailure: null,
    }),
    'drafts.put': ({ context, body, cursor, form, followUp, resume }) => {
      requireUnlocked();
      const key = JSON.stringify(context);
      state.drafts = [
        ...state.drafts.filter((draft) => JSON.stringify(draft.context) !== key),
        { context, body, cursor: Math.min(cursor, body.length), form: form ?? null, ...(followUp ? { followUp } : {}), resume: resume ?? true, updatedAt: stamp(clock) },
      ];
      return { done: true };
    },
    'drafts.get': ({ context }) => {
      requireUnlocked();
      return state.drafts.find((draft) => JSON.stringify(draft.context) === JSON.stringify(context)) ?? null;
    },
    'drafts.list': () => {
      requireUnlocked();
      return [...state.drafts].reverse();
    },
    'drafts.discard': ({ context }) => {
      requireUnlocked();
      state.drafts = state.drafts.filter((draft) => JSON.stringify(draft.context) !== JSON.stringify(context));
      return { done: true };
    },
    'drafts.atLock': () => ({ kept: state.draftsKept }),
    ...followUpHandlers({ state, clock, requireUnlocked }),
    ...guidelineListHandlers({ clock, requireUnlocked }),
    'audit.list': () => [],
    'audit.verify': () => ({ intact: true, entries: 0, firstBrokenSeq: null }),
    'system.chooseFile': ({ purpose, suggestedName }) => ({ file: (options.chooseFile ?? defaultChooseFile)(purpose, suggestedName) }),
    // "Show in folder" and "Open to print": the calls are recorded; nothing opens.
    'system.showInFolder': () => ({ done: true }),
    'system.openFile': () => ({ done: true }),
    ...ownerHandoverHandlers({ state, clock, fail: (code, message, details) => new Failure(code, message, details), requireUnlocked }),
    ...options.handlers,
  };

  const bridge: SoleNotesBridge = {
    async invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
      calls.push({ name, input: structuredClone(input) });
      if (options.delayMs != null) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const parsed = COMMANDS[name].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: describeIssues(parsed.error), details: { issues: issuesOf(parsed.error) } } };
      const handler = handlers[name] as ((value: unknown) => CommandOutput<N>) | undefined;
      if (handler == null) return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `The fake does not know ${name}.` } };
      try {
        return { ok: true, value: structuredClone(handler(parsed.data)) };
      } catch (error) {
        if (error instanceof Failure) {
          // Details as the router sends them: checked against the code, and the fields of INVALID_INPUT named.
          const details = detailsToSend(error.code, error.message, error.details, (problem) => {
            throw problem;
          });
          return { ok: false, error: { code: error.code, message: error.message, ...(details === undefined ? {} : { details }) } };
        }
        return { ok: false, error: { code: 'INTERNAL', message: String(error) } };
      }
    },
    onLocked(callback) {
      lockListeners.add(callback);
      return () => lockListeners.delete(callback);
    },
    onSendDrafts(callback) {
      sendDraftsListeners.add(callback);
      return () => sendDraftsListeners.delete(callback);
    },
  };

  return {
    bridge,
    state,
    calls,
    /** The window about to close: the main side asks the page for its unfinished notes, waits, then locks. */
    async closeWindow() {
      await Promise.all([...sendDraftsListeners].map((listener) => listener()));
      state.vault = 'locked';
      for (const listener of lockListeners) listener('window-closed');
    },
    /** The main side locking by itself (idle, screen lock…). */
    lockFromMain(reason: LockReason) {
      state.vault = 'locked';
      for (const listener of lockListeners) listener(reason);
    },
    callsTo<N extends CommandName>(name: N): CommandInput<N>[] {
      return calls.filter((entry) => entry.name === name).map((entry) => entry.input as CommandInput<N>);
    },
  };
}

export type FakeBridge = ReturnType<typeof createFakeBridge>;

/** A student record for seeding. */
export function makeStudent(code: string, fields: Partial<Student> = {}): Student {
  return {
    id: fakeId(),
    code,
    grade: 5,
    school: 'Lincoln Elementary',
    tier: 2,
    iep: false,
    plan504: false,
    openedOn: '2025-09-02',
    closedOn: null,
    outcome: null,
    knownAs: null,
    createdAt: '2025-09-02T15:00:00.000Z',
    updatedAt: '2025-09-02T15:00:00.000Z',
    ...fields,
  };
}
