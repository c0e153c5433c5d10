import { VaultError } from '../vault/errors';
import { caseloadIdentifierIn } from '../vault/reportText';
import type { VaultData } from '../vault/vaultData';

/**
 * Refuses professional-growth text (an evidence note, a goal) that names a
 * student of this vault: their code, or the name the worker knows them by.
 * It goes into a page headed "Contains no student information", so it must
 * not; nothing is written. The same test as for a report's own words
 * (vault/reportText.ts).
 */
export function refuseStudentMention(data: VaultData, text: string, field: string): void {
  if (text.trim() === '') return;
  if (caseloadIdentifierIn(text, data.students.list({ includeClosed: true })) !== null) {
    throw new VaultError(
      'INVALID_INPUT',
      `${field}: this names a student on your caseload. Professional growth is about your own practice; describe it without naming a student.`,
    );
  }
}
