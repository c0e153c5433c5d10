import { detectContext } from './context';
import { AWARENESS_WORDS, CONDITION_HEADS, CONDITION_MODIFIERS, CONDITION_SPECIFIERS, NOT_CONDITION_MODIFIERS } from './data/diagnoses';
import { DISORDER_SHORT_FORMS } from './data/clinicalShorthand';
import { WORD_ENDINGS } from './data/diagnosticForms';
import { SPANISH_STRONG_PHRASES, SPANISH_WEAK_PHRASES } from './data/spanish';
import { DSM_NUMERIC_RANGE, DSM_V_CATEGORIES, QUANTITY_UNITS, SCORE_WORDS } from './data/dsm';
import { ICD10CM_CATEGORIES } from './data/icd10cm';
import { LOCATOR_AFTER, LOCATOR_WORDS } from './data/lookalikes';
import { MEDICATION_SUFFIXES } from './data/medications';
import { CODE_CUE_WORDS, NOUN_PHRASE_STOPS, PHRASE_FILLERS, STRONG_PHRASES, WEAK_PHRASES } from './data/phrasing';
import { type Condition, CONDITIONS } from './diagnostic/conditions';
import { criteriaForEligibility } from './diagnostic/eligibility';
import { misspelledAbbreviationAt, misspelledAt } from './diagnostic/spelling';
import { inClinicalSense, namesProgram } from './diagnostic/wordSenses';
import { TermTrie, wordSet, type TermMatch } from './lexicon';
import { DSM_V_CATEGORY, ICD10_CATEGORY, ICD10_SUBCODE } from './patterns';
import type { RawSpan } from './spans';
import { spokenCodeAt } from './spokenCode';
import { isSentenceEnd, joinsTerm, type Token, type Tokens } from './text';

// The spelling matcher's word lists and its variants, for the scripts that measure and tune it.
export { FUZZY_WORDS, SOUND_WORDS, spellingVariants } from './diagnostic/spelling';

/**
 * The diagnostic rule: finds a condition's name, code, medication or symptom,
 * with the phrase that introduces it and the words that qualify it. Which
 * sense a word is used in (diagnostic/wordSenses.ts), schools' eligibility
 * words (diagnostic/eligibility.ts) and misspelt terms (diagnostic/spelling.ts)
 * are decided in modules of their own.
 */

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
const CODE_CUES = wordSet(CODE_CUE_WORDS);
const DISORDER_SHORT = new TermTrie<true>();
DISORDER_SHORT.addAll(DISORDER_SHORT_FORMS, true);

const HEADS = wordSet(CONDITION_HEADS);
const NOT_MODIFIER = wordSet(NOT_CONDITION_MODIFIERS);
const AWARENESS = wordSet(AWARENESS_WORDS);
const FILLERS = wordSet(PHRASE_FILLERS);
const NP_STOPS = wordSet(NOUN_PHRASE_STOPS);
/** Words after a diagnostic phrase that name no condition. */
const INDEFINITE = wordSet(['anything', 'nothing', 'something', 'anything yet', 'none']);
const CODE_OPENERS = new Set(['(', '[', '"', '\u201c', "'", '\u2018', ':', ',', '/', '\u2014']);

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
    if (phrase === strong && criteriaForEligibility(t, phrase, q)) continue;
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
  if (match !== undefined && inClinicalSense(t, match, inPhrase)) {
    condition = { rule: match.value.rule, first: match.first, last: match.last, start: match.start, end: match.end };
  }
  if (match === undefined && genericEnd === undefined) condition = misspelledAt(t, i) ?? misspelledAbbreviationAt(t, i, inPhrase);
  if (genericEnd !== undefined && (condition === undefined || genericEnd > condition.last)) {
    const head = t.words[genericEnd] as Token;
    condition = { rule: 'diagnostic.name', first: i, last: genericEnd, start: (t.words[i] as Token).start, end: head.end };
  }
  if (condition === undefined) return undefined;
  if (suffixedWord(t, condition.last)) return undefined;
  if (!inPhrase && namesProgram(t, condition.first, condition.last)) return undefined;
  if (condition.rule !== 'diagnostic.medication') {
    const after = t.words[condition.last + 1];
    if (after !== undefined && joinsTerm(after.join) && AWARENESS.has(after.lower)) return undefined;
  }
  return withSpecifiers(t, withModifiers(t, condition));
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
