import { detectContext } from './context';
import {
  AWARENESS_WORDS,
  CONDITION_HEADS,
  CONDITION_MODIFIERS,
  CONDITION_SPECIFIERS,
  DIAGNOSIS_ABBREVIATIONS_CAPS,
  DIAGNOSIS_NAMES,
  NOT_CONDITION_MODIFIERS,
} from './data/diagnoses';
import { CLINICAL_CUES_AFTER, CLINICAL_CUES_BEFORE, DISORDER_SHORT_FORMS, SCREENING_ABBREVIATIONS, SCREENING_PAIRS } from './data/clinicalShorthand';
import {
  CASUAL_CLINICAL_WORDS,
  CRAFT_WORDS,
  FLASHBACK_FORMS,
  LONG_ABBREVIATIONS,
  PURGING_FORMS,
  RESTRICTING_FORMS,
  SPELLED_ABBREVIATIONS,
  SUICIDE_FORMS,
  WORD_ENDINGS,
  WORDLIKE_ABBREVIATIONS,
} from './data/diagnosticForms';
import { MEDICATION_CLASSES } from './data/medicationClasses';
import { ELIGIBILITY_WORDS, SCHOOL_CATEGORY_CUES, SCHOOL_CATEGORY_NAMES, INNER_VOICES_WORDS, PLACE_BEFORE_STATE, REAL_VOICES_PLACES, REAL_VOICES_VERBS, THING_NOUNS_AFTER, WORD_SENSE_AFTER } from './data/ordinarySenses';
import { OTHER_LANGUAGE_DIAGNOSIS_NAMES } from './data/otherLanguages';
import { SPANISH_ABBREVIATIONS_CAPS, SPANISH_DIAGNOSIS_NAMES, SPANISH_STRONG_PHRASES, SPANISH_WEAK_PHRASES } from './data/spanish';
import { DSM_NUMERIC_RANGE, DSM_V_CATEGORIES, QUANTITY_UNITS, SCORE_WORDS } from './data/dsm';
import { ICD10CM_CATEGORIES } from './data/icd10cm';
import { LOCATOR_AFTER, LOCATOR_WORDS } from './data/lookalikes';
import { MEDICATION_SLANG, MEDICATION_SUFFIXES, MEDICATIONS, NOT_MEDICATION_AFTER } from './data/medications';
import { CODE_CUE_WORDS, NOUN_PHRASE_STOPS, PHRASE_FILLERS, STRONG_PHRASES, WEAK_PHRASES } from './data/phrasing';
import {
  ANXIETY_CONDITION_BEFORE,
  ANXIETY_FEELING_AFTER,
  BODY_PARTS,
  CUTTING_DISCLOSED_BEFORE,
  CUTTING_ORDINARY_AFTER,
  CUTTING_SELF_AFTER,
  CUTTING_WORDS,
  DEPRESSION_ORDINARY_AFTER,
  DEPRESSION_ORDINARY_BEFORE,
  FLASHBACK_EVENT_AFTER,
  PURGING_ORDINARY_AFTER,
  RESTRICTING_EATING_AFTER,
  SUICIDE_ORDINARY_AFTER,
  SYMPTOMS,
  SYMPTOMS_CAPS,
} from './data/symptoms';
import { buildFuzzyIndex, buildSoundIndex, fuzzyLookup, isLatinWord, soundKey, soundLookup, withinOneEdit } from './fuzzy';
import { TermTrie, wordSet, type TermMatch } from './lexicon';
import { DSM_V_CATEGORY, ICD10_CATEGORY, ICD10_SUBCODE } from './patterns';
import type { RawSpan } from './spans';
import { spokenCodeAt } from './spokenCode';
import { isCapitalized, isSentenceEnd, joinsTerm, type Token, type Tokens } from './text';

type ConditionRule = 'diagnostic.name' | 'diagnostic.medication' | 'diagnostic.symptom';
type Special = 'lowercase' | 'screening' | 'casual' | 'wordlike' | 'depression' | 'anxiety' | 'cutting' | 'purging' | 'restricting' | 'suicide' | 'flashback' | 'hi' | 'medication' | 'voices' | null;

interface ConditionValue {
  readonly rule: ConditionRule;
  readonly special: Special;
}

interface Condition {
  rule: RawSpan['rule'];
  first: number;
  last: number;
  start: number;
  end: number;
}

const WORDLIKE_CAPS: ReadonlySet<string> = new Set(WORDLIKE_ABBREVIATIONS);
const CASUAL_WORDS: ReadonlySet<string> = new Set(CASUAL_CLINICAL_WORDS);
const CONDITIONS = new TermTrie<ConditionValue>();
CONDITIONS.addAll(DIAGNOSIS_NAMES.filter((term) => !CASUAL_WORDS.has(term)), { rule: 'diagnostic.name', special: null });
CONDITIONS.addAll(SPANISH_DIAGNOSIS_NAMES, { rule: 'diagnostic.name', special: null });
CONDITIONS.addAll(OTHER_LANGUAGE_DIAGNOSIS_NAMES, { rule: 'diagnostic.name', special: null });
CONDITIONS.addAll(
  DIAGNOSIS_ABBREVIATIONS_CAPS.filter((term) => !WORDLIKE_CAPS.has(term)),
  { rule: 'diagnostic.name', special: null },
  true,
);
CONDITIONS.addAll(SPANISH_ABBREVIATIONS_CAPS, { rule: 'diagnostic.name', special: null }, true);
// "ADD", "ODD", "RAD" are English words too: "ADD to agenda", "ODD numbers".
CONDITIONS.addAll([...WORDLIKE_CAPS], { rule: 'diagnostic.name', special: 'wordlike' }, true);
// In lower case ("adhd and odd") only next to another condition or a diagnostic phrase.
CONDITIONS.addAll(
  DIAGNOSIS_ABBREVIATIONS_CAPS.map((term) => term.toLowerCase()),
  { rule: 'diagnostic.name', special: 'lowercase' },
  true,
);
CONDITIONS.addAll(SYMPTOMS.filter((term) => !CASUAL_WORDS.has(term) && !term.endsWith(' voices')), { rule: 'diagnostic.symptom', special: null });
CONDITIONS.addAll(SYMPTOMS_CAPS.filter((term) => term !== 'HI'), { rule: 'diagnostic.symptom', special: null }, true);
CONDITIONS.add('HI', { rule: 'diagnostic.symptom', special: 'hi' }, true);
CONDITIONS.addAll(MEDICATIONS, { rule: 'diagnostic.medication', special: 'medication' });
CONDITIONS.addAll(MEDICATION_SLANG, { rule: 'diagnostic.medication', special: null });
CONDITIONS.addAll(MEDICATION_CLASSES, { rule: 'diagnostic.medication', special: null });
// Lower-case screening shorthand ("denies si", "passive si") only beside a clinical word; "si/hi" always.
CONDITIONS.addAll(SCREENING_ABBREVIATIONS, { rule: 'diagnostic.symptom', special: 'screening' }, true);
CONDITIONS.addAll(SCREENING_PAIRS, { rule: 'diagnostic.symptom', special: null });
// Casual clinical words: flagged about a person, not about a day or the weather ("manic Monday").
CONDITIONS.addAll([...CASUAL_WORDS], { rule: 'diagnostic.symptom', special: 'casual' });
CONDITIONS.add('depression', { rule: 'diagnostic.name', special: 'depression' });
CONDITIONS.add('anxiety', { rule: 'diagnostic.name', special: 'anxiety' });
CONDITIONS.addAll(SYMPTOMS.filter((term) => term.endsWith(' voices')), { rule: 'diagnostic.symptom', special: 'voices' });
CONDITIONS.addAll(CUTTING_WORDS, { rule: 'diagnostic.symptom', special: 'cutting' });
CONDITIONS.addAll(PURGING_FORMS, { rule: 'diagnostic.symptom', special: 'purging' });
CONDITIONS.addAll(RESTRICTING_FORMS, { rule: 'diagnostic.symptom', special: 'restricting' });
CONDITIONS.addAll(SUICIDE_FORMS, { rule: 'diagnostic.symptom', special: 'suicide' });
CONDITIONS.addAll(FLASHBACK_FORMS, { rule: 'diagnostic.symptom', special: 'flashback' });

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

const MODIFIERS = new TermTrie<true>();
MODIFIERS.addAll(CONDITION_MODIFIERS, true);
const SPECIFIERS = new TermTrie<true>();
SPECIFIERS.addAll(CONDITION_SPECIFIERS, true);
SPECIFIERS.addAll(MEDICATION_SUFFIXES, true, true);
const STRONG = new TermTrie<true>();
STRONG.addAll(STRONG_PHRASES, true);
STRONG.addAll(SPANISH_STRONG_PHRASES, true);
const WEAK = new TermTrie<true>();
WEAK.addAll(WEAK_PHRASES, true);
WEAK.addAll(SPANISH_WEAK_PHRASES, true);
const CUES_BEFORE = wordSet(CLINICAL_CUES_BEFORE);
const CUES_AFTER = wordSet(CLINICAL_CUES_AFTER);
const THINGS_AFTER = wordSet(THING_NOUNS_AFTER);
const CODE_CUES = wordSet(CODE_CUE_WORDS);
const VOICES_VERBS = wordSet(REAL_VOICES_VERBS);
const VOICES_PLACES = wordSet(REAL_VOICES_PLACES);
const VOICES_INNER = wordSet(INNER_VOICES_WORDS);
const STATE_BEFORE = wordSet(PLACE_BEFORE_STATE);
const WORD_SENSE = wordSet(WORD_SENSE_AFTER);
const ELIGIBILITY = wordSet(ELIGIBILITY_WORDS);
const DISORDER_SHORT = new TermTrie<true>();
DISORDER_SHORT.addAll(DISORDER_SHORT_FORMS, true);

const HEADS = wordSet(CONDITION_HEADS);
const NOT_MODIFIER = wordSet(NOT_CONDITION_MODIFIERS);
const AWARENESS = wordSet(AWARENESS_WORDS);
const FILLERS = wordSet(PHRASE_FILLERS);
const NP_STOPS = wordSet(NOUN_PHRASE_STOPS);
const NOT_MEDICATION = wordSet(NOT_MEDICATION_AFTER);
const DEPRESSION_BEFORE = wordSet(DEPRESSION_ORDINARY_BEFORE);
const DEPRESSION_AFTER = wordSet(DEPRESSION_ORDINARY_AFTER);
const ANXIETY_BEFORE = wordSet(ANXIETY_CONDITION_BEFORE);
const ANXIETY_AFTER = wordSet(ANXIETY_FEELING_AFTER);
const CUT_SELF = wordSet(CUTTING_SELF_AFTER);
const CUT_ORDINARY = wordSet(CUTTING_ORDINARY_AFTER);
const CATEGORY_NAMES = wordSet(SCHOOL_CATEGORY_NAMES);
const CATEGORY_CUES = wordSet(SCHOOL_CATEGORY_CUES);

function schoolCategory(t: Tokens, match: TermMatch<ConditionValue>): boolean {
  const name = t.words.slice(match.first, match.last + 1).map((w) => w.lower).join(' ');
  if (!CATEGORY_NAMES.has(name)) return false;
  for (let k = match.first - 1; k >= 0 && k >= match.first - 3; k -= 1) if (CATEGORY_CUES.has((t.words[k] as Token).lower)) return true;
  const after = t.words[match.last + 1];
  return after !== undefined && CATEGORY_CUES.has(after.lower);
}

/** After a category's letters: "SLD eligibility". */
const CATEGORY_AFTER = wordSet(['eligibility', 'category', 'classification', 'label']);
/** Words after a diagnostic phrase that name no condition. */
const INDEFINITE = wordSet(['anything', 'nothing', 'something', 'anything yet', 'none']);
const CUT_DISCLOSED = wordSet(CUTTING_DISCLOSED_BEFORE);
/** "started cutting the paper": an object after the verb is something cut. */
const OBJECT_DETERMINERS = wordSet(['the', 'a', 'an', 'his', 'her', 'their', 'my', 'out', 'up', 'it', 'them', 'paper']);
const BODY = wordSet(BODY_PARTS);
const PURGE_ORDINARY = wordSet(PURGING_ORDINARY_AFTER);
const RESTRICT_EATING = wordSet(RESTRICTING_EATING_AFTER);
const SUICIDE_ORDINARY = wordSet(SUICIDE_ORDINARY_AFTER);
const FLASHBACK_EVENT = wordSet(FLASHBACK_EVENT_AFTER);
const CODE_OPENERS = new Set(['(', '[', '"', '\u201c', "'", '\u2018', ':', ',', '/', '\u2014']);
const CRAFT_AFTER_AND = wordSet(CRAFT_WORDS);

/** Finds diagnostic spans: names, codes, phrasing, medications and symptom language. */
export function findDiagnostic(t: Tokens): RawSpan[] {
  const words = t.words;
  const generic = genericHeads(t);
  const out: RawSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const phrased = phraseAt(t, i, generic);
    if (phrased !== undefined) {
      out.push(finish(t, phrased));
      i = phrased.last + 1;
      continue;
    }
    const condition = conditionAt(t, i, generic, false);
    if (condition !== undefined) {
      out.push(finish(t, condition));
      i = condition.last + 1;
      continue;
    }
    i += 1;
  }
  return joinParenthesized(t.text, out);
}

/** "F34.81 (DMDD)", "DMDD (F34.81)": a condition and its code or name in brackets after it are one finding. */
function joinParenthesized(text: string, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && text.charAt(span.end) === ')' && text.slice(last.end, span.start).trim() === '(') {
      last.end = span.end + 1;
      if (last.rule !== 'diagnostic.phrase' && span.rule === 'diagnostic.phrase') last.rule = span.rule;
      continue;
    }
    out.push(span);
  }
  return out;
}

function finish(t: Tokens, condition: Condition): RawSpan {
  const span: RawSpan = { kind: 'diagnostic', rule: condition.rule, start: condition.start, end: condition.end };
  const context = detectContext(t, condition.first, condition.last);
  if (context !== undefined) span.context = context;
  return span;
}

/** A diagnostic phrase ("diagnosed with", "rule out") together with its condition. */
function phraseAt(t: Tokens, i: number, generic: Map<number, number>): Condition | undefined {
  const words = t.words;
  const strong = STRONG.matchAt(t, i);
  const weak = WEAK.matchAt(t, i);
  const candidates = [strong, weak].filter((m): m is TermMatch<true> => m !== undefined).sort((a, b) => b.last - a.last);
  for (const phrase of candidates) {
    // "dx" needs to look like the abbreviation: not "DX" inside a word list of capitals is fine either way.
    let q = phrase.last + 1;
    let fillers = 0;
    while (q < words.length && fillers < 3 && FILLERS.has((words[q] as Token).lower) && linked(t, q)) {
      q += 1;
      fillers += 1;
    }
    if (q >= words.length || !linked(t, q)) continue;
    const condition = conditionAt(t, q, generic, true);
    if (condition !== undefined) {
      return { rule: 'diagnostic.phrase', first: i, last: condition.last, start: phrase.start, end: condition.end };
    }
    // "meets criteria for McKinney-Vento", "met criteria for free lunch": eligibility, not a diagnosis.
    if (phrase === strong && criteriaPhrase(t, phrase) && eligibilityAt(t, q)) continue;
    // "not dx'd with anything", "diagnosed with something?": no condition is named.
    if (INDEFINITE.has((words[q] as Token).lower)) continue;
    if (phrase === strong) {
      let last = -1;
      for (let k = q; k < words.length && k < q + 4; k += 1) {
        const word = words[k] as Token;
        if (k > q && !joinsTerm(word.join)) break;
        if (NP_STOPS.has(word.lower) || word.type === 'num') break;
        last = k;
      }
      if (last >= q) {
        return { rule: 'diagnostic.phrase', first: i, last, start: phrase.start, end: (words[last] as Token).end };
      }
    }
  }
  return undefined;
}

function criteriaPhrase(t: Tokens, phrase: TermMatch<true>): boolean {
  for (let k = phrase.first; k <= phrase.last; k += 1) if ((t.words[k] as Token).lower === 'criteria') return true;
  return false;
}

/** A program, a service or a capitalised name of one after "criteria for" ("McKinney-Vento", "free lunch", "Title I"). */
function eligibilityAt(t: Tokens, q: number): boolean {
  const word = t.words[q] as Token;
  return ELIGIBILITY.has(word.lower) || word.type === 'num' || isCapitalized(word);
}

/** Word q follows the word before it with a space, hyphen, slash or a colon ("dx: ADHD"). */
function linked(t: Tokens, q: number): boolean {
  const word = t.words[q] as Token;
  if (joinsTerm(word.join)) return true;
  const prev = t.tokens[word.index - 1];
  const prevWord = t.words[q - 1];
  return prev !== undefined && prevWord !== undefined && prev.text === ':' && prev.index === prevWord.index + 1 && !word.lineBefore;
}

/** A condition starting at word i: a code, a lexicon term or a generic "… disorder", with its modifiers and specifiers. */
function conditionAt(t: Tokens, i: number, generic: Map<number, number>, inPhrase: boolean): Condition | undefined {
  const code = codeAt(t, i);
  if (code !== undefined) return withSpecifiers(t, code);
  const match = CONDITIONS.matchAt(t, i);
  const genericEnd = generic.get(i);
  let condition: Condition | undefined;
  if (match !== undefined && accept(t, match, inPhrase)) {
    condition = { rule: match.value.rule, first: match.first, last: match.last, start: match.start, end: match.end };
  }
  if (match === undefined && genericEnd === undefined) condition = misspelledAt(t, i) ?? misspelledAbbreviationAt(t, i, inPhrase);
  if (genericEnd !== undefined && (condition === undefined || genericEnd > condition.last)) {
    const head = t.words[genericEnd] as Token;
    condition = { rule: 'diagnostic.name', first: i, last: genericEnd, start: (t.words[i] as Token).start, end: head.end };
  }
  if (condition === undefined) return undefined;
  if (suffixedWord(t, condition.last)) return undefined;
  if (condition.rule !== 'diagnostic.medication') {
    const after = t.words[condition.last + 1];
    if (after !== undefined && joinsTerm(after.join) && AWARENESS.has(after.lower)) return undefined;
  }
  return withSpecifiers(t, withModifiers(t, condition));
}

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
function misspelledAt(t: Tokens, i: number): Condition | undefined {
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
function misspelledAbbreviationAt(t: Tokens, i: number, inPhrase: boolean): Condition | undefined {
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

/** "ADD-ing", "ODD-ly": a capital abbreviation glued to a lower-case ending is an ordinary word. */
function suffixedWord(t: Tokens, last: number): boolean {
  const word = t.words[last] as Token;
  const next = t.words[last + 1];
  if (next === undefined || next.join !== 'hyphen' || word.text !== word.text.toUpperCase()) return false;
  const hyphen = t.tokens[word.index + 1] as Token;
  return !hyphen.spaceBefore && !next.spaceBefore && WORD_ENDINGS.includes(next.text);
}

function withModifiers(t: Tokens, condition: Condition): Condition {
  let first = condition.first;
  for (let step = 0; step < 3 && first > 0; step += 1) {
    if (!joinsTerm((t.words[first] as Token).join)) break;
    let extended = false;
    for (let k = Math.max(0, first - 2); k < first; k += 1) {
      const modifier = MODIFIERS.matchAt(t, k);
      if (modifier !== undefined && modifier.last === first - 1) {
        first = k;
        extended = true;
        break;
      }
    }
    if (!extended) break;
  }
  if (first === condition.first) return condition;
  return { ...condition, first, start: (t.words[first] as Token).start };
}

function withSpecifiers(t: Tokens, condition: Condition): Condition {
  let last = condition.last;
  let end = condition.end;
  for (let step = 0; step < 3; step += 1) {
    const next = t.words[last + 1];
    if (next === undefined) break;
    const lastToken = t.words[last] as Token;
    const between = next.index - lastToken.index - 1;
    let paren = false;
    if (between === 1) {
      const mid = t.tokens[lastToken.index + 1] as Token;
      if (mid.text === '(') paren = true;
      else if (mid.text !== ',' && mid.text !== '-' && mid.text !== '\u2013') break;
    } else if (between > 1 || next.lineBefore) {
      break;
    }
    const specifier = SPECIFIERS.matchAt(t, last + 1);
    if (specifier === undefined) break;
    last = specifier.last;
    end = specifier.end;
    if (paren) {
      const close = t.tokens[(t.words[last] as Token).index + 1];
      if (close !== undefined && close.text === ')') end = close.end;
    }
  }
  return last === condition.last ? condition : { ...condition, last, end };
}

/** "heard voices arguing in the locker room": people nearby, not voices inside (data/ordinarySenses.ts). */
function realVoices(t: Tokens, last: number): boolean {
  let real = false;
  for (let k = last + 1; k < t.words.length && k <= last + 5; k += 1) {
    const word = t.words[k] as Token;
    if (isSentenceEnd(t, t.tokens[word.index - 1] as Token)) break;
    if (VOICES_INNER.has(word.lower)) return false;
    if ((k === last + 1 && VOICES_VERBS.has(word.lower)) || VOICES_PLACES.has(word.lower)) real = true;
  }
  return real;
}

function nextWordLower(t: Tokens, index: number): string | undefined {
  const next = t.words[index + 1];
  if (next === undefined || !joinsTerm(next.join)) return undefined;
  return next.lower;
}

function prevWordLower(t: Tokens, index: number): string | undefined {
  const word = t.words[index] as Token;
  const prev = t.words[index - 1];
  if (prev === undefined || !joinsTerm(word.join)) return undefined;
  return prev.lower;
}

/** Guards for words that are symptom or condition language only in some uses. */
function accept(t: Tokens, match: TermMatch<ConditionValue>, inPhrase: boolean): boolean {
  const special = match.value.special;
  // "under SLD eligibility", "the EBD category": a school's eligibility category by its letters, not a person's diagnosis.
  const word0 = t.words[match.first] as Token;
  const following = nextWordLower(t, match.last);
  if (!inPhrase && match.first === match.last && word0.text.length <= 4 && word0.text === word0.text.toUpperCase() && following !== undefined && CATEGORY_AFTER.has(following)) return false;
  // "found eligible under Specific Learning Disability": a school category that names no condition.
  if (!inPhrase && schoolCategory(t, match)) return false;
  if (special === null) return true;
  const after = following;
  const before = prevWordLower(t, match.first);
  const word = t.words[match.first] as Token;
  switch (special) {
    case 'lowercase':
      return inPhrase || conditionNear(t, match.first, match.last) || clinicalNear(t, match.first, match.last);
    case 'screening':
      if (word.text !== word.lower) return true; // "SI", "HI" are handled as capitals below
      return inPhrase || clinicalNear(t, match.first, match.last);
    case 'casual':
      return after === undefined || !THINGS_AFTER.has(after);
    case 'wordlike':
      return after === undefined || !WORD_SENSE.has(after);
    case 'medication':
      return after === undefined || !NOT_MEDICATION.has(after);
    case 'depression':
      if (before !== undefined && DEPRESSION_BEFORE.has(before)) return false;
      if (after !== undefined && DEPRESSION_AFTER.has(after)) return false;
      return !(isCapitalized(word) && before === 'the');
    case 'anxiety': {
      // After "rule out", "dx of": the condition, whatever follows ("r/o anxiety when he is older").
      if (inPhrase) return true;
      if (after !== undefined && ANXIETY_AFTER.has(after)) return false;
      const prevToken = t.tokens[word.index - 1];
      const possessive = prevToken !== undefined && prevToken.type === 'word' && prevToken.base !== prevToken.lower;
      return possessive || (before !== undefined && ANXIETY_BEFORE.has(before));
    }
    case 'cutting':
      return cuttingIsSelfHarm(t, match.first, after);
    case 'purging':
      return after === undefined || !PURGE_ORDINARY.has(after);
    case 'restricting':
      return after !== undefined && RESTRICT_EATING.has(after);
    case 'voices':
      return !realVoices(t, match.last);
    case 'suicide':
      if (programTitle(t, match.first) || titleRun(t, match.first)) return false;
      return after === undefined || !SUICIDE_ORDINARY.has(after);
    case 'flashback': {
      const next = t.words[match.last + 1];
      if (next !== undefined && joinsTerm(next.join) && isCapitalized(next)) return false;
      return after === undefined || !FLASHBACK_EVENT.has(after);
    }
    case 'hi': {
      // "Honolulu, HI 96813": the state, not homicidal ideation.
      const next = t.words[match.last + 1];
      if (next !== undefined && next.type === 'num' && next.text.length === 5) return false;
      // "HI!", "HI there": a greeting.
      const following = t.tokens[word.index + 1];
      if (following !== undefined && following.text === '!') return false;
      if (after === 'there' || after === 'everyone' || after === 'all') return false;
      // "moving to HI after break": the state after a word of place or travel.
      if (before !== undefined && STATE_BEFORE.has(before)) return false;
      const prevToken = t.tokens[word.index - 1];
      const prevWord = t.words[match.first - 1];
      return !(prevToken !== undefined && prevToken.text === ',' && prevWord !== undefined && isCapitalized(prevWord));
    }
  }
}

/** "Signs of Suicide": a capitalised word in a Title Case name ("<Word> of <Word>") is a program's title. */
function programTitle(t: Tokens, first: number): boolean {
  const word = t.words[first] as Token;
  if (!isCapitalized(word)) return false;
  const of = t.words[first - 1];
  const head = t.words[first - 2];
  return of !== undefined && head !== undefined && ['of', 'for', 'to'].includes(of.lower) && joinsTerm(word.join) && joinsTerm(of.join) && isCapitalized(head);
}

/** "988 Suicide & Crisis Lifeline": a capitalised word that starts a run of three capitalised words is a name. */
function titleRun(t: Tokens, first: number): boolean {
  let capitals = 0;
  for (let k = first; k < t.words.length && k < first + 4; k += 1) {
    const word = t.words[k] as Token;
    if (!isCapitalized(word)) break;
    capitals += 1;
  }
  return capitals >= 3;
}

/** A clinical screening word within three words before ("denies si", "screened for si") or right after ("si screen"). */
function clinicalNear(t: Tokens, first: number, last: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 3; k -= 1) {
    const word = t.words[k] as Token;
    const after = t.tokens[word.index + 1] as Token;
    if (isSentenceEnd(t, after) || (t.words[k + 1] as Token).lineBefore) break;
    if (CUES_BEFORE.has(word.lower)) return true;
  }
  const next = t.words[last + 1];
  return next !== undefined && !next.lineBefore && joinsTerm(next.join) && CUES_AFTER.has(next.lower);
}

/** Another condition within two words, joined by "and", "/", "," or "+" ("adhd and odd", "adhd/odd"). */
function conditionNear(t: Tokens, first: number, last: number): boolean {
  for (const k of [first - 2, first - 1, last + 1, last + 2]) {
    if (k < 0 || k >= t.words.length) continue;
    const from = Math.min(k, first);
    const to = Math.max(k, last);
    if (!listJoined(t, from, to)) continue;
    const other = CONDITIONS.matchAt(t, k);
    if (other !== undefined && other.value.special === null && (other.last < first || other.first > last)) return true;
  }
  return false;
}

/** Words from..to follow each other with only spaces, "/", ",", "+" or "&" between them. */
function listJoined(t: Tokens, from: number, to: number): boolean {
  for (let j = from + 1; j <= to; j += 1) {
    const word = t.words[j] as Token;
    if (word.lineBefore) return false;
    if (joinsTerm(word.join)) continue;
    const prev = t.words[j - 1] as Token;
    if (word.index - prev.index !== 2) return false;
    const mid = (t.tokens[prev.index + 1] as Token).text;
    if (mid !== ',' && mid !== '+' && mid !== '&') return false;
  }
  return true;
}

function cuttingIsSelfHarm(t: Tokens, index: number, after: string | undefined): boolean {
  const word = t.words[index] as Token;
  // "disclosed cutting during a wound check", "hx of cutting": told as something done to oneself.
  const previous = index > 0 ? (t.words[index - 1] as Token).lower : undefined;
  if (word.lower === 'cutting' && previous !== undefined && CUT_DISCLOSED.has(previous) && !(after !== undefined && (CUT_ORDINARY.has(after) || OBJECT_DETERMINERS.has(after)))) return true;
  const nextToken = t.tokens[word.index + 1];
  // "cutting." / "cutting —": nothing follows that it could be cutting.
  if (after === undefined) {
    if (word.lower === 'cut') return false;
    return nextToken === undefined || nextToken.text !== '-';
  }
  if (after === 'on') {
    for (let k = index + 2; k < index + 5 && k < t.words.length; k += 1) {
      if (BODY.has((t.words[k] as Token).lower)) return true;
    }
    return false;
  }
  // "cutting thighs": a part of the body right after.
  if (after !== undefined && BODY.has(after)) return true;
  // "cutting her arm with a blade": one's own body as the object.
  if (after !== undefined && ['her', 'his', 'their', 'my', 'your'].includes(after) && BODY.has(nextWordLower(t, index + 1) ?? '')) return true;
  if (after === 'and' || after === 'or') {
    const further = nextWordLower(t, index + 1);
    return further === undefined || !CRAFT_AFTER_AND.has(further);
  }
  if (CUT_ORDINARY.has(after)) return false;
  if (word.lower === 'cut' || word.lower === 'cuts') {
    return after === 'herself' || after === 'himself' || after === 'themselves' || after === 'themself' || after === 'myself' || after === 'marks';
  }
  return CUT_SELF.has(after);
}

/** ICD-10-CM ("F90.0", "Z63.5", "F41") and DSM ("314.01", "V61.20") codes. */
function codeAt(t: Tokens, i: number): Condition | undefined {
  const word = t.words[i] as Token;
  const spoken = word.text.length === 1 ? spokenCodeAt(t, i, codeCueBefore(t, i)) : undefined;
  if (spoken !== undefined) return { rule: 'diagnostic.code.icd10', first: i, last: spoken.last, start: word.start, end: (t.words[spoken.last] as Token).end };
  const loose = looseCodeAt(t, i);
  if (loose !== undefined) return loose;
  if (word.type === 'alnum' && word.text.length === 3) {
    const upper = word.text.toUpperCase();
    const dotted = subcodeAfter(t, word);
    const isUpper = upper === word.text;
    if (ICD10_CATEGORY.test(upper) && (isUpper || dotted !== undefined) && ICD10CM_CATEGORIES.has(upper)) {
      if (locatorAround(t, i)) return undefined;
      const end = dotted === undefined ? word.end : dotted.end;
      const last = dotted === undefined ? i : dotted.wordIndex;
      return { rule: 'diagnostic.code.icd10', first: i, last, start: word.start, end };
    }
    if (DSM_V_CATEGORY.test(upper) && dotted !== undefined && DSM_V_CATEGORIES.has(upper)) {
      if (locatorAround(t, i)) return undefined;
      return { rule: 'diagnostic.code.dsm', first: i, last: dotted.wordIndex, start: word.start, end: dotted.end };
    }
    return undefined;
  }
  if (word.type === 'num' && word.text.length === 3) {
    const value = Number(word.text);
    if (value < DSM_NUMERIC_RANGE[0] || value > DSM_NUMERIC_RANGE[1]) return undefined;
    const dot = t.tokens[word.index + 1];
    const sub = t.tokens[word.index + 2];
    if (dot === undefined || sub === undefined || dot.text !== '.' || dot.spaceBefore || sub.spaceBefore) return undefined;
    if (sub.type !== 'num' || sub.text.length > 2) return undefined;
    const before = t.tokens[word.index - 1];
    if (before !== undefined && before.text === '$') return undefined;
    if (before !== undefined && !word.spaceBefore && !CODE_OPENERS.has(before.text)) return undefined;
    const beyond = t.tokens[sub.index + 1];
    if (beyond !== undefined && !beyond.spaceBefore && (beyond.text === '.' || beyond.text === '-') && t.tokens[sub.index + 2]?.type === 'num') return undefined;
    const unit = t.words[sub.wordIndex + 1];
    if (unit !== undefined && joinsTerm(unit.join) && QUANTITY_UNITS.has(unit.lower)) return undefined;
    const prevWord = t.words[i - 1];
    if (prevWord !== undefined && joinsTerm(word.join) && SCORE_WORDS.has(prevWord.lower)) return undefined;
    if (locatorAround(t, i)) return undefined;
    return { rule: 'diagnostic.code.dsm', first: i, last: sub.wordIndex, start: word.start, end: sub.end };
  }
  return undefined;
}

/**
 * ICD-10-CM codes as typed in a hurry: without the dot ("F4310", "F900") or
 * with a space after the letter ("F 90.0"). Only in capitals, only for a
 * category of the mental and behavioural list, never as a place or a thing.
 */
function looseCodeAt(t: Tokens, i: number): Condition | undefined {
  const word = t.words[i] as Token;
  if (word.type === 'alnum' && word.text.length >= 4 && word.text.length <= 7 && word.text === word.text.toUpperCase()) {
    const category = word.text.slice(0, 3);
    if (!ICD10_CATEGORY.test(category) || !ICD10CM_CATEGORIES.has(category) || !ICD10_SUBCODE.test(word.text.slice(3))) return undefined;
    if (locatorAround(t, i)) return undefined;
    return { rule: 'diagnostic.code.icd10', first: i, last: i, start: word.start, end: word.end };
  }
  if (word.type === 'word' && word.text.length === 1 && word.text !== word.lower) {
    const num = t.words[i + 1];
    if (num === undefined || num.type !== 'num' || num.text.length !== 2 || num.join !== 'space') return undefined;
    const category = word.text + num.text;
    const sub = subcodeAfter(t, num);
    if (sub === undefined || !ICD10CM_CATEGORIES.has(category) || locatorAround(t, i)) return undefined;
    return { rule: 'diagnostic.code.icd10', first: i, last: sub.wordIndex, start: word.start, end: sub.end };
  }
  return spacedCodeAt(t, i);
}

/**
 * "code f90 0", "F43 10": a category of the list with its subcode after a
 * space instead of the dot. In capitals anywhere; in lower case only after a
 * word that announces a code ("code", "ICD", "dx").
 */
function spacedCodeAt(t: Tokens, i: number): Condition | undefined {
  const word = t.words[i] as Token;
  if (word.type !== 'alnum' || word.text.length !== 3) return undefined;
  const category = word.text.toUpperCase();
  if (!ICD10_CATEGORY.test(category) || !ICD10CM_CATEGORIES.has(category)) return undefined;
  const sub = t.words[i + 1];
  if (sub === undefined || sub.type !== 'num' || sub.text.length > 2 || sub.join !== 'space' || sub.lineBefore) return undefined;
  const beyond = t.tokens[sub.index + 1];
  if (beyond !== undefined && !beyond.spaceBefore && beyond.type !== 'punct') return undefined;
  if (word.text !== category && !codeCueBefore(t, i)) return undefined;
  if (locatorAround(t, i)) return undefined;
  return { rule: 'diagnostic.code.icd10', first: i, last: i + 1, start: word.start, end: sub.end };
}

function codeCueBefore(t: Tokens, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k -= 1) {
    const before = t.words[k] as Token;
    if (CODE_CUES.has(before.lower)) return true;
    if (isSentenceEnd(t, t.tokens[before.index + 1] as Token)) return false;
  }
  return false;
}

/** ".0" / ".820" right after an ICD category, without spaces. */
function subcodeAfter(t: Tokens, word: Token): Token | undefined {
  const dot = t.tokens[word.index + 1];
  const sub = t.tokens[word.index + 2];
  if (dot === undefined || sub === undefined || dot.text !== '.' || dot.spaceBefore || sub.spaceBefore) return undefined;
  if (sub.type === 'punct' || !ICD10_SUBCODE.test(sub.text.toUpperCase())) return undefined;
  return sub;
}

/** "bus F32", "Portable F32", "room 314.1": a place or a thing, not a code. */
function locatorAround(t: Tokens, i: number): boolean {
  const word = t.words[i] as Token;
  const prev = t.words[i - 1];
  if (prev !== undefined && joinsTerm(word.join) && LOCATOR_WORDS.has(prev.lower)) return true;
  const prevToken = t.tokens[word.index - 1];
  if (prevToken !== undefined && prevToken.text === '#') return true;
  const next = t.words[i + 1];
  return next !== undefined && joinsTerm(next.join) && LOCATOR_AFTER.has(next.lower);
}

/**
 * Generic "<modifier…> disorder|syndrome": returns a map from the first
 * modifier's word index to the head's word index.
 */
function genericHeads(t: Tokens): Map<number, number> {
  const map = new Map<number, number>();
  const words = t.words;
  for (let h = 1; h < words.length; h += 1) {
    const head = words[h] as Token;
    // "disorder", "syndrome", or its short form "d/o" ("anxiety d/o").
    const headLast = HEADS.has(head.lower) ? h : DISORDER_SHORT.matchAt(t, h)?.last;
    if (headLast === undefined) continue;
    let first = h;
    for (let k = h - 1; k >= 0 && k >= h - 3; k -= 1) {
      const word = words[k] as Token;
      const joinToNext = (words[k + 1] as Token).join;
      if (!joinsTerm(joinToNext)) break;
      if (word.type !== 'word' || NOT_MODIFIER.has(word.lower) || word.base !== word.lower) break;
      first = k;
    }
    // Prefer where a known term covering the head starts ("lists oppositional defiant disorder" → "oppositional …").
    for (let k = first; k < h; k += 1) {
      const known = CONDITIONS.matchAt(t, k);
      if (known !== undefined && known.last >= h) {
        first = k;
        break;
      }
    }
    if (first < h && !map.has(first)) map.set(first, headLast);
  }
  return map;
}
