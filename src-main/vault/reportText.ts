import { checkNote } from '../../shared/redaction';
import { foldForMatch } from '../../shared/domain/studentNames';
import type { VaultData } from './vaultData';
import { VaultError } from './errors';

/**
 * The worker's own words that go into a monthly report (a standing duty's
 * name, a success story) leave the vault for the district, so they are held
 * to more than a note: no finding of the redaction check at all (a diagnosis,
 * someone's quoted words, a name, a date of birth, a phone number…), and no
 * student's code or the name the worker knows a student by. A text that fails
 * is refused with the reason; nothing is stored.
 */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mx']);

function wordPattern(word: string, flags: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags);
}

/** What in `text` could identify a student of this caseload, or null. */
export function caseloadIdentifierIn(text: string, students: readonly { code: string; knownAs: string | null }[]): string | null {
  const folded = foldForMatch(text);
  for (const student of students) {
    // A code of one or two characters is matched as written (an "A" is not the word "a").
    const code = student.code.length < 3 ? wordPattern(student.code, 'u') : wordPattern(foldForMatch(student.code), 'u');
    if (code.test(student.code.length < 3 ? text : folded)) return `a student's code (${student.code})`;
    if (student.knownAs === null) continue;
    if (wordPattern(foldForMatch(student.knownAs), 'u').test(folded)) return 'the name you know a student by';
    for (const word of student.knownAs.normalize('NFKD').replace(/\p{M}/gu, '').split(/[^\p{L}'’]+/u)) {
      const bare = word.replace(/['’]s?$/u, '');
      // Names are written with a capital; a lower-case word of a name ("homeroom") is not matched alone.
      if (bare.length < 2 || !/^\p{Lu}/u.test(bare) || TITLES.has(bare.toLowerCase())) continue;
      if (wordPattern(bare, 'u').test(text.normalize('NFKD').replace(/\p{M}/gu, ''))) return `a word of the name you know a student by ("${bare}")`;
    }
  }
  return null;
}

/** Throws INVALID_INPUT, naming what is wrong, unless `text` may go into a report; `what` is "The story", "The duty name". */
export function refuseIdentifyingReportText(data: VaultData, what: string, text: string): void {
  const finding = checkNote(text)[0];
  if (finding !== undefined) {
    const words = text.slice(finding.start, finding.end);
    throw new VaultError(
      'INVALID_INPUT',
      `${what} cannot go into a report as written: "${words}". ${finding.message} Nothing was saved.`,
    );
  }
  const identifier = caseloadIdentifierIn(text, data.students.list({ includeClosed: true }));
  if (identifier !== null) {
    throw new VaultError('INVALID_INPUT', `${what} holds ${identifier}. A report goes to the district: leave out anything that names a student. Nothing was saved.`);
  }
}
