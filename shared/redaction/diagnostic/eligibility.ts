import { ELIGIBILITY_WORDS, SCHOOL_CATEGORY_CUES, SCHOOL_CATEGORY_NAMES } from '../data/ordinarySenses';
import { type TermMatch, wordSet } from '../lexicon';
import { isCapitalized, type Token, type Tokens } from '../text';
import type { ConditionValue } from './conditions';
import { nextWordLower } from './neighbours';

/**
 * Schools' eligibility words that look like diagnoses: a special-education
 * category ("SLD eligibility", "found eligible under Specific Learning
 * Disability") and the programs a student "meets criteria for"
 * ("McKinney-Vento", "free lunch"). Neither names a person's condition.
 */

const CATEGORY_NAMES = wordSet(SCHOOL_CATEGORY_NAMES);
const CATEGORY_CUES = wordSet(SCHOOL_CATEGORY_CUES);
/** After a category's letters: "SLD eligibility". */
const CATEGORY_AFTER = wordSet(['eligibility', 'category', 'classification', 'label']);
const ELIGIBILITY = wordSet(ELIGIBILITY_WORDS);

/** A school's eligibility category, by its letters or by its name, where a condition's term stands. */
export function schoolEligibility(t: Tokens, match: TermMatch<ConditionValue>): boolean {
  // "under SLD eligibility", "the EBD category": a school's eligibility category by its letters, not a person's diagnosis.
  const word0 = t.words[match.first] as Token;
  const following = nextWordLower(t, match.last);
  if (match.first === match.last && word0.text.length <= 4 && word0.text === word0.text.toUpperCase() && following !== undefined && CATEGORY_AFTER.has(following)) return true;
  // "found eligible under Specific Learning Disability": a school category that names no condition.
  return schoolCategory(t, match);
}

function schoolCategory(t: Tokens, match: TermMatch<ConditionValue>): boolean {
  const name = t.words.slice(match.first, match.last + 1).map((w) => w.lower).join(' ');
  if (!CATEGORY_NAMES.has(name)) return false;
  for (let k = match.first - 1; k >= 0 && k >= match.first - 3; k -= 1) if (CATEGORY_CUES.has((t.words[k] as Token).lower)) return true;
  const after = t.words[match.last + 1];
  return after !== undefined && CATEGORY_CUES.has(after.lower);
}

/** "meets criteria for McKinney-Vento", "met criteria for free lunch": a "criteria" phrase before a program, not a diagnosis. */
export function criteriaForEligibility(t: Tokens, phrase: TermMatch<true>, q: number): boolean {
  return criteriaPhrase(t, phrase) && eligibilityAt(t, q);
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
