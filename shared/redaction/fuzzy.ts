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

/**
 * A sound key for spellings written by ear or by dictation ("skitzophrenic",
 * "depresion", "ritilin"): letters that sound alike are folded together
 * (ph→f, sch→sk, ch/ck/c/q→k, c before e/i/y→s, tz/ts/z→s, x→ks, y→i), h
 * dropped, accents and doubled letters dropped. Two words with the same key sound the
 * same; only long words are compared, and the words of an English dictionary
 * with the key of a lexicon word are excluded like the one-edit slips.
 */
export function soundKey(word: string): string {
  const s = stripAccents(word.toLowerCase());
  let out = '';
  const put = (ch: string): void => {
    if (out[out.length - 1] !== ch) out += ch;
  };
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i] as string;
    const next = s[i + 1] ?? '';
    if (ch < 'a' || ch > 'z') continue;
    if (ch === 'p' && next === 'h') {
      put('f');
      i += 1;
    } else if (ch === 's' && next === 'c' && s[i + 2] === 'h') {
      put('s');
      put('k');
      i += 2;
    } else if (ch === 'c' && (next === 'h' || next === 'k')) {
      put('k');
      i += 1;
    } else if (ch === 'c') {
      put(next === 'e' || next === 'i' || next === 'y' ? 's' : 'k');
    } else if (ch === 'q') {
      put('k');
    } else if (ch === 'x') {
      put('k');
      put('s');
    } else if (ch === 't' && (next === 'z' || next === 's')) {
      put('s');
      i += 1;
    } else if (ch === 'z') {
      put('s');
    } else if (ch === 'y') {
      put('i');
    } else if (ch !== 'h') {
      put(ch);
    }
  }
  return out;
}

/** "depresión" → "depresion": letters without their accents. */
function stripAccents(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i += 1) ascii = word.charCodeAt(i) < 128;
  if (ascii) return word;
  let out = '';
  for (const ch of word.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code < 0x300 || code > 0x36f) out += ch;
  }
  return out;
}

export interface SoundIndex<T> {
  readonly byKey: Map<string, { word: string; value: T }>;
}

export function buildSoundIndex<T>(entries: readonly { word: string; value: T }[]): SoundIndex<T> {
  const byKey = new Map<string, { word: string; value: T }>();
  for (const entry of entries) {
    const key = soundKey(entry.word);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  return { byKey };
}

/** The lexicon word that `word` (lower case, 6 letters or more) sounds like, if any. */
export function soundLookup<T>(index: SoundIndex<T>, word: string): { word: string; value: T } | undefined {
  if (word.length < 6 || FUZZY_EXCLUSIONS.has(word)) return undefined;
  const hit = index.byKey.get(soundKey(word));
  return hit === undefined || hit.word === word ? undefined : hit;
}

/**
 * Latin letters only (with their accents): the spelling and sound matchers are
 * built for English spelling slips, and in another script every word would look
 * alike to them ("Звонок" is no slip of "концерта").
 */
export function isLatinWord(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) if (word.charCodeAt(i) >= 0x250) return false;
  return true;
}
