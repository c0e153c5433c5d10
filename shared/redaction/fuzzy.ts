import { FUZZY_EXCLUSIONS } from './data/fuzzyExclusions';

/**
 * Spelling slips in hurried notes ("adderal", "bipolor", "sertaline"): a word
 * one edit away (Damerau–Levenshtein: one letter added, dropped, changed, or
 * two neighbours swapped) from a long lexicon word is taken as that word. The
 * first letter must agree, and English words that happen to be one edit away
 * ("concerts" from Concerta, "artistic" from autistic) are excluded by a list
 * made from a dictionary (data/fuzzyExclusions.ts).
 */

export interface FuzzyIndex<T> {
  /** Words by first letter and length. */
  readonly byKey: Map<string, { word: string; value: T }[]>;
}

export function buildFuzzyIndex<T>(entries: readonly { word: string; value: T }[]): FuzzyIndex<T> {
  const byKey = new Map<string, { word: string; value: T }[]>();
  for (const entry of entries) {
    const key = `${entry.word[0]}${entry.word.length}`;
    let list = byKey.get(key);
    if (list === undefined) byKey.set(key, (list = []));
    list.push(entry);
  }
  return { byKey };
}

/** The lexicon word `word` is a slip of, if any. `word` must be lower case. */
export function fuzzyLookup<T>(index: FuzzyIndex<T>, word: string): { word: string; value: T } | undefined {
  if (word.length < 5 || FUZZY_EXCLUSIONS.has(word)) return undefined;
  for (const length of [word.length, word.length - 1, word.length + 1]) {
    const list = index.byKey.get(`${word[0]}${length}`);
    if (list === undefined) continue;
    for (const entry of list) if (entry.word !== word && withinOneEdit(word, entry.word)) return entry;
  }
  return undefined;
}

/** Damerau–Levenshtein distance ≤ 1, in linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // one letter more or less
}
