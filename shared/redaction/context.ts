import {
  FAMILY_LINKS,
  FAMILY_MEMBERS,
  HISTORICAL_CUES,
  NEGATION_AFTER,
  NEGATION_BEFORE,
  UNCERTAIN_AFTER,
  UNCERTAIN_BEFORE,
} from './data/context';
import { SPEECH_VERBS } from './data/speech';
import type { FindingContext } from './finding';
import { wordSet } from './lexicon';
import { isSentenceEnd, type Token, type Tokens } from './text';

const NEG_BEFORE = wordSet(NEGATION_BEFORE);
const NEG_AFTER = wordSet(NEGATION_AFTER);
const UNC_BEFORE = wordSet(UNCERTAIN_BEFORE);
const UNC_AFTER = wordSet(UNCERTAIN_AFTER);
const FAMILY = wordSet(FAMILY_MEMBERS);
const LINKS = wordSet(FAMILY_LINKS);
const HISTORY = wordSet(HISTORICAL_CUES);
const SPEECH = wordSet(SPEECH_VERBS);
const SUBJECTS = wordSet(['he', 'she', 'they', 'i', 'we', 'you', 'it', "he's", "she's", "they're"]);

const WINDOW_BEFORE = 6;
const WINDOW_AFTER = 4;

/**
 * Labels the context of a diagnostic span (words first..last): negated,
 * uncertain, family or historical, in that order of precedence. The label
 * explains a finding; it never suppresses one.
 */
export function detectContext(t: Tokens, first: number, last: number): FindingContext | undefined {
  const before = wordsBefore(t, first);
  const after = wordsAfter(t, last);
  const inside = t.words.slice(first, last + 1).map((w) => w.lower);

  if (before.some((w) => NEG_BEFORE.has(w.lower)) || after.some((w) => NEG_AFTER.has(w.lower))) return 'negated';
  if (
    before.some((w) => UNC_BEFORE.has(w.lower)) ||
    after.some((w) => UNC_AFTER.has(w.lower)) ||
    questionAfter(t, last) ||
    ['rule', 'r', 'ro', 'provisional', 'differential', 'ddx', 'consistent', 'symptoms', 'signs'].includes(inside[0] ?? '')
  ) {
    return 'uncertain';
  }
  if (familySubject(before)) return 'family';
  if (before.some((w) => HISTORY.has(w.lower) || isYear(w)) || after.some((w) => isYear(w) || w.lower === 'ago')) return 'historical';
  return undefined;
}

function wordsBefore(t: Tokens, first: number): Token[] {
  const out: Token[] = [];
  const firstWord = t.words[first];
  if (firstWord === undefined) return out;
  let index = firstWord.index - 1;
  while (index >= 0 && out.length < WINDOW_BEFORE) {
    const token = t.tokens[index] as Token;
    if (isSentenceEnd(t, token) || token.text === ':' || (t.tokens[index + 1] as Token).lineBefore) break;
    if (token.type !== 'punct') out.unshift(token);
    index -= 1;
  }
  return out;
}

function wordsAfter(t: Tokens, last: number): Token[] {
  const out: Token[] = [];
  const lastWord = t.words[last];
  if (lastWord === undefined) return out;
  let index = lastWord.index + 1;
  while (index < t.tokens.length && out.length < WINDOW_AFTER) {
    const token = t.tokens[index] as Token;
    if (isSentenceEnd(t, token) || token.lineBefore || token.text === ',') break;
    if (token.type !== 'punct') out.push(token);
    index += 1;
  }
  return out;
}

function questionAfter(t: Tokens, last: number): boolean {
  const lastWord = t.words[last];
  if (lastWord === undefined) return false;
  const next = t.tokens[lastWord.index + 1];
  return next !== undefined && next.text === '?';
}

/** "dad has …", "mom's …", "an aunt had …", without a speech verb in between ("mom said he has …"). */
function familySubject(before: readonly Token[]): boolean {
  for (let k = 0; k < before.length; k += 1) {
    const word = before[k] as Token;
    if (!FAMILY.has(word.lower) && !FAMILY.has(word.base)) continue;
    if (word.base !== word.lower && k === before.length - 1) return true; // "mom's depression"
    let linked = false;
    let spoke = false;
    for (let j = k + 1; j < before.length; j += 1) {
      const next = (before[j] as Token).lower;
      if (SPEECH.has(next) || SUBJECTS.has(next)) spoke = true; // "mom said he has", "per grandma he has"
      if (LINKS.has(next) && !spoke) linked = true;
    }
    if (linked && !spoke) return true;
    if (word.base !== word.lower && !spoke) return true;
  }
  return false;
}

function isYear(token: Token): boolean {
  if (token.type !== 'num' || token.text.length !== 4) return false;
  const value = Number(token.text);
  return value >= 1950 && value <= 2100;
}
