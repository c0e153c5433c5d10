import { LONG_ABBREVIATIONS, SPELLED_ABBREVIATIONS } from '../data/diagnosticForms';
import { DIAGNOSIS_NAMES } from '../data/diagnoses';
import { MEDICATIONS } from '../data/medications';
import { SYMPTOMS } from '../data/symptoms';
import { buildFuzzyIndex, buildSoundIndex, fuzzyLookup, isLatinWord, soundKey, soundLookup, withinOneEdit } from '../fuzzy';
import type { Token, Tokens } from '../text';
import { type Condition, CONDITIONS, type ConditionValue } from './conditions';
import { clinicalNear } from './neighbours';

/**
 * Lexicon words as notes misspell them: by a slip, by ear, split or misheard
 * by dictation, spelled out letter by letter, or a capital abbreviation with
 * its letters swapped. Lookups are cached by word.
 */

/** Long single words of the lexicon, for spelling slips ("sertaline", "schizophernia"). */
export const FUZZY_WORDS: readonly { word: string; value: ConditionValue }[] = [
  ...MEDICATIONS.filter((w) => !w.includes(' ') && w.length >= 6 && isLatinWord(w)).map((word) => ({ word, value: { rule: 'diagnostic.medication' as const, special: null } })),
  ...DIAGNOSIS_NAMES.filter((w) => !w.includes(' ') && !w.includes("'") && w.length >= 8 && isLatinWord(w)).map((word) => ({ word, value: { rule: 'diagnostic.name' as const, special: null } })),
  ...SYMPTOMS.filter((w) => !w.includes(' ') && !w.includes('-') && w.length >= 8).map((word) => ({ word, value: { rule: 'diagnostic.symptom' as const, special: null } })),
];
const FUZZY = buildFuzzyIndex(FUZZY_WORDS);
/** The same words by sound, for spellings written by ear ("skitzophrenic", "depresion"). */
export const SOUND_WORDS: readonly { word: string; value: ConditionValue }[] = [
  ...FUZZY_WORDS,
  { word: 'depression', value: { rule: 'diagnostic.name' as const, special: null } },
];
const SOUND = buildSoundIndex(SOUND_WORDS);
/** Every single-word lexicon term, for words split by dictation ("adder all", "bi polar"). */
const JOINED = new Map<string, ConditionValue>(FUZZY_WORDS.map((entry) => [entry.word, entry.value]));
/** Their first two letters: a split word is looked up only when its first half could start one. */
const JOINED_FIRST = new Set(FUZZY_WORDS.map((entry) => entry.word.slice(0, 2)));
/** The first two letters of the lexicon words and of their sound keys: a dictated first piece must start like one. */
const DICTATED_FIRST = new Set(FUZZY_WORDS.flatMap((entry) => [entry.word.slice(0, 2), soundKey(entry.word).slice(0, 2)]));
/** Capital abbreviations, for letters spelled out one by one ("A D H D"). */
const SPELLED = new Set(SPELLED_ABBREVIATIONS);

/** Words already looked up by the spelling matcher: notes repeat their words, and every keystroke re-checks the note. */
const SPELLING_CACHE = new Map<string, ConditionValue | null>();
const SPELLING_CACHE_SIZE = 20_000;

function spellingHit(lower: string): ConditionValue | null {
  if (!isLatinWord(lower)) return null;
  const known = SPELLING_CACHE.get(lower);
  if (known !== undefined) return known;
  const hit = fuzzyLookup(FUZZY, lower) ?? soundLookup(SOUND, lower);
  if (SPELLING_CACHE.size >= SPELLING_CACHE_SIZE) SPELLING_CACHE.clear();
  SPELLING_CACHE.set(lower, hit === undefined ? null : hit.value);
  return hit === undefined ? null : hit.value;
}

/**
 * Every word the spelling matcher alone would take as a lexicon term (no exact
 * term starts there): for measuring its false-alarm cost on clean notes
 * (scripts/measure-spelling-matcher.ts).
 */
export function spellingVariants(t: Tokens): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < t.words.length; i += 1) {
    if (CONDITIONS.matchAt(t, i) !== undefined) continue;
    const hit = misspelledAt(t, i);
    if (hit !== undefined) out.push({ start: hit.start, end: hit.end });
  }
  return out;
}

/**
 * A lexicon word written by ear or by dictation: one edit away ("adderal"),
 * sounding the same ("skitzophrenic"), split in two ("adder all"), or spelled
 * out letter by letter ("A D H D").
 */
export function misspelledAt(t: Tokens, i: number): Condition | undefined {
  const word = t.words[i] as Token;
  if (word.type !== 'word') return undefined;
  if (word.lower.length >= 5 && !word.lower.includes("'")) {
    const hit = spellingHit(word.lower);
    if (hit !== null) return { rule: hit.rule, first: i, last: i, start: word.start, end: word.end };
  }
  const next = t.words[i + 1];
  if (next !== undefined && next.type === 'word' && (next.join === 'space' || next.join === 'hyphen') && JOINED_FIRST.has(word.lower.slice(0, 2))) {
    const joined = JOINED.get(word.lower + next.lower);
    if (joined !== undefined && word.lower.length >= 2 && next.lower.length >= 2) return { rule: joined.rule, first: i, last: i + 1, start: word.start, end: next.end };
  }
  const dictated = dictatedAt(t, i);
  if (dictated !== undefined) return dictated;
  // Letters one by one, in capitals or, as dictation writes them, in lower case ("a d h d").
  if (word.text.length === 1 && word.type === 'word') {
    const upper = word.text !== word.lower;
    let letters = word.text.toUpperCase();
    let k = i + 1;
    for (; k < t.words.length && k < i + 5; k += 1) {
      const letter = t.words[k] as Token;
      if (letter.join !== 'space' || letter.text.length !== 1 || letter.type !== 'word' || (letter.text !== letter.lower) !== upper) break;
      letters += letter.text.toUpperCase();
    }
    // Two letters ("s i") only beside a clinical word ("denies s i"), as the lower-case screening shorthand.
    const enough = letters.length >= 3 || (letters.length === 2 && clinicalNear(t, i, k - 1));
    if (enough && SPELLED.has(letters) && (k >= t.words.length || (t.words[k] as Token).text.length !== 1)) {
      return { rule: 'diagnostic.name', first: i, last: k - 1, start: word.start, end: (t.words[k - 1] as Token).end };
    }
  }
  return undefined;
}

/**
 * A name dictation split into short pieces and misheard ("by polar", "zoe
 * loft", "rid a lin"): two or three short lower-case words that, joined, are
 * one slip away from a lexicon word or sound like one.
 */
function dictatedAt(t: Tokens, i: number): Condition | undefined {
  const word = t.words[i] as Token;
  if (!dictationPiece(word) || word.lower.length < 2 || !DICTATED_FIRST.has(dictatedPrefix(word.lower))) return undefined;
  let joined = word.lower;
  for (let k = i + 1; k < t.words.length && k <= i + 2; k += 1) {
    const next = t.words[k] as Token;
    if (!dictationPiece(next) || next.join !== 'space') return undefined;
    joined += next.lower;
    // The last piece carries a syllable of its own ("rid a lin", not "zoe loft a").
    if (next.lower.length < 3 || joined.length < 6) continue;
    const hit = spellingHit(joined);
    if (hit !== null) return { rule: hit.rule, first: i, last: k, start: word.start, end: next.end };
  }
  return undefined;
}

/** The first two letters of a piece, "y" read as "i" ("by polar" → "bi"). */
function dictatedPrefix(lower: string): string {
  const second = lower.charAt(1);
  return lower.charAt(0) + (second === 'y' ? 'i' : second);
}

/** A short lower-case word, as dictation splits a long name into. */
function dictationPiece(token: Token): boolean {
  return token.type === 'word' && token.text === token.lower && token.lower.length <= 5 && !token.lower.includes("'");
}

/**
 * A capital abbreviation typed with two letters swapped ("PSTD", "AHDD"), or,
 * right after a diagnostic phrase, with one letter changed ("dx'd ADHA").
 * Other school acronyms one letter away ("PTSA") are left alone outside a phrase.
 */
export function misspelledAbbreviationAt(t: Tokens, i: number, inPhrase: boolean): Condition | undefined {
  const word = t.words[i] as Token;
  if (word.type !== 'word' || word.text.length < 4 || word.text.length > 5 || word.text !== word.text.toUpperCase()) return undefined;
  for (const abbreviation of LONG_ABBREVIATIONS) {
    if (abbreviation === word.text || abbreviation.length !== word.text.length) continue;
    if (!withinOneEdit(word.text, abbreviation)) continue;
    if (inPhrase || swapped(word.text, abbreviation)) return { rule: 'diagnostic.name', first: i, last: i, start: word.start, end: word.end };
  }
  return undefined;
}

/** Same letters, two neighbours swapped. */
function swapped(a: string, b: string): boolean {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k += 1;
  return k + 1 < a.length && a[k] === b[k + 1] && a[k + 1] === b[k] && a.slice(k + 2) === b.slice(k + 2);
}
