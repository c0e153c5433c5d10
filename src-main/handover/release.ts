import type { z } from 'zod';
import type { NoteRelease, ReleaseNoteInput } from '../../shared/api/handoverSchemas';
import { VaultError } from '../vault/errors';
import type { ReleaseRow } from '../vault/repos/releases';
import type { VaultData } from '../vault/vaultData';
import { today } from './validity';

export const NOTE_RELEASED_ACTION = 'note.released';

/**
 * Releasing a note to another agency (who, when, why). A released note is no
 * longer a personal note in the maker's sole possession: it becomes a record.
 * The first release changes its status with a new revision; each release is
 * kept and recorded in the audit log.
 */
export function releaseNotice(agency: string): string {
  return (
    `This note was released to ${agency}. It is no longer a personal note kept in your sole possession: ` +
    'it is now a record, and the rules for records (access, amendment, disclosure) may apply to it. It stays marked as released.'
  );
}

function toRelease(row: ReleaseRow): NoteRelease {
  return { noteId: row.note_id, agency: row.agency, reason: row.reason, releasedOn: row.released_on, revision: row.revision, recordedAt: row.recorded_at };
}

export function releaseNote(data: VaultData, input: z.output<typeof ReleaseNoteInput>) {
  const day = today(data);
  const releasedOn = input.releasedOn ?? day;
  if (releasedOn > day) throw new VaultError('INVALID_INPUT', 'releasedOn: a release cannot be dated in the future.');
  const recordedAt = data.clock().toISOString();
  return data.transaction(() => {
    const note = data.notes.markReleased(input.id) ?? data.notes.get(input.id);
    const row: ReleaseRow = { note_id: input.id, agency: input.agency, reason: input.reason, released_on: releasedOn, revision: note.revision, recorded_at: recordedAt };
    data.releases.insert(row);
    data.audit.append(NOTE_RELEASED_ACTION, { noteId: input.id, agency: input.agency, reason: input.reason, releasedOn, revision: note.revision });
    return { note, release: toRelease(row), notice: releaseNotice(input.agency) };
  });
}

/** Every release of the note, oldest first. */
export function noteReleases(data: VaultData, noteId: string): NoteRelease[] {
  data.notes.get(noteId); // NOT_FOUND for a missing note
  return data.releases.forNote(noteId).map(toRelease);
}
