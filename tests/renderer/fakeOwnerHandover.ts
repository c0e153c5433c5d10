import type { CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';
import type { ApiErrorDetails, ErrorCode } from '../../shared/api/errors';
import type { CoverColleague, HandbackImportResult, HandoverKeyFileInfo, NoteRelease, SentHandover } from '../../shared/api/handoverSchemas';
import type { Note, NoteRevision, Student } from '../../shared/api/schemas';

/**
 * The owner's side of a handover, release and court-order disclosure in the
 * renderer's fake main side: what the screens need to be tested, with the
 * same inputs, results and refusals as the real commands. Files are not
 * read or written: a test puts the key files and hand-backs it wants read
 * into `keyFiles` and `handbacks` by path, and finds what was "written" in
 * `written`.
 */
export interface FakeOwnerHandover {
  sent: SentHandover[];
  releases: NoteRelease[];
  keyFiles: Record<string, HandoverKeyFileInfo>;
  /** What importing the hand-back at a path merges (its first import). */
  handbacks: Record<string, Omit<HandbackImportResult, 'alreadyImported' | 'importedAt'>>;
  /** handbackId → the first import's summary. */
  imported: Record<string, HandbackImportResult>;
  written: string[];
  /** The one-time code the next code package gets. */
  nextCode: string;
  /** The cover colleague named ahead, if any. */
  colleague?: CoverColleague | null;
}

export function emptyOwnerHandover(): FakeOwnerHandover {
  return { sent: [], releases: [], keyFiles: {}, handbacks: {}, imported: {}, written: [], nextCode: '7K3QX-M9P2D-HT4VW-8BNC6-R5JYA' };
}

/** Written as the real revokeNotice says it (src-main/handover/sentHandovers.ts). */
function revokeNotice(validUntil: string): string {
  return (
    'The handover is revoked in this vault, and a hand-back for it can still be imported. ' +
    'A package already given to the substitute cannot be destroyed remotely: it is an offline file. ' +
    `Their Sole Notes stops opening it after its end date, ${validUntil}. ` +
    'Ask the substitute to hand it back or delete it now.'
  );
}

function releaseNotice(agency: string): string {
  return (
    `This note was released to ${agency}. It is no longer a personal note kept in your sole possession: ` +
    'it is now a record, and the rules for records (access, amendment, disclosure) may apply to it. It stays marked as released.'
  );
}

/** Makes the error the fake answers with (thrown by the handler). */
type Fail = (code: ErrorCode, message: string, details?: ApiErrorDetails) => Error;

export interface OwnerFakeContext {
  state: { students: Student[]; notes: Note[]; revisions: NoteRevision[]; owner: FakeOwnerHandover };
  clock: () => Date;
  fail: Fail;
  requireUnlocked: () => void;
}

const HEX = '0123456789abcdef';
function fakeSha256(seed: string): string {
  let hash = 2166136261;
  let out = '';
  for (let i = 0; out.length < 64; i += 1) {
    hash = Math.imul(hash ^ (seed.charCodeAt(i % Math.max(1, seed.length)) + i), 16777619) >>> 0;
    out += HEX[hash % 16];
  }
  return out;
}

let packageCounter = 0;

export function ownerHandoverHandlers(context: OwnerFakeContext): { [N in CommandName]?: (input: CommandInput<N>) => CommandOutput<N> } {
  const { state, clock, fail, requireUnlocked } = context;
  const owner = () => state.owner;
  const today = () => clock().toISOString().slice(0, 10);
  const keyFile = (file: string, field: string) => {
    const info = owner().keyFiles[file];
    if (info == null) throw fail('INVALID_INPUT', `${field}: This is not a Sole Notes handover key file (.solekey): it is not JSON.`);
    return info;
  };
  const sent = (packageId: string) => {
    const found = owner().sent.find((candidate) => candidate.packageId === packageId);
    if (found == null) throw fail('NOT_FOUND', 'No handover with that id.');
    return found;
  };

  return {
    'handover.colleague': () => {
      requireUnlocked();
      return owner().colleague ?? null;
    },
    'handover.nameColleague': ({ keyFile: file, name, fingerprint }) => {
      requireUnlocked();
      if (keyFile(file, 'keyFile').fingerprint !== fingerprint) throw fail('INVALID_INPUT', 'keyFile: the file holds another key than the one whose words were checked.');
      const named = { name, fingerprint, checkedAt: clock().toISOString() };
      owner().colleague = named;
      return named;
    },
    'handover.readKeyFile': ({ file }) => {
      requireUnlocked();
      return keyFile(file, 'file');
    },
    'handover.create': (input) => {
      requireUnlocked();
      if (input.validUntil < today()) throw fail('INVALID_INPUT', 'validUntil: the end date has already passed.');
      const studentIds = input.students === 'caseload' ? state.students.filter((student) => student.closedOn == null).map((student) => student.id) : input.students;
      if (studentIds.length === 0) throw fail('INVALID_INPUT', 'students: the caseload has no open cases to hand over.');
      const colleague = owner().colleague;
      if (input.recipient.kind === 'colleague' && colleague == null) throw fail('CONFLICT', 'No cover colleague is named in this vault.');
      const key =
        input.recipient.kind === 'key'
          ? keyFile(input.recipient.keyFile, 'recipient.keyFile')
          : input.recipient.kind === 'colleague' && colleague != null
            ? { fingerprint: colleague.fingerprint, label: colleague.name }
            : null;
      const recipient = key == null ? { kind: 'code' as const } : { kind: 'key' as const, fingerprint: key.fingerprint, label: key.label };
      packageCounter += 1;
      const packageId = `00000000-0000-4000-9000-${String(packageCounter).padStart(12, '0')}`;
      const scope = {
        students: studentIds.length,
        notes: state.notes.filter((note) => note.studentId != null && studentIds.includes(note.studentId)).length,
        services: 0,
      };
      const at = clock().toISOString();
      owner().sent.unshift({ packageId, substitute: input.substitute, recipient, validFrom: input.validFrom, validUntil: input.validUntil, scope, createdAt: at, status: 'open', revokedAt: null, closedAt: null });
      owner().written.push(input.file);
      return {
        packageId,
        path: input.file,
        sha256: fakeSha256(packageId),
        bytes: 40_960,
        substitute: input.substitute,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        recipient,
        code: recipient.kind === 'code' ? owner().nextCode : null,
        scope,
      };
    },
    'handover.sent': () => {
      requireUnlocked();
      return owner().sent;
    },
    'handover.revoke': ({ packageId }) => {
      requireUnlocked();
      const handover = sent(packageId);
      if (handover.status !== 'open') throw fail('CONFLICT', handover.status === 'revoked' ? 'This handover is already revoked.' : 'This handover is already closed: its hand-back was imported.');
      handover.status = 'revoked';
      handover.revokedAt = clock().toISOString();
      return { handover, notice: revokeNotice(handover.validUntil) };
    },
    'handover.importHandBack': ({ file }) => {
      requireUnlocked();
      const handback = owner().handbacks[file];
      if (handback == null) throw fail('HANDOVER_TAMPERED', 'This hand-back file has been changed or damaged since it was made, so Sole Notes will not use it.', { file: 'hand-back' });
      const first = owner().imported[handback.handbackId];
      if (first != null) return { ...first, alreadyImported: true };
      const handover = sent(handback.packageId);
      handover.status = 'closed';
      handover.closedAt = clock().toISOString();
      const result = { ...handback, alreadyImported: false, importedAt: handover.closedAt };
      owner().imported[handback.handbackId] = result;
      return result;
    },

    'notes.release': ({ id, agency, reason, releasedOn }) => {
      requireUnlocked();
      const day = releasedOn ?? today();
      if (day > today()) throw fail('INVALID_INPUT', 'releasedOn: a release cannot be dated in the future.');
      let note = state.notes.find((candidate) => candidate.id === id);
      if (note == null) throw fail('NOT_FOUND', 'No note with that id.');
      if (note.status !== 'released') {
        const changed: Note = { ...note, status: 'released', revision: note.revision + 1, updatedAt: clock().toISOString() };
        state.notes = state.notes.map((candidate) => (candidate.id === id ? changed : candidate));
        state.revisions.push({ noteId: id, revision: changed.revision, body: changed.body, status: 'released', author: 'owner', at: changed.updatedAt, prevHash: '', hash: `r${state.revisions.length}` });
        note = changed;
      }
      const release: NoteRelease = { noteId: id, agency, reason, releasedOn: day, revision: note.revision, recordedAt: clock().toISOString() };
      owner().releases.push(release);
      return { note, release, notice: releaseNotice(agency) };
    },
    'notes.releases': ({ id }) => {
      requireUnlocked();
      if (!state.notes.some((candidate) => candidate.id === id)) throw fail('NOT_FOUND', 'No note with that id.');
      return owner().releases.filter((release) => release.noteId === id);
    },
    'disclosure.courtOrder': ({ noteIds, orderReference, file }) => {
      requireUnlocked();
      for (const id of noteIds) if (!state.notes.some((candidate) => candidate.id === id)) throw fail('NOT_FOUND', 'No note with that id.');
      owner().written.push(file);
      return { path: file, sha256: fakeSha256(file), bytes: 12_288, orderReference, notes: new Set(noteIds).size };
    },
  };
}
