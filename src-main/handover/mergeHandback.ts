import type { VaultData } from '../vault/vaultData';
import type { HandbackContents } from './handbackContents';

/**
 * Merges a verified hand-back's contents into the owner's vault, keeping
 * authorship: every note and revision the substitute wrote is saved as the
 * substitute (the name the owner gave when making the package), at the time
 * it was written. An edit to one of the owner's notes becomes a new revision
 * on top of the note's current head: the owner's text stays in the chain and
 * is never overwritten. Services keep their ids. Runs inside the caller's
 * transaction.
 */
export interface MergeCounts {
  newNotes: number;
  changedNotes: number;
  changedByBoth: number;
  newServices: number;
}

export function mergeHandback(data: VaultData, contents: HandbackContents, author: string): MergeCounts {
  const newNoteIds = new Set(contents.newNotes.map((note) => note.id));

  // Services first, without links to notes that do not exist yet; linked again below.
  let newServices = 0;
  for (const service of contents.newServices) {
    if (data.services.exists(service.id)) continue;
    const { id, date, minutes, kind, teamType, studentIds, issueCategoryIds, noteId } = service;
    data.services.create(
      { date, minutes, kind, teamType, studentIds, issueCategoryIds, noteId: noteId !== null && data.notes.revisionOf(noteId) !== null ? noteId : null },
      { id },
    );
    newServices += 1;
  }

  for (const note of contents.newNotes) {
    for (const revision of note.revisions) {
      data.notes.saveWrittenBy(author, revision.at, {
        id: note.id,
        studentId: note.studentId,
        serviceId: note.serviceId,
        body: revision.body,
        findingsAcknowledged: note.findingsAcknowledged,
      });
    }
  }

  let changedByBoth = 0;
  for (const note of contents.changedNotes) {
    const head = data.notes.revisionOf(note.id);
    if (head !== null && head > note.baseRevision) changedByBoth += 1;
    for (const revision of note.revisions) {
      data.notes.saveWrittenBy(author, revision.at, {
        id: note.id,
        studentId: note.studentId,
        serviceId: note.serviceId,
        body: revision.body,
        findingsAcknowledged: note.findingsAcknowledged,
      });
    }
  }

  for (const service of contents.newServices) {
    if (service.noteId === null || !newNoteIds.has(service.noteId)) continue;
    const current = data.services.get(service.id);
    const { date, minutes, kind, teamType, studentIds, issueCategoryIds } = current;
    data.services.update(service.id, { date, minutes, kind, teamType, studentIds, issueCategoryIds, noteId: service.noteId });
  }

  return { newNotes: contents.newNotes.length, changedNotes: contents.changedNotes.length, changedByBoth, newServices };
}
