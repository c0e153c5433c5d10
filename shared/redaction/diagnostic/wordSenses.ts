import { CRAFT_WORDS } from '../data/diagnosticForms';
import { INNER_VOICES_WORDS, PLACE_BEFORE_STATE, REAL_VOICES_PLACES, REAL_VOICES_VERBS, THING_NOUNS_AFTER, WORD_SENSE_AFTER } from '../data/ordinarySenses';
import { NOT_MEDICATION_AFTER } from '../data/medications';
import {
  ANXIETY_CONDITION_BEFORE,
  ANXIETY_FEELING_AFTER,
  BODY_PARTS,
  CUTTING_DISCLOSED_BEFORE,
  CUTTING_ORDINARY_AFTER,
  CUTTING_SELF_AFTER,
  DEPRESSION_ORDINARY_AFTER,
  DEPRESSION_ORDINARY_BEFORE,
  FLASHBACK_EVENT_AFTER,
  PURGING_ORDINARY_AFTER,
  RESTRICTING_EATING_AFTER,
  SUICIDE_ORDINARY_AFTER,
} from '../data/symptoms';
import { type TermMatch, wordSet } from '../lexicon';
import { isCapitalized, isSentenceEnd, joinsTerm, type Token, type Tokens } from '../text';
import type { ConditionValue } from './conditions';
import { schoolEligibility } from './eligibility';
import { clinicalNear, conditionNear, nextWordLower, prevWordLower } from './neighbours';

/**
 * Whether a word with an ordinary sense is used in its clinical one: cutting
 * paper or oneself, purging old files, restricting food, the Great Depression,
 * a suicide-prevention program, voices in the hallway or inside, "HI" the
 * state or the greeting, lithium the medicine or the battery.
 */

const THINGS_AFTER = wordSet(THING_NOUNS_AFTER);
const WORD_SENSE = wordSet(WORD_SENSE_AFTER);
const NOT_MEDICATION = wordSet(NOT_MEDICATION_AFTER);
const DEPRESSION_BEFORE = wordSet(DEPRESSION_ORDINARY_BEFORE);
const DEPRESSION_AFTER = wordSet(DEPRESSION_ORDINARY_AFTER);
const ANXIETY_BEFORE = wordSet(ANXIETY_CONDITION_BEFORE);
const ANXIETY_AFTER = wordSet(ANXIETY_FEELING_AFTER);
const PURGE_ORDINARY = wordSet(PURGING_ORDINARY_AFTER);
const RESTRICT_EATING = wordSet(RESTRICTING_EATING_AFTER);
const SUICIDE_ORDINARY = wordSet(SUICIDE_ORDINARY_AFTER);
const FLASHBACK_EVENT = wordSet(FLASHBACK_EVENT_AFTER);
const STATE_BEFORE = wordSet(PLACE_BEFORE_STATE);
const VOICES_VERBS = wordSet(REAL_VOICES_VERBS);
const VOICES_PLACES = wordSet(REAL_VOICES_PLACES);
const VOICES_INNER = wordSet(INNER_VOICES_WORDS);
const CUT_SELF = wordSet(CUTTING_SELF_AFTER);
const CUT_ORDINARY = wordSet(CUTTING_ORDINARY_AFTER);
const CUT_DISCLOSED = wordSet(CUTTING_DISCLOSED_BEFORE);
/** "started cutting the paper": an object after the verb is something cut. */
const OBJECT_DETERMINERS = wordSet(['the', 'a', 'an', 'his', 'her', 'their', 'my', 'out', 'up', 'it', 'them', 'paper']);
const BODY = wordSet(BODY_PARTS);
const CRAFT_AFTER_AND = wordSet(CRAFT_WORDS);

/** Verbs that join a subject to what describes it. */
const LINKING = wordSet(['is', 'was', 'are', 'were', 'been', 'feels', 'felt', 'seems', 'seemed', 'looks', 'looked', 'gets', 'got']);
/** Words of degree between the verb and the word ("so", "super", "totally"). */
const DEGREE = wordSet(['so', 'super', 'totally', 'really', 'very', 'kinda', 'kind', 'of', 'lowkey', 'literally', 'honestly', 'absolutely', 'pretty', 'a', 'bit', 'little']);

/** "The weather is so bipolar today", "this week has been manic": a thing, a day or the weather is what the word describes. */
function thingIsSubject(t: Tokens, first: number): boolean {
  let index = first - 1;
  while (index >= 0 && DEGREE.has((t.words[index] as Token).lower) && first - index <= 2) index -= 1;
  const verb = t.words[index];
  if (verb === undefined || !LINKING.has(verb.lower)) return false;
  const been = verb.lower === 'been' ? t.words[index - 1] : undefined;
  const subject = t.words[been !== undefined && (been.lower === 'has' || been.lower === 'have') ? index - 2 : index - 1];
  return subject !== undefined && THINGS_AFTER.has(subject.base);
}

/** Right beside "HI": deaf and hard-of-hearing education, where HI means hearing impaired ("HI/DHH", "HI itinerant"). */
function hearingNear(t: Tokens, index: number): boolean {
  const before = t.words[index - 1];
  const after = t.words[index + 1];
  return (before !== undefined && HEARING.has(before.lower) && before.lower !== 'si') || (after !== undefined && HEARING.has(after.lower));
}
const HEARING = wordSet(['dhh', 'hoh', 'deaf', 'audiology', 'itinerant']);

/** Nouns that end a program's or a service's name. */
const PROGRAM_NOUNS = wordSet(['program', 'programs', 'clinic', 'center', 'centre', 'unit', 'service', 'services', 'team', 'association', 'foundation', 'institute', 'network', 'alliance']);

/**
 * "the Eating Disorders Program at Children's", "Anxiety Disorders Clinic": every word of the
 * term in Title Case (not capitals) and a capitalised program noun right after, a program's
 * name (POLICY.md, titles of programs).
 */
export function namesProgram(t: Tokens, first: number, last: number): boolean {
  for (let k = first; k <= last; k += 1) {
    const word = t.words[k] as Token;
    if (!isCapitalized(word) || word.text === word.text.toUpperCase()) return false;
  }
  const next = t.words[last + 1];
  return next !== undefined && joinsTerm(next.join) && isCapitalized(next) && PROGRAM_NOUNS.has(next.lower);
}

/** "depression screener", "depression screening letter/consents/day": the screening tool or programme, with no one's result. */
function universalScreening(t: Tokens, last: number): boolean {
  const next = t.words[last + 1];
  if (next === undefined || !joinsTerm(next.join)) return false;
  if (next.lower === 'screener' || next.lower === 'screeners') return true;
  const after = t.words[last + 2];
  return (next.lower === 'screening' || next.lower === 'screenings') && after !== undefined && SCREENING_PROGRAM.has(after.lower);
}
const SCREENING_PROGRAM = wordSet(['letter', 'letters', 'consent', 'consents', 'form', 'forms', 'day', 'program', 'week', 'schedule', 'opt-out']);

/** Guards for words that are symptom or condition language only in some uses. */
export function inClinicalSense(t: Tokens, match: TermMatch<ConditionValue>, inPhrase: boolean): boolean {
  const special = match.value.special;
  // "SLD eligibility", "eligible under Specific Learning Disability": a school's category, not a person's diagnosis.
  if (!inPhrase && schoolEligibility(t, match)) return false;
  if (special === null) return true;
  const after = nextWordLower(t, match.last);
  const before = prevWordLower(t, match.first);
  const word = t.words[match.first] as Token;
  switch (special) {
    case 'lowercase':
      return inPhrase || conditionNear(t, match.first, match.last) || clinicalNear(t, match.first, match.last);
    case 'screening':
      if (word.text !== word.lower) return true; // "SI", "HI" are handled as capitals below
      return inPhrase || clinicalNear(t, match.first, match.last);
    case 'casual':
      return (after === undefined || !THINGS_AFTER.has(after)) && !thingIsSubject(t, match.first);
    case 'wordlike':
      return after === undefined || !WORD_SENSE.has(after);
    case 'medication':
      return after === undefined || !NOT_MEDICATION.has(after);
    case 'depression':
      // "the depression screener (PHQ-A)", "depression screening letter": an instrument or a program for every student, not anyone's condition.
      if (universalScreening(t, match.last)) return false;
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
      // "Emma (HI/DHH)", "HI itinerant teacher": hearing impaired, beside words of hearing.
      if (hearingNear(t, match.first)) return false;
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

/** Before "cuts" as a noun: what was seen, and how many or how fresh. */
const MARKS_BEFORE = wordSet(['found', 'saw', 'seen', 'noticed', 'showed', 'new', 'fresh', 'old', 'healed', 'healing', 'some', 'the', 'a', 'two', 'three', 'several', 'many', 'visible', 'small', 'deep', 'any', 'no', 'with', 'has', 'had']);

function cuttingIsSelfHarm(t: Tokens, index: number, after: string | undefined): boolean {
  const word = t.words[index] as Token;
  // "disclosed cutting during a wound check", "hx of cutting": told as something done to oneself.
  const previous = index > 0 ? (t.words[index - 1] as Token).lower : undefined;
  if (word.lower === 'cutting' && previous !== undefined && CUT_DISCLOSED.has(previous) && !(after !== undefined && (CUT_ORDINARY.has(after) || OBJECT_DETERMINERS.has(after)))) return true;
  // "found cuts on her arm", "new cuts": marks seen, a noun; the behaviour is "she cuts", "cutting", "self-harm".
  if (word.lower === 'cuts' && previous !== undefined && MARKS_BEFORE.has(previous)) return false;
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
