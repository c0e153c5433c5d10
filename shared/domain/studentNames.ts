/**
 * The private name a worker knows a student by, and the rules every student
 * search and picker follows. Free of zod, so the renderer may use it.
 */
export const STUDENT_NAME_MAX_LENGTH = 120;

export interface NamedStudent {
  readonly code: string;
  readonly knownAs: string | null;
  readonly school?: string | null;
}

/** Lower case, accents folded, so "zoe" finds "Zoë". */
export function foldForMatch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * How well a student matches what was typed: 0 when the code starts with it,
 * 1 when a word of the name starts with it, 2 when the code or the name holds
 * it, null for no match. Every word typed must match ("ana 7b" finds Ana in 7B).
 */
export function studentMatchRank(student: NamedStudent, query: string): number | null {
  const words = foldForMatch(query).split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0) return null;
  const code = foldForMatch(student.code);
  const name = foldForMatch(student.knownAs ?? '');
  const nameWords = name.split(/[\s,.;:()/-]+/u).filter((word) => word !== '');
  const whole = foldForMatch(query).trim();
  if (code.startsWith(whole)) return 0;
  let rank = 0;
  for (const word of words) {
    if (code.startsWith(word)) continue;
    if (nameWords.some((part) => part.startsWith(word))) rank = Math.max(rank, 1);
    else if (code.includes(word) || name.includes(word)) rank = 2;
    else return null;
  }
  return rank;
}

/** "7B-014 · Ana R." — the code with the name beside it, for labels read aloud or shown in one line. */
export function studentLabel(student: NamedStudent): string {
  return student.knownAs == null || student.knownAs === '' ? student.code : `${student.code} · ${student.knownAs}`;
}
