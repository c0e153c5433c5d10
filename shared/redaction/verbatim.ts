import {
  CLAUSE_NON_STARTERS,
  CLAUSE_REPORTING_VERBS,
  DOCUMENT_NOUNS,
  FEMALE_SPEAKERS,
  FEMALE_THIRD_PERSON,
  FINITE_VERB_CUES,
  FIRST_PERSON_OPENERS,
  HEADING_WORDS,
  HONORIFICS,
  LISTENER_SECOND_PERSON,
  MALE_SPEAKERS,
  MALE_THIRD_PERSON,
  MATERIAL_LINKS,
  MATERIAL_NOUNS,
  NARRATIVE_RESUMERS,
  PERSONAL_PRONOUNS,
  PERSONAL_WRITINGS,
  PLURAL_SPEAKERS,
  PLURAL_THIRD_PERSON,
  SETTING_NOUNS,
  SPEAKER_FIRST_PERSON,
  SPEAKER_MODIFIERS,
  SPEAKER_ROLES,
  SPEECH_ADVERBS,
  SPEECH_VERBS,
  SPEECH_WORDS,
  TITLE_CUES_AFTER,
  TITLE_CUES_BEFORE,
  TITLE_SMALL_WORDS,
  WORKER_POSSESSIONS,
} from './data/speech';
import { MONTHS } from './data/identifiers';
import { findPastedMessages } from './pastedEmail';
import {
  ACTION_OPENERS,
  ATTRIBUTIVE_DETERMINERS,
  BE_FORMS,
  DIRECT_OPENERS,
  DIRECT_SPEECH_CUES,
  NO_ACTION_AFTER,
  OWN_VOICE_WORDS,
  WRITING_VERBS,
} from './data/transcript';
import { wordSet } from './lexicon';
import type { RawSpan } from './spans';
import { isCapitalized, isLetterCode, isSentenceEnd, isSpaceCode, type Token, type Tokens } from './text';

const SPEECH = wordSet(SPEECH_VERBS);
const ADVERBS = wordSet(SPEECH_ADVERBS);
const OPENERS = wordSet(FIRST_PERSON_OPENERS.filter((w) => !['me', 'mine', 'myself', 'us', 'ours'].includes(w)));
const RESUMERS = wordSet(NARRATIVE_RESUMERS);
const ROLES = wordSet(SPEAKER_ROLES);
const HONORIFIC = wordSet(HONORIFICS);
const MODIFIERS = wordSet(SPEAKER_MODIFIERS);
const HEADINGS = wordSet(HEADING_WORDS);
const DOCUMENTS = wordSet(DOCUMENT_NOUNS);
const WRITINGS = wordSet(PERSONAL_WRITINGS);
const TITLE_BEFORE = wordSet(TITLE_CUES_BEFORE);
const TITLE_AFTER = wordSet(TITLE_CUES_AFTER);
const SMALL = wordSet(TITLE_SMALL_WORDS);
const PRONOUNS = wordSet(PERSONAL_PRONOUNS);
const SPEECH_LIKE = wordSet(SPEECH_WORDS);
const OBJECTS = wordSet(['me', 'us', 'him', 'her', 'them']);
const ALWAYS_BACKSHIFT = wordSet(['could', 'would', 'should', 'might', 'must', 'was', 'were', 'had']);
const BACKSHIFT_AFTER_OBJECT = wordSet(['did', 'needed', 'wanted', 'used']);
const FIRST_PERSON_STRONG = wordSet(['i', "i'm", "i've", "i'll", "i'd", 'im', 'me', 'my', 'mine', 'myself', 'we', "we're", "we've", "we'll", "we'd", 'us', 'our']);
const MATERIALS = wordSet(MATERIAL_NOUNS);
const MATERIAL_LINK = wordSet(MATERIAL_LINKS);
const CLAUSE_VERBS = wordSet(CLAUSE_REPORTING_VERBS);
const NON_STARTERS = wordSet(CLAUSE_NON_STARTERS);
const SPEAKER_SELF = wordSet(SPEAKER_FIRST_PERSON);
const LISTENER = wordSet(LISTENER_SECOND_PERSON);
const WORKER_THINGS = wordSet(WORKER_POSSESSIONS);
const FINITE = wordSet(FINITE_VERB_CUES);
const THIRD_PERSON: ReadonlyMap<string, Gender> = new Map([
  ...FEMALE_THIRD_PERSON.map((w) => [w, 'female'] as const),
  ...MALE_THIRD_PERSON.map((w) => [w, 'male'] as const),
  ...PLURAL_THIRD_PERSON.map((w) => [w, 'plural'] as const),
]);
const SPEAKER_GENDER: ReadonlyMap<string, Gender> = new Map([
  ...FEMALE_SPEAKERS.map((w) => [w, 'female'] as const),
  ...MALE_SPEAKERS.map((w) => [w, 'male'] as const),
  ...PLURAL_SPEAKERS.map((w) => [w, 'plural'] as const),
]);
const SETTINGS = wordSet(SETTING_NOUNS);
const SETTING_PREPOSITIONS = wordSet(['on', 'in', 'during', 'at', 'through', 'over', 'under', 'by']);
const SETTING_DETERMINERS = wordSet(['the', 'a', 'an', 'his', 'her', 'their', 'my']);
const CONJUNCTIONS = wordSet(['and', 'then', 'but', 'so']);
const RECIPIENT_PREPOSITIONS = wordSet(['to', 'with', 'for', 'from', 'toward', 'towards']);
const DAYS = wordSet(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const STUDENT_WORDS = wordSet(['student', 'kid', 'child', 'boy', 'girl']);
const ACTIONS = wordSet(ACTION_OPENERS);
const NO_ACTION = wordSet(NO_ACTION_AFTER);
const OWN_VOICE = wordSet(OWN_VOICE_WORDS);
const DIRECT_CUES = wordSet(DIRECT_SPEECH_CUES);
const BE = wordSet(BE_FORMS);
const DIRECT_OPEN = wordSet(DIRECT_OPENERS);
const ATTRIBUTIVE = wordSet(ATTRIBUTIVE_DETERMINERS);
const WRITING = wordSet(WRITING_VERBS);

const MAX_QUOTE = 1500;
/** How far back a run-on turn ("… Me: …") looks for the labelled turn before it, in tokens. */
const MAX_TURN_TOKENS = 80;
const MAX_SINGLE_QUOTE = 500;
/** A Title Case quotation with first-person words is a title only when it is this short ("My Strengths", "I Am Enough"). */
const MAX_TITLE_WORDS = 6;
/** Longer than this, a quotation beside a material noun is someone's words about it, not its title. */
const MAX_MATERIAL_TITLE_WORDS = 12;
/** How many words a look through one clause goes: to the speaker's "I" or "me", or back to the worker's "I". */
const MAX_CLAUSE_WORDS = 20;

type Gender = 'female' | 'male' | 'plural';

/** Finds quotations, transcript lines and unquoted first-person reported speech. */
export function findVerbatim(t: Tokens): RawSpan[] {
  const out: RawSpan[] = [];
  const quotes = findQuotePairs(t);
  for (const pair of quotes) {
    const span = judgeQuote(t, pair);
    if (span !== undefined) out.push(span);
  }
  findTranscriptLines(t, out);
  findReportedSpeech(t, out);
  findPastedMessages(t, out);
  return out;
}

// ---------------------------------------------------------------- quotations

interface QuotePair {
  open: Token;
  close: Token;
}

const DOUBLE_OPEN = new Set(['\u201c', '\u00ab', '\u201e']);
const DOUBLE_CLOSE = new Set(['\u201d', '\u00bb']);

function charBefore(t: Tokens, token: Token): number {
  return token.start > 0 ? t.text.charCodeAt(token.start - 1) : 32;
}

function charAfter(t: Tokens, token: Token): number {
  return token.end < t.text.length ? t.text.charCodeAt(token.end) : 32;
}

function isWordChar(code: number): boolean {
  return isLetterCode(code) || (code >= 48 && code <= 57);
}

/** Pairs quotation marks: double quotes first, then single quotes outside them. */
function findQuotePairs(t: Tokens): QuotePair[] {
  const pairs: QuotePair[] = [];
  let open: Token | undefined;
  for (const token of t.tokens) {
    if (token.type !== 'punct') continue;
    const ch = token.text;
    const straight = ch === '"';
    if (!straight && !DOUBLE_OPEN.has(ch) && !DOUBLE_CLOSE.has(ch)) continue;
    if (open !== undefined && (token.start - open.end > MAX_QUOTE || paragraphBetween(t, open, token))) open = undefined;
    if (open === undefined) {
      if (DOUBLE_OPEN.has(ch) || (straight && !isSpaceCode(charAfter(t, token)) && token.end < t.text.length)) open = token;
      continue;
    }
    if (DOUBLE_CLOSE.has(ch) || (straight && !isSpaceCode(charBefore(t, token)))) {
      if (token.start > open.end) pairs.push({ open, close: token });
      open = undefined;
    } else if (DOUBLE_OPEN.has(ch) || straight) {
      open = token; // an unclosed quote before: start again here
    }
  }
  const doubles = [...pairs];
  let single: Token | undefined;
  let d = 0;
  for (const token of t.tokens) {
    if (token.type !== 'punct') continue;
    const ch = token.text;
    if (ch !== "'" && ch !== '\u2018' && ch !== '\u2019') continue;
    while (d < doubles.length && (doubles[d] as QuotePair).close.end <= token.start) d += 1;
    const inside = d < doubles.length && (doubles[d] as QuotePair).open.start < token.start;
    if (inside) continue;
    const before = charBefore(t, token);
    const after = charAfter(t, token);
    if (single !== undefined && (token.start - single.end > MAX_SINGLE_QUOTE || lineBetween(t, single, token))) single = undefined;
    const canOpen = (ch === '\u2018' || ch === "'") && !isWordChar(before) && !isSpaceCode(after) && token.end < t.text.length && after !== 0x2e && after !== 0x2c;
    const canClose = (ch === '\u2019' || ch === "'") && !isSpaceCode(before) && !isWordChar(after);
    if (single === undefined) {
      if (canOpen) single = token;
    } else if (canClose && token.start > single.end) {
      pairs.push({ open: single, close: token });
      single = undefined;
    } else if (canOpen && ch === '\u2018') {
      single = token;
    }
  }
  return pairs.sort((a, b) => a.open.start - b.open.start);
}

function paragraphBetween(t: Tokens, a: Token, b: Token): boolean {
  const between = t.text.slice(a.end, b.start);
  return between.includes('\n\n') || between.includes('\r\n\r\n');
}

function lineBetween(t: Tokens, a: Token, b: Token): boolean {
  for (let index = a.index + 1; index <= b.index; index += 1) if ((t.tokens[index] as Token).lineBefore) return true;
  return false;
}

function judgeQuote(t: Tokens, pair: QuotePair): RawSpan | undefined {
  const inner = t.tokens.slice(pair.open.index + 1, pair.close.index);
  const words = inner.filter((token) => token.type !== 'punct');
  if (words.length === 0) return undefined;
  const strong = strongSpeech(inner);
  const speaker = speakerBefore(t, pair.open);
  const speechBefore = speaker.spoke;
  const speechAfter = speechVerbAfter(t, pair.close);

  if (isQuotedTitle(t, pair, inner, words, strong, speechAfter || introducedAsSpeech(t, pair.open, speaker.spoke))) return undefined;
  if (!strong && documentBefore(t, pair.open)) return undefined;
  if (!strong && words.length <= 6 && (titleCueBefore(t, pair.open) || titleCueAfter(t, pair.close))) return undefined;
  // One or two words in running text are a scare quote, even "HI!!!" (POLICY.md, "Cases decided");
  // after a colon, only a speaker's label makes them an answer ("Mood: 'ok'" is a form field).
  if (words.length <= 2 && !((speechBefore && !afterFieldLabel(t, pair.open)) || speechAfter)) return undefined;
  if (!speechBefore && !speechAfter && attributiveQuote(t, pair)) return undefined;

  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.quote', start: pair.open.start, end: pair.close.end };
  if (speaker.who !== undefined) span.speaker = speaker.who;
  return span;
}

/** "Mood: 'ok'": a quotation right after a colon whose label is not a speaker's. */
function afterFieldLabel(t: Tokens, open: Token): boolean {
  const colon = t.tokens[open.index - 1];
  if (colon?.text !== ':') return false;
  const label = labelBefore(t, colon);
  return label === undefined || classifyLabel(label.words) !== 'strong';
}

/** "the 'we miss you' tone": a quotation between a determiner and a noun describes the noun. */
function attributiveQuote(t: Tokens, pair: QuotePair): boolean {
  const before = t.tokens[pair.open.index - 1];
  const after = t.tokens[pair.close.index + 1];
  if (before === undefined || after === undefined || !ATTRIBUTIVE.has(before.lower) || after.type !== 'word') return false;
  if (!after.spaceBefore || after.lineBefore || after.text !== after.lower) return false;
  return !SPEECH.has(after.lower) && !PRONOUNS.has(after.lower) && !SPEECH_LIKE.has(after.lower) && !['and', 'or', 'but', 'to', 'from'].includes(after.lower);
}

/** Words that only speech has: "I", "we", a question, an exclamation, a contraction. */
function strongSpeech(inner: readonly Token[]): boolean {
  for (const token of inner) {
    if (token.type === 'punct') {
      if (token.text === '?' || token.text === '!') return true;
      continue;
    }
    if (FIRST_PERSON_STRONG.has(token.lower)) return true;
    if (token.lower.includes("'") && !token.lower.endsWith("'s")) return true;
  }
  return false;
}

/**
 * The title of a worksheet, book, lesson, video, program …, not anyone's
 * words. Either the quotation sits right next to a material noun ("the 'My
 * Strengths' worksheet", "a book called 'I Am Enough'") and is in Title Case
 * or not introduced as speech; or it is in Title Case with no sentence
 * punctuation inside and no speech verb or speaker around it. First-person
 * words ("My", "I") do not make a title speech, but then it must be short.
 */
function isQuotedTitle(t: Tokens, pair: QuotePair, inner: readonly Token[], words: readonly Token[], strong: boolean, speechNear: boolean): boolean {
  const cased = isTitle(words);
  if ((cased || !speechNear) && words.length <= MAX_MATERIAL_TITLE_WORDS && (materialBefore(t, pair.open) || materialAfter(t, pair.close))) return true;
  if (!cased || speechNear || sentencePunctuationInside(t, inner)) return false;
  return !strong || words.length <= MAX_TITLE_WORDS;
}

/**
 * "the worksheet 'My Strengths'", "a book called 'I Am Enough'". Not across a
 * colon: "Text via app: '…'" introduces what was written.
 */
function materialBefore(t: Tokens, open: Token): boolean {
  let index = open.index - 1;
  for (let seen = 0; index >= 0 && seen < 3; index -= 1, seen += 1) {
    const token = t.tokens[index] as Token;
    if (token.type === 'punct') return false;
    if (MATERIALS.has(token.lower)) return true;
    if (!MATERIAL_LINK.has(token.lower)) return false;
  }
  return false;
}

/** "the 'My Strengths' worksheet", "'Second Step' lessons". */
function materialAfter(t: Tokens, close: Token): boolean {
  const next = t.tokens[close.index + 1];
  return next !== undefined && next.type === 'word' && !next.lineBefore && MATERIALS.has(next.lower);
}

/** A full stop, question or exclamation mark or semicolon that ends a sentence inside the quotation. */
function sentencePunctuationInside(t: Tokens, inner: readonly Token[]): boolean {
  return inner.some((token) => token.type === 'punct' && isSentenceEnd(t, token));
}

/**
 * A speech verb right before the quotation, or a colon after a speaker label
 * ("Mom: '…'") — not after a heading ("Activity: 'Would You Rather' cards").
 */
function introducedAsSpeech(t: Tokens, open: Token, spoke: boolean): boolean {
  if (!spoke) return false;
  const colon = t.tokens[open.index - 1];
  if (colon?.text !== ':') return true;
  const label = labelBefore(t, colon);
  return label !== undefined && classifyLabel(label.words) !== null;
}

function isTitle(words: readonly Token[]): boolean {
  let capitals = 0;
  let lowercase = 0;
  let upperOnly = 0;
  for (const [index, word] of words.entries()) {
    if (word.type === 'num') continue;
    if (isCapitalized(word) || (word.type === 'alnum' && word.text !== word.lower)) {
      capitals += 1;
      if (word.text.length > 1 && word.text === word.text.toUpperCase()) upperOnly += 1;
    } else if (!(index > 0 && SMALL.has(word.lower))) {
      lowercase += 1;
    }
  }
  if (upperOnly === capitals && capitals > 1) return false; // SHOUTING, not a title
  return lowercase === 0 && capitals >= 2;
}

/** A school document is the source of the quoted text ("The IEP lists 'extended time'"). */
function documentBefore(t: Tokens, open: Token): boolean {
  let seen = 0;
  for (let index = open.index - 1; index >= 0 && seen < 8; index -= 1) {
    const token = t.tokens[index] as Token;
    if (isSentenceEnd(t, token) || (t.tokens[index + 1] as Token).lineBefore) return false;
    if (token.type === 'punct') continue;
    seen += 1;
    if (WRITINGS.has(token.lower) || ROLES.has(token.base)) return false;
    if (DOCUMENTS.has(token.lower)) return true;
  }
  return false;
}

function titleCueBefore(t: Tokens, open: Token): boolean {
  let seen = 0;
  for (let index = open.index - 1; index >= 0 && seen < 2; index -= 1) {
    const token = t.tokens[index] as Token;
    if (token.type === 'punct') {
      if (token.text === ',' || token.text === ':') continue;
      return false;
    }
    seen += 1;
    if (TITLE_BEFORE.has(token.lower)) return true;
    if (!['the', 'a', 'an', 'called', 'titled', 'named', 'book', 'song', 'our', 'his', 'her', 'their'].includes(token.lower)) return false;
  }
  return false;
}

function titleCueAfter(t: Tokens, close: Token): boolean {
  const next = t.tokens[close.index + 1];
  return next !== undefined && next.type !== 'punct' && TITLE_AFTER.has(next.lower);
}

/** A speech verb right before the quote ("she said, '…'", "Mom texted '…'") or a label colon ("Dad on the phone: '…'"). */
function speakerBefore(t: Tokens, open: Token): { spoke: boolean; who?: string } {
  let index = open.index - 1;
  let token = t.tokens[index];
  if (token !== undefined && (token.text === ',' || token.text === ':')) {
    const colon = token.text === ':';
    index -= 1;
    token = t.tokens[index];
    if (colon) return { spoke: true, who: roleNear(t, index) };
  }
  for (let skipped = 0; token !== undefined && skipped < 3; skipped += 1) {
    if (token.type === 'punct') return { spoke: false };
    // "went through the 'Safe Dates' handout": a quotative ("he went '…'") only right before the words.
    if (SPEECH.has(token.lower) && skipped > 0 && DIRECT_CUES.has(token.lower)) return { spoke: false };
    if (SPEECH.has(token.lower)) return { spoke: true, who: roleNear(t, index - 1) };
    if (!ADVERBS.has(token.lower)) return { spoke: false };
    index -= 1;
    token = t.tokens[index];
  }
  return { spoke: false };
}

/** "— asked twice", ", she said", " he said". */
function speechVerbAfter(t: Tokens, close: Token): boolean {
  let seen = 0;
  for (let index = close.index + 1; index < t.tokens.length && seen < 3; index += 1) {
    const token = t.tokens[index] as Token;
    if (token.type === 'punct') {
      if (token.text === ',' || token.text === '\u2014' || token.text === '\u2013' || token.text === '-') continue;
      return false;
    }
    seen += 1;
    // "warning-signs handout": the first half of a compound noun, not a verb.
    if (SPEECH.has(token.lower) && t.tokens[index + 1]?.text !== '-') return true;
  }
  return false;
}

/** The role word among the few words before `index` ("Mom said", "Ty's grandma said"). */
function roleNear(t: Tokens, index: number): string | undefined {
  let seen = 0;
  for (let k = index; k >= 0 && seen < 4; k -= 1) {
    const token = t.tokens[k] as Token;
    if (isSentenceEnd(t, token)) break;
    if (token.type === 'punct') continue;
    seen += 1;
    if (STUDENT_WORDS.has(token.base)) return 'the student';
    if (ROLES.has(token.base) && !['me', 'q', 'a', 'sw', 'worker', 'interviewer'].includes(token.base)) return describeRole(token.base);
  }
  return undefined;
}

function describeRole(role: string): string {
  if (['mom', 'dad', 'grandma', 'grandpa', 'stepdad', 'stepmom', 'nana', 'granny', 'auntie', 'mum', 'mama', 'papa'].includes(role)) return role;
  if (role === 'ap') return 'the assistant principal';
  if (role === 'sro') return 'the school resource officer';
  return `the ${role}`;
}

// ---------------------------------------------------------------- transcript lines

/** "Mom: he never listens to me" — the words after the speaker's colon. */
function findTranscriptLines(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  let lastTurn: Token | undefined; // the colon of the last turn with a speaker's label
  for (const colon of tokens) {
    if (colon.text !== ':') continue;
    const next = tokens[colon.index + 1];
    if (next === undefined || !next.spaceBefore || next.lineBefore || colon.spaceBefore) continue;
    const label = labelBefore(t, colon) ?? runOnLabel(t, colon, lastTurn);
    if (label === undefined) continue;
    const strength = classifyLabel(label.words);
    if (strength === null) continue;
    if (strength === 'strong') lastTurn = colon;
    // What a text, note or voicemail said, or an answer to a question just asked, is someone's words whatever they hold.
    const lenient = strength === 'strong' && (label.written === true || answersQuestion(t, label.words[0] as Token));
    emitUtterance(t, colon.index + 1, strength, label.who, 'verbatim.transcript', out, { lenient, named: namedLabel(label.words) });
  }
  findDashTurns(t, out);
}

/**
 * "… the whole time Me: How was that for you?": turns run together on one
 * line. A one-word speaker label in capitals ("Me", "SW", "S", "Mom") counts
 * mid-line when an earlier turn of the same line had a label of its own.
 */
function runOnLabel(t: Tokens, colon: Token, lastTurn: Token | undefined): Label | undefined {
  const word = t.tokens[colon.index - 1];
  if (lastTurn === undefined || word === undefined || word.type !== 'word' || word.lineBefore || !isCapitalized(word)) return undefined;
  if (word.text.length !== 1 && !ROLES.has(word.lower)) return undefined;
  if (word.index - lastTurn.index > MAX_TURN_TOKENS) return undefined;
  for (let index = word.index; index > lastTurn.index; index -= 1) if ((t.tokens[index] as Token).lineBefore) return undefined;
  return { words: [word], who: whoFromLabel([word]) };
}

/** The turn before this label ended with a question mark ("SW: What happens at lunch? S: nothing."). */
function answersQuestion(t: Tokens, labelStart: Token): boolean {
  let p = labelStart.start - 1;
  while (p >= 0 && (isSpaceCode(t.text.charCodeAt(p)) || '/|-\u2013\u2014'.includes(t.text.charAt(p)))) p -= 1;
  return p >= 0 && t.text.charAt(p) === '?';
}

/** "Mr. Espinoza", "Dr. Lowe": a named adult, as in meeting minutes. */
function namedLabel(words: readonly Token[]): boolean {
  return words.length >= 2 && HONORIFIC.has((words[0] as Token).lower);
}

/**
 * "Mom - he finally slept in his own bed / SW - that sounds hard": turns of a
 * conversation written with a dash after the speaker, at the start of a line
 * or after a slash.
 */
function findDashTurns(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (const dash of tokens) {
    if (dash.text !== '-' && dash.text !== '\u2013' && dash.text !== '\u2014') continue;
    const next = tokens[dash.index + 1];
    if (!dash.spaceBefore || next === undefined || !next.spaceBefore || next.lineBefore) continue;
    const words: Token[] = [];
    let index = dash.index - 1;
    while (index >= 0 && words.length <= 3) {
      const token = tokens[index] as Token;
      if (token.type === 'punct') break;
      words.unshift(token);
      if (token.lineBefore) break;
      index -= 1;
    }
    const first = words[0];
    if (first === undefined || words.length > 3) continue;
    const before = tokens[first.index - 1];
    // A turn starts the text, a line, or follows " / " ("Ms. Yoon/AP" is one item of a list).
    const separator = before !== undefined && (before.text === '/' || before.text === '|') && before.spaceBefore && first.spaceBefore;
    if (!(before === undefined || first.lineBefore || separator)) continue;
    if (classifyLabel(words) !== 'strong' || words.some((w) => SPEECH.has(w.lower))) continue;
    emitUtterance(t, dash.index + 1, 'strong', whoFromLabel(words), 'verbatim.transcript', out, { lenient: answersQuestion(t, first), named: namedLabel(words) });
  }
}

interface Label {
  words: Token[];
  who?: string;
  /** The label says the words were written: "Mom (text 7:10):". */
  written?: boolean;
}

/** The words between the start of the clause and the colon, if they can be a speaker label. */
function labelBefore(t: Tokens, colon: Token): Label | undefined {
  const tokens = t.tokens;
  let index = colon.index - 1;
  let written = false;
  // "Mom (phone):" — a parenthetical right before the colon is not part of the name.
  if (tokens[index]?.text === ')') {
    let k = index - 1;
    while (k >= 0 && index - k < 8 && tokens[k]?.text !== '(') k -= 1;
    if (tokens[k]?.text !== '(') return undefined;
    for (let j = k + 1; j < index; j += 1) if (WRITINGS.has((tokens[j] as Token).lower)) written = true;
    index = k - 1;
  }
  const words: Token[] = [];
  let commaSeen = false;
  while (index >= 0) {
    const token = tokens[index] as Token;
    if (token.type === 'punct') {
      if (token.text === '.' && isHonorificDot(t, token)) {
        index -= 1;
        continue;
      }
      if (token.text === ',') {
        if (commaSeen) return undefined;
        commaSeen = true;
        words.length = 0; // "Mila, arms crossed:" — the speaker is before the comma
        index -= 1;
        continue;
      }
      const gluedTime = token.text === ':' && !token.spaceBefore && tokens[index - 1]?.type === 'num' && tokens[index + 1]?.type === 'num' && !(tokens[index + 1] as Token).spaceBefore;
      if (token.text === '-' || token.text === "'" || token.text === '\u2019' || gluedTime) {
        index -= 1;
        continue;
      }
      if (token.text === '/' && !token.spaceBefore) return undefined; // "mtg w/ Nevaeh's mom:"
      break; // clause boundary: . ! ? ; / — ( " and the like
    }
    words.unshift(token);
    if (token.lineBefore) {
      index -= 1;
      break;
    }
    if (words.length > 6) return undefined;
    index -= 1;
  }
  // "Text from Mr. Pellegrino 10:10:" — the time at the end is not part of the name.
  while (words.length > 1 && (words[words.length - 1] as Token).type === 'num') words.pop();
  if (words.length === 0 || words.length > 6) return undefined;
  // The label must start a clause: at the start of the text or of a line, or after sentence punctuation.
  const before = tokens[index];
  const first = words[0] as Token;
  if (before !== undefined && !first.lineBefore && before.type !== 'punct') return undefined;
  if (WRITINGS.has(first.base) && words.some((w) => w.lower === 'from')) written = true;
  return { words, who: whoFromLabel(words), written };
}

function isHonorificDot(t: Tokens, dot: Token): boolean {
  const prev = t.tokens[dot.index - 1];
  if (prev === undefined || prev.type !== 'word') return false;
  return HONORIFIC.has(prev.lower) || (prev.text.length === 1 && prev.text !== prev.lower);
}

type Strength = 'strong' | 'weak';

function classifyLabel(words: readonly Token[]): Strength | null {
  const first = words[0] as Token;
  const last = words[words.length - 1] as Token;
  // "She wrote:", "Mom texted at 7:40:", "Jordan wrote a note:" — a speech verb introduces the words.
  if (!HEADINGS.has(first.lower) && words.some((w) => SPEECH.has(w.lower))) return 'strong';
  if (words.length > 4 || words.some((w) => w.type !== 'word')) return null;
  // "Note from dad:", "Text from Ms. Kim:", "Email from grandma:" — what that person wrote.
  const from = words.findIndex((w) => w.lower === 'from' || w.lower === 'by');
  if (WRITINGS.has(first.base) && from > 0 && from < words.length - 1) {
    const who = words.slice(from + 1);
    const lastWho = who[who.length - 1] as Token;
    if (ROLES.has(lastWho.base) || who.every((w) => isCapitalized(w) || HONORIFIC.has(w.lower))) return 'strong';
  }
  // "His words:", "Kevin's exact words:"
  if (last.lower === 'words' && words.length <= 3 && (['his', 'her', 'their', 'my'].includes(first.lower) || first.base !== first.lower)) return 'strong';
  if (HEADINGS.has(first.lower)) return null;
  if (MONTHS.has(first.lower) || DAYS.has(first.lower)) return null;
  // "Mom to the nurse:" — a speaker and whom they spoke to.
  const to = words.findIndex((w) => w.lower === 'to');
  if (to > 0 && to < words.length - 1 && classifyLabel(words.slice(0, to)) === 'strong') {
    const listener = words[words.length - 1] as Token;
    if (ROLES.has(listener.base) || isCapitalized(listener)) return 'strong';
  }
  // "Mr. Ortega", "Dr. Lowe", "Coach Ellis"
  if (HONORIFIC.has(first.lower) && words.length <= 3 && words.length >= 2 && words.slice(1).every((w) => isCapitalized(w))) return 'strong';
  // "S", "T", "J", "J R"
  if (words.every((w) => w.text.length === 1 && w.text !== w.lower) && words.length <= 2) return 'strong';
  // "Mom", "Foster mom", "Kevin's mom", "Math teacher", "AP"
  if (ROLES.has(last.lower) || ROLES.has(last.base)) {
    const rest = words.slice(0, -1);
    if (rest.every((w) => MODIFIERS.has(w.lower) || w.base !== w.lower || (isCapitalized(w) && words.length <= 3))) return 'strong';
    return null;
  }
  if (HEADINGS.has(last.lower)) return null;
  // A name: "Kevin", "Ms Kim" without the dot, "Jada M"
  if (words.length <= 2 && words.every((w) => isCapitalized(w) && !(w.text.length > 2 && w.text === w.text.toUpperCase()))) return 'weak';
  return null;
}

function whoFromLabel(words: readonly Token[]): string | undefined {
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  if (STUDENT_WORDS.has(last.base)) return 'the student';
  if (ROLES.has(last.base) && last.base !== 'me') return describeRole(last.base);
  return undefined;
}

/**
 * Emits the utterance that starts at token `startIndex` when it reads as
 * speech: up to the end of the sentence, a dash, a slash or a new line.
 */
function emitUtterance(
  t: Tokens,
  startIndex: number,
  strength: Strength,
  who: string | undefined,
  rule: RawSpan['rule'],
  out: RawSpan[],
  options: { lenient?: boolean; named?: boolean } = {},
): void {
  const tokens = t.tokens;
  const first = tokens[startIndex];
  if (first === undefined || first.lineBefore) return;
  if (first.type === 'punct' && first.text !== '\u00bf' && first.text !== '\u00a1') return; // a quote, a number in brackets, a list
  if (first.type === 'num') return; // "Phone: 614…", "Time: 3:15"
  let end = first.end;
  let index = startIndex;
  const words: Token[] = [];
  let question = false;
  for (; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (index > startIndex && token.lineBefore) break;
    if (token.type === 'punct') {
      const ch = token.text;
      if (ch === '?' || ch === '!') {
        end = token.end;
        question = true;
        if (isSentenceEnd(t, token)) break;
        continue;
      }
      if (ch === '.' && isSentenceEnd(t, token)) break;
      if (ch === ';') break;
      if ((ch === '\u2014' || ch === '\u2013' || ch === '/' || ch === '(' || ch === '-') && token.spaceBefore) break;
      if (ch === '"' || ch === '\u201c') break;
      continue;
    }
    words.push(token);
    end = token.end;
    if (token.end - first.start > 600) break;
  }
  if (words.length === 0) return;
  const ownVoice = words.some((w) => OWN_VOICE.has(w.lower));
  if (!question && !ownVoice && recordsAction(words)) return;
  const hasPronoun = words.some((w) => PRONOUNS.has(w.lower));
  const contraction = words.some((w) => w.lower.includes("'") && !w.lower.endsWith("'s"));
  const speechy = hasPronoun || contraction || question || words.some((w) => SPEECH_LIKE.has(w.lower));
  // Minutes: "Mr. Espinoza: Matteo has been crying at drop-off" reports about a student in the third person.
  const minutes = options.named === true && options.lenient !== true && !question && isCapitalized(first) && first.lower !== 'i' && !PRONOUNS.has(first.lower) && !ownVoice;
  // A bare name or heading ("Factors:", "Graduation:") needs the speaker's own "I" or "you", or a question.
  const ok = strength === 'strong' ? (speechy || options.lenient === true) && !minutes : ownVoice || question;
  if (!ok) return;
  const span: RawSpan = { kind: 'verbatim', rule, start: first.start, end };
  if (who !== undefined) span.speaker = who;
  out.push(span);
}

/** "LVM 9:10", "sent it", "will send letters", "no answer x2": a record of what was done. */
function recordsAction(words: readonly Token[]): boolean {
  const first = words[0] as Token;
  if (ACTIONS.has(first.lower)) return true;
  const second = words[1];
  if (first.lower === 'no' && second !== undefined && NO_ACTION.has(second.lower)) return true;
  // "f/u Fri": a slash inside the first word is read as two words.
  return first.lower === 'f' && second?.lower === 'u';
}

// ---------------------------------------------------------------- unquoted reported speech

/** "Student stated I hate it here" — first-person words right after a speech verb. */
function findReportedSpeech(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (const verb of t.words) {
    const direct = isDirectCue(t, verb);
    if (!SPEECH.has(verb.lower) && !direct) continue;
    if (workerIsSubject(t, verb)) continue;
    if (direct && emitAfterDirectCue(t, verb, out)) continue;
    if (WRITING.has(verb.lower) && emitWrittenWords(t, verb, out)) continue;
    let index = verb.index + 1;
    let next = tokens[index];
    if (next === undefined) continue;
    if (next.text === ':' && !next.spaceBefore) {
      emitUtterance(t, index + 1, 'strong', roleNear(t, verb.index - 1), 'verbatim.reported', out);
      continue;
    }
    let hadObject = false;
    let skipped = 0;
    while (next !== undefined && skipped < 6) {
      if (next.type === 'punct') {
        if (next.text !== ',') break;
      } else {
        if (OPENERS.has(next.lower)) break;
        if (!ADVERBS.has(next.lower) && !OBJECTS.has(next.lower)) break;
        if (OBJECTS.has(next.lower)) hadObject = true;
      }
      skipped += 1;
      index += 1;
      next = tokens[index];
    }
    if (next === undefined || next.type === 'punct' || !OPENERS.has(next.lower)) {
      findSpeakerClause(t, verb, out);
      continue;
    }
    if (next.lineBefore) continue;
    const after = t.words[next.wordIndex + 1];
    if (after !== undefined && (next.lower === 'i' || next.lower === 'we')) {
      if (ALWAYS_BACKSHIFT.has(after.lower)) continue;
      if ((hadObject || verb.lower === 'told' || verb.lower === 'asked') && BACKSHIFT_AFTER_OBJECT.has(after.lower)) continue;
    }
    if ((next.lower === 'my' || next.lower === 'our') && possessiveBackshift(t, next.wordIndex)) continue;
    const end = reportedEnd(t, next.index);
    if (end <= next.start) continue;
    const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: next.start, end };
    const who = roleNear(t, verb.index - 1);
    if (who !== undefined) span.speaker = who;
    out.push(span);
  }
}

/**
 * "Annika's mom texted 📱 she got into the art magnet!!! thank u": after a
 * verb of writing, the words that follow (past emoji) are what was written
 * when the sentence holds the writer's own voice ("u", "I", "my") and an
 * exclamation or a question, as messages do. "Mom texted that she'll be late"
 * stays indirect.
 */
function emitWrittenWords(t: Tokens, verb: Token, out: RawSpan[]): boolean {
  let index = verb.index + 1;
  while (t.tokens[index] !== undefined && t.tokens[index]?.type === 'punct' && isSymbol(t.tokens[index] as Token)) index += 1;
  const first = t.tokens[index];
  if (first === undefined || first.type !== 'word' || first.lineBefore || NON_STARTERS.has(first.lower) || first.lower === 'that') return false;
  let voice = false;
  let exclaimed = false;
  let end = first.end;
  for (let k = index; k < t.tokens.length && k < index + 60; k += 1) {
    const token = t.tokens[k] as Token;
    if (k > index && token.lineBefore) break;
    if (token.type === 'punct') {
      if (token.text === '.' && isSentenceEnd(t, token)) break;
      if (token.text === '"' || token.text === '\u201c' || (token.text === '/' && token.spaceBefore)) break;
      if (token.text === '!' || token.text === '?') exclaimed = true;
      if (token.text === '!' || token.text === '?' || isSymbol(token)) end = token.end;
      continue;
    }
    if (OWN_VOICE.has(token.lower)) voice = true;
    end = token.end;
  }
  if (!voice || !exclaimed) return false;
  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: first.start, end };
  const who = roleNear(t, verb.index - 1);
  if (who !== undefined) span.speaker = who;
  out.push(span);
  return true;
}

/** An emoji or another symbol: not a letter, digit or ASCII punctuation. */
function isSymbol(token: Token): boolean {
  return token.text.charCodeAt(0) > 0x2000 && !DOUBLE_OPEN.has(token.text) && !DOUBLE_CLOSE.has(token.text) && token.text !== '\u2014' && token.text !== '\u2013';
}

/** "goes", "went", "was like", "kept saying": a quotative that introduces words as said. */
function isDirectCue(t: Tokens, verb: Token): boolean {
  if (!DIRECT_CUES.has(verb.lower)) return false;
  if (verb.lower !== 'like') return true;
  const prev = t.words[verb.wordIndex - 1];
  return prev !== undefined && verb.join === 'space' && BE.has(prev.lower);
}

/** "he goes you can't prove nothing", "she was like i'm done": the words right after the quotative. */
function emitAfterDirectCue(t: Tokens, verb: Token, out: RawSpan[]): boolean {
  let next = t.tokens[verb.index + 1];
  if (next !== undefined && next.text === ',') next = t.tokens[next.index + 1];
  if (next === undefined || next.type === 'punct' || next.lineBefore || !DIRECT_OPEN.has(next.lower)) return false;
  const end = reportedEnd(t, next.index);
  if (end <= next.start) return false;
  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: next.start, end };
  const who = roleNear(t, verb.index - 1);
  if (who !== undefined) span.speaker = who;
  out.push(span);
  return true;
}

/**
 * "stdnt stated nobody at home even notices if I'm gone": after a reporting
 * verb whose subject is someone other than the worker, an unquoted clause that
 * holds the speaker's own first person ("I'm", "me", "my") or speaks to the
 * listener ("you") records their words as said. The span runs from the start
 * of the clause to the end of the sentence.
 *
 * Indirect speech stays unflagged (POLICY.md): "said that …", "asked if …",
 * and clauses that refer to the speaker in the third person — "She said she'll
 * let me know", "He said she'd call me back" — where "me" is the worker.
 */
function findSpeakerClause(t: Tokens, verb: Token, out: RawSpan[]): void {
  if (!CLAUSE_VERBS.has(verb.lower) || !hasOwnSubject(t, verb)) return;
  const tokens = t.tokens;
  let index = verb.index + 1;
  for (let skipped = 0; skipped < 4; skipped += 1) {
    const token = tokens[index];
    if (token === undefined) return;
    const object = token.lower === 'me' || token.lower === 'us' || ((verb.lower === 'told' || verb.lower === 'tells') && OBJECTS.has(token.lower));
    if (token.text === ',' || (token.type === 'word' && (object || isMannerAdverb(token)))) {
      index += 1;
      continue;
    }
    const setting = settingEnd(t, index);
    if (setting === index) break;
    index = setting;
  }
  const first = tokens[index];
  if (first === undefined || first.type !== 'word' || first.lineBefore || NON_STARTERS.has(first.lower) || OPENERS.has(first.lower)) return;
  if (!speakerVoiceIn(t, first.index, speakerGender(t, verb))) return;
  const end = reportedEnd(t, first.index);
  if (end <= first.start) return;
  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: first.start, end };
  const who = roleNear(t, verb.index - 1);
  if (who !== undefined) span.speaker = who;
  out.push(span);
}

/** Past "on her exit ticket", "in group", "over the phone": the index after it, or `index` when there is none. */
function settingEnd(t: Tokens, index: number): number {
  const tokens = t.tokens;
  if (!SETTING_PREPOSITIONS.has(tokens[index]?.lower ?? '')) return index;
  let k = index + 1;
  if (SETTING_DETERMINERS.has(tokens[k]?.lower ?? '')) k += 1;
  const nounsFrom = k;
  while (k < tokens.length && k - nounsFrom < 3 && SETTINGS.has((tokens[k] as Token).lower)) k += 1;
  return k > nounsFrom ? k : index;
}

function isMannerAdverb(token: Token): boolean {
  return ADVERBS.has(token.lower) && (token.lower.endsWith('ly') || ['again', 'twice', 'once', 'later', 'today', 'yesterday', 'also', 'just'].includes(token.lower));
}

/**
 * The verb has a subject of its own right before it ("stdnt stated", "Mom,
 * crying, said"), not none at all ("… — told her …"). Called once
 * `workerIsSubject` has ruled out the worker.
 */
function hasOwnSubject(t: Tokens, verb: Token): boolean {
  const prev = t.tokens[verb.index - 1];
  if (prev === undefined) return false;
  return prev.type !== 'punct' || prev.text === ',' || prev.text === ')';
}

/** "Mom", "Kevin's dad", "she", "parents": who spoke, by the nearest word that tells. */
function speakerGender(t: Tokens, verb: Token): Gender | undefined {
  for (let k = verb.wordIndex - 1, seen = 0; k >= 0 && seen < 5; k -= 1, seen += 1) {
    const word = t.words[k] as Token;
    const after = t.tokens[word.index + 1] as Token;
    if (after.type === 'punct' && isSentenceEnd(t, after)) break;
    const gender = SPEAKER_GENDER.get(word.base);
    if (gender !== undefined) return gender;
  }
  return undefined;
}

/**
 * Whether the clause that starts at `startIndex` speaks in the speaker's own
 * voice before it ends (a comma, any sentence punctuation, a bracket, a dash,
 * "and", "then", "so", "but"): a first-person word that is theirs, or "you".
 * A third-person word for the speaker first makes it indirect speech.
 */
function speakerVoiceIn(t: Tokens, startIndex: number, gender: Gender | undefined): boolean {
  const tokens = t.tokens;
  let finite = false;
  let words = 0;
  for (let index = startIndex; index < tokens.length && words < MAX_CLAUSE_WORDS; index += 1) {
    const token = tokens[index] as Token;
    if (index > startIndex && token.lineBefore) return false;
    if (token.type === 'punct') {
      if ((token.text === '-' || token.text === '\u2010') && !token.spaceBefore) continue;
      return false;
    }
    words += 1;
    if (token.type !== 'word') continue;
    const lower = token.lower;
    if (index > startIndex && ['and', 'then', 'so', 'but'].includes(lower)) return false;
    const third = THIRD_PERSON.get(lower);
    if (third !== undefined && refersToSpeaker(t, token, third, gender)) return false;
    if ((SPEAKER_SELF.has(lower) || LISTENER.has(lower)) && speakersOwn(t, token, finite)) return true;
    if (FINITE.has(lower) || lower.endsWith("n't")) finite = true;
  }
  return false;
}

/**
 * "she'd call me back", "he was …": a backshifted third person reports
 * indirectly; otherwise a third person of the speaker's gender ("Mom said she
 * …", "Student said he …") is the speaker, so the clause is indirect.
 */
function refersToSpeaker(t: Tokens, token: Token, third: Gender, speaker: Gender | undefined): boolean {
  const subject = ['he', 'she', 'they'].includes(token.lower) || token.lower.includes("'");
  if (subject) {
    if (token.lower.endsWith("'d")) return true;
    const next = t.words[token.wordIndex + 1];
    if (next !== undefined && ALWAYS_BACKSHIFT.has(next.lower)) return true;
  }
  if (speaker === undefined) return third !== 'plural';
  return third === speaker;
}

/**
 * A first-person word that is the speaker's, not the worker's: not "I" before
 * a backshifted or past-tense verb, as the worker narrates ("the form I had
 * sent", "since I called"), not "my office", and not "to me" after an object
 * with no verb of its own ("reported the incident to me").
 */
function speakersOwn(t: Tokens, token: Token, finite: boolean): boolean {
  const next = t.words[token.wordIndex + 1];
  if (token.lower === 'i' && next !== undefined && (ALWAYS_BACKSHIFT.has(next.lower) || pastTense(next))) return false;
  if (token.lower === 'my' && next !== undefined && WORKER_THINGS.has(next.base)) return false;
  const prev = t.words[token.wordIndex - 1];
  return finite || prev === undefined || !RECIPIENT_PREPOSITIONS.has(prev.lower);
}

/** "called", "mentioned" — not "need", "feed". */
function pastTense(word: Token): boolean {
  return word.type === 'word' && word.lower.length > 3 && word.lower.endsWith('ed') && !word.lower.endsWith('eed');
}

/** "Mom said my voicemail was full": "my" is the worker's; the verb is backshifted. */
function possessiveBackshift(t: Tokens, wordIndex: number): boolean {
  for (let k = wordIndex + 1; k <= wordIndex + 3 && k < t.words.length; k += 1) {
    const word = t.words[k] as Token;
    if (ALWAYS_BACKSHIFT.has(word.lower)) return k > wordIndex + 1;
  }
  return false;
}

/** "I told her …" / "Told him …" at the start of a sentence: the worker speaking, not someone quoted. */
function workerIsSubject(t: Tokens, verb: Token): boolean {
  const prevWord = t.words[verb.wordIndex - 1];
  if (prevWord !== undefined && ['i', 'we'].includes(prevWord.lower) && verb.index - prevWord.index <= 2) return true;
  const prev = t.tokens[verb.index - 1];
  if (prev === undefined || verb.lineBefore) return true;
  if (isSentenceEnd(t, prev) || prev.text === ':' || prev.text === ';') return true;
  return prevWord !== undefined && prevWord === prev && CONJUNCTIONS.has(prev.lower) && workerEarlierInSentence(t, prev);
}

/** "I called mom and said …": the subject carried over the conjunction is the worker. */
function workerEarlierInSentence(t: Tokens, from: Token): boolean {
  for (let k = from.wordIndex - 1; k >= 0 && from.wordIndex - k <= MAX_CLAUSE_WORDS; k -= 1) {
    const word = t.words[k] as Token;
    const after = t.tokens[word.index + 1] as Token;
    if (isSentenceEnd(t, after) || after.lineBefore) return false;
    if (word.lower === 'i' || word.lower === 'we') return true;
  }
  return false;
}

/** Where unquoted reported speech stops: sentence end, a dash, ", then …", "and cried". */
function reportedEnd(t: Tokens, startIndex: number): number {
  const tokens = t.tokens;
  const first = tokens[startIndex] as Token;
  let end = first.end;
  for (let index = startIndex; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (index > startIndex && token.lineBefore) break;
    if (token.end - first.start > 500) break;
    if (token.type === 'punct') {
      const ch = token.text;
      if (ch === '?' || ch === '!') {
        end = token.end;
        if (isSentenceEnd(t, token)) break;
        continue;
      }
      if (ch === '.' && isSentenceEnd(t, token)) break;
      if (ch === ';' || ch === ')' || ch === '"' || ch === '\u201c') break;
      if ((ch === '\u2014' || ch === '\u2013' || ch === '(' || ch === '/' || ch === '-') && token.spaceBefore) break;
      if (ch === ',') {
        const following = tokens[index + 1];
        if (following !== undefined && (following.lower === 'then' || following.lower === 'and' && tokens[index + 2]?.lower === 'then')) break;
        if (following !== undefined && ['she', 'he', 'they'].includes(following.lower) && SPEECH.has(tokens[index + 2]?.lower ?? '')) break;
      }
      continue;
    }
    if (index > startIndex && token.lower === 'and') {
      const following = tokens[index + 1];
      if (following !== undefined && following.type !== 'punct' && RESUMERS.has(following.lower)) break;
    }
    if (index > startIndex && token.lower === 'then' && tokens[index - 1]?.text === ',') break;
    end = token.end;
  }
  return end;
}
