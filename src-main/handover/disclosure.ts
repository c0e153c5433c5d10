import type { z } from 'zod';
import type { DisclosureInput, DisclosureResult } from '../../shared/api/handoverSchemas';
import { fingerprint } from '../common/signing';
import { verifyNoteHistory } from '../vault/repos/notes';
import type { VaultData } from '../vault/vaultData';
import { sha256Hex } from './container';
import { renderDisclosureHtml, type DisclosedNote } from './disclosureHtml';
import { checkOutputFile, type OutputRules } from '../files/outputPath';
import { writeChosenFile } from './files';
import { noteReleases } from './release';

export const COURT_ORDER_DISCLOSURE_ACTION = 'disclosure.court_order';

/**
 * Writes the printable disclosure of the chosen notes under a court order and
 * records it in the audit log: the order's reference, the notes, the file and
 * its SHA-256. The notes themselves are not changed. The file is held to the
 * output rules (files/outputPath.ts) given (the open vault's folders, and `input.replace`).
 */
export function discloseUnderCourtOrder(data: VaultData, input: z.output<typeof DisclosureInput>, rules: OutputRules): DisclosureResult {
  const target = checkOutputFile(input.file, 'file', rules); // refused before any note is read
  const noteIds = [...new Set(input.noteIds)];
  const students = new Map(data.students.list({ includeClosed: true }).map((student) => [student.id, student]));
  const notes: DisclosedNote[] = noteIds.map((id) => {
    const note = data.notes.get(id);
    const history = data.notes.history(id);
    return {
      note,
      studentCode: note.studentId === null ? null : (students.get(note.studentId)?.code ?? null),
      // The name the worker knows the student by is disclosed only when the worker chose to.
      studentName: input.includeNames === true && note.studentId !== null ? (students.get(note.studentId)?.knownAs ?? null) : null,
      history,
      historyIntact: verifyNoteHistory(history),
      releases: noteReleases(data, id),
    };
  });
  const html = renderDisclosureHtml({
    orderReference: input.orderReference,
    preparedAt: data.clock().toISOString(),
    signingKeyFingerprint: fingerprint(data.keys.signingPublicKey().spki),
    notes,
  });
  const bytes = Buffer.from(html, 'utf8');
  const written = writeChosenFile(target, 'file', bytes, rules);
  const sha256 = sha256Hex(bytes);
  data.audit.append(COURT_ORDER_DISCLOSURE_ACTION, {
    orderReference: input.orderReference,
    noteIds,
    names: input.includeNames === true,
    file: written,
    sha256,
    bytes: bytes.length,
  });
  return { path: written, sha256, bytes: bytes.length, orderReference: input.orderReference, notes: notes.length };
}
