import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `text` names a student of this vault: their code or the name the
 * worker knows them by, as whole words, in any case. Professional-growth text
 * (evidence notes, goals) goes into a page headed "Contains no student
 * information", so it must not.
 */
export function namesAStudent(data: VaultData, text: string): boolean {
  if (text.trim() === '') return false;
  const words = data.students
    .list({ includeClosed: true })
    .flatMap((student) => [student.code, student.knownAs])
    .filter((word): word is string => word != null && word.trim().length >= 2);
  return words.some((word) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word.trim())}($|[^\\p{L}\\p{N}])`, 'iu').test(text));
}

/** Refuses professional-growth text that names a student; nothing is written. */
export function refuseStudentMention(data: VaultData, text: string, field: string): void {
  if (namesAStudent(data, text)) {
    throw new VaultError(
      'INVALID_INPUT',
      `${field}: this names a student on your caseload. Professional growth is about your own practice; describe it without naming a student.`,
    );
  }
}
