import type { NoteRevision } from '../../../shared/api/schemas';
import { checkNote } from '../../../shared/redaction';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import type { VaultData } from '../vaultData';
import { writeTransaction } from '../writeTransaction';

/** The audit action of an erasure: which versions (number and hash), when, why; never their text. */
export const NOTE_VERSIONS_ERASED_ACTION = 'note.versions_erased';
/** Why the versions were erased, as the audit log records it. */
export const ERASE_REASON_FLAGGED = 'flagged words removed from the note; earlier versions erased at the worker’s request';

export interface ErasedVersion {
  revision: number;
  hash: string;
}

export interface EarlierVersionsErased {
  noteId: string;
  erased: ErasedVersion[];
  /** When, or null when no version needed erasing (nothing was written). */
  at: string | null;
}

/**
 * The earlier versions of a note that still hold words the redaction check
 * flags: every version before the current one whose text is kept and has a
 * finding. A released version is a record given to another agency and is
 * never erased here.
 */
export function flaggedEarlierVersions(history: readonly NoteRevision[]): NoteRevision[] {
  const current = history.at(-1)?.revision ?? 0;
  return history.filter(
    (revision) => revision.revision < current && revision.erasedAt == null && revision.status === 'personal' && checkNote(revision.body).length > 0,
  );
}

/**
 * Erases the text of the note's earlier versions that hold flagged words
 * (schema/010-erasable-revisions.ts): each keeps its number, time, author,
 * hash and place in the chain, so the chain still verifies; its text is
 * overwritten in the database (secure_delete zeroes the old bytes on disk)
 * and the audit log records which versions, when and why, in the same
 * transaction. Earlier text was never in the search index (it indexes the
 * current text only, and removes replaced text with secure-delete). The
 * write-ahead log is then checkpointed and truncated, so no copy of the old
 * pages waits there either.
 */
export function eraseEarlierFlaggedVersions(data: VaultData, noteId: string): EarlierVersionsErased {
  const history = data.notes.history(noteId); // NOT_FOUND for an unknown note
  const targets = flaggedEarlierVersions(history);
  if (targets.length === 0) return { noteId, erased: [], at: null };
  const at = data.clock().toISOString();
  const erased = targets.map((revision) => ({ revision: revision.revision, hash: revision.hash }));
  eraseTransaction(data.db)(data, noteId, erased, at);
  truncateWriteAheadLog(data.db);
  return { noteId, erased, at };
}

function eraseTransaction(db: VaultDatabase) {
  const erase = db.prepare<[{ at: string; noteId: string; revision: number }]>(
    `UPDATE note_revisions SET body = '', erased_at = @at WHERE note_id = @noteId AND revision = @revision AND erased_at IS NULL`,
  );
  return writeTransaction(db, (data: VaultData, noteId: string, erased: ErasedVersion[], at: string) => {
    for (const version of erased) {
      if (erase.run({ at, noteId, revision: version.revision }).changes !== 1) {
        throw new VaultError('CONFLICT', 'The note’s history changed while its earlier versions were being erased; nothing was erased. Try again.');
      }
    }
    data.audit.append(NOTE_VERSIONS_ERASED_ACTION, { noteId, versions: erased, erasedAt: at, reason: ERASE_REASON_FLAGGED });
  });
}

/**
 * Copies every page in the write-ahead log into the database and empties the
 * log, so erased or destroyed text has no older page image left beside the
 * database. Best effort: a reader in another process can hold the log open,
 * and the next checkpoint then does it.
 */
export function truncateWriteAheadLog(db: VaultDatabase): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A busy log is checkpointed later by SQLite itself.
  }
}
