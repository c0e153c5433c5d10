import { CLINICAL_CUES_AFTER, CLINICAL_CUES_BEFORE } from '../data/clinicalShorthand';
import { wordSet } from '../lexicon';
import { isSentenceEnd, joinsTerm, type Token, type Tokens } from '../text';
import { CONDITIONS } from './conditions';

/**
 * What stands next to a term: the word joined before or after it, a clinical
 * screening word nearby, another condition in the same list. The sense guards
 * and the spelling matcher read a word's sense from these.
 */

const CUES_BEFORE = wordSet(CLINICAL_CUES_BEFORE);
const CUES_AFTER = wordSet(CLINICAL_CUES_AFTER);

/** The next word in lower case, when it follows word index with a space, hyphen or slash. */
export function nextWordLower(t: Tokens, index: number): string | undefined {
  const next = t.words[index + 1];
  if (next === undefined || !joinsTerm(next.join)) return undefined;
  return next.lower;
}

/** The word before word index in lower case, when joined to it by a space, hyphen or slash. */
export function prevWordLower(t: Tokens, index: number): string | undefined {
  const word = t.words[index] as Token;
  const prev = t.words[index - 1];
  if (prev === undefined || !joinsTerm(word.join)) return undefined;
  return prev.lower;
}

/** A clinical screening word within three words before ("denies si", "screened for si") or right after ("si screen"). */
export function clinicalNear(t: Tokens, first: number, last: number): boolean {
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
export function conditionNear(t: Tokens, first: number, last: number): boolean {
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
