import { NOT_ATTRIBUTIVE_AFTER, TITLE_LEAD_WORDS } from '../data/grammar';
import { quoteSoundsLikeSomeonesWords } from '../learned/quoteModel';
import { soundsAutomated } from '../pastedEmail';
import type { RawSpan } from '../spans';
import { isCapitalized, isLetterCode, isSentenceEnd, isSpaceCode, type Token, type Tokens } from '../text';
import { classifyLabel, labelBefore, roleNear } from './speakers';
import {
  ADVERBS,
  CLINICIANS,
  ATTRIBUTIVE,
  DIRECT_CUES,
  DOCUMENTS,
  DOUBLE_CLOSE,
  DOUBLE_OPEN,
  FIRST_PERSON_STRONG,
  MATERIAL_LINK,
  OBJECTS,
  MATERIALS,
  PRONOUNS,
  ROLES,
  SMALL,
  SPEECH,
  SPEECH_LIKE,
  TITLE_AFTER,
  TITLE_BEFORE,
  WRITINGS,
} from './vocabulary';

/**
 * Quotations: pairs quotation marks and judges whether what they hold is
 * someone's words (flagged as verbatim.quote) or a title, a scare quote, a
 * document's wording (not flagged). The rules judge first; a quotation they
 * flag is then put to the trained quotation model (learned/quoteModel.ts),
 * which dismisses it when it is confident it is not someone's words.
 */

const MAX_QUOTE = 1500;
const MAX_SINGLE_QUOTE = 500;

/** A Title Case quotation with first-person words is a title only when it is this short ("My Strengths", "I Am Enough"). */
const MAX_TITLE_WORDS = 6;

/** Longer than this, a quotation beside a material noun is someone's words about it, not its title. */
const MAX_MATERIAL_TITLE_WORDS = 12;

/** Each quotation that holds someone's words, in the order its opening mark appears. */
export function findQuotations(t: Tokens, out: RawSpan[]): void {
  for (const pair of findQuotePairs(t)) {
    const span = judgeQuote(t, pair);
    if (span !== undefined) out.push(span);
  }
}

/** A pair of quotation marks: the opening one and the closing one. */
export interface QuotePair {
  open: Token;
  close: Token;
}

function charBefore(t: Tokens, token: Token): number {
  return token.start > 0 ? t.text.charCodeAt(token.start - 1) : 32;
}

function charAfter(t: Tokens, token: Token): number {
  return token.end < t.text.length ? t.text.charCodeAt(token.end) : 32;
}

function isWordChar(code: number): boolean {
  return isLetterCode(code) || (code >= 48 && code <= 57);
}

/**
 * Pairs quotation marks: double quotes first, then single quotes outside them.
 * Exported for the training of the quotation model (eval/quoteTraining.ts), so
 * that it learns on the very pairs the check judges.
 */
export function findQuotePairs(t: Tokens): QuotePair[] {
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
    // Inside a double quotation only a pair that closes before it does counts ("Student states 'everyone hates me.'" in a pasted form).
    if (inside && single === undefined && !(charBefore(t, token) === 32 || charBefore(t, token) === 10)) continue;
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
  if (!speechAfter && documentLabelBefore(t, pair.open)) return undefined;
  // "Lunch bunch is back on Thursdays! Reply STOP to opt out.": a mass message is a document.
  if (soundsAutomated(t.text.slice(pair.open.end, pair.close.start))) return undefined;
  // "Approved statement read to students: …", "msg from the class page: …": writing addressed to a whole group is a notice.
  if (!speechAfter && addressedToGroup(t, pair.open)) return undefined;
  if (!strong && documentBefore(t, pair.open)) return undefined;
  // "prompt "If I could change one thing..."", "the poster "You Belong Here"": the document's own words, whoever they speak for.
  if (!speechAfter && namedByDocument(t, pair.open)) return undefined;
  // "Kids wrote "I can't ___ yet."": a sentence frame with a blank to fill is a worksheet's, not anyone's words.
  if (t.text.slice(pair.open.end, pair.close.start).includes('__')) return undefined;
  // "The new district form for threat assessment asks "Has the student made a threat?"": a form asks.
  if (documentAsks(t, pair.open)) return undefined;
  if (!strong && words.length <= 6 && (titleCueBefore(t, pair.open) || titleCueAfter(t, pair.close))) return undefined;
  // One or two words in running text are a scare quote, even "HI!!!" (POLICY.md, "Cases decided");
  // after a colon, only a speaker's label makes them an answer ("Mood: 'ok'" is a form field).
  // "she said "nm" and went back to her phone" is running text too: only a speaker's label makes a short quote an answer.
  if (words.length <= 2 && !(speechBefore && t.tokens[pair.open.index - 1]?.text === ':' && !afterFieldLabel(t, pair.open))) return undefined;
  if (!speechBefore && !speechAfter && attributiveQuote(t, pair)) return undefined;
  // Last, the trained model (learned/quoteModel.ts) may still say it is a sign, a form's wording, a slogan.
  if (!quoteSoundsLikeSomeonesWords(t.text, pair.open.start, pair.close.end)) return undefined;

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
  return !SPEECH.has(after.lower) && !PRONOUNS.has(after.lower) && !SPEECH_LIKE.has(after.lower) && !NOT_ATTRIBUTIVE_AFTER.includes(after.lower);
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
  // "wrote on her worksheet "I wish I wasn't alive"": a sentence in someone's own voice, not in Title Case, is what was written on it.
  if ((cased || (!speechNear && !strong)) && words.length <= MAX_MATERIAL_TITLE_WORDS && (materialBefore(t, pair.open) || materialAfter(t, pair.close))) return true;
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

/**
 * A school document is the source of the quoted text ("The IEP lists 'extended
 * time'", "The attendance letter, which I read with dad, states that '…'",
 * "it says '…'": a thing, not a person, says it).
 */
function documentBefore(t: Tokens, open: Token): boolean {
  let k = open.index - 1;
  if (t.tokens[k]?.lower === 'that') k -= 1;
  if (SPEECH.has(t.tokens[k]?.lower ?? '') && THING_SUBJECTS.has(t.tokens[k - 1]?.lower ?? '')) return true;
  let seen = 0;
  for (let index = open.index - 1; index >= 0 && seen < 20; index -= 1) {
    const token = t.tokens[index] as Token;
    if (isSentenceEnd(t, token) || (t.tokens[index + 1] as Token).lineBefore) return false;
    if (token.type === 'punct') continue;
    seen += 1;
    // "The attendance letter states …" is a document; "Mom's note says …", "his letter" are a person's writing.
    if (WRITINGS.has(token.lower) && DOCUMENTS.has(token.lower) && !writtenByPerson(t, token)) return true;
    if (WRITINGS.has(token.lower) || ROLES.has(token.base)) return false;
    // "… and told me 'my dad said …'": a person told someone; a document does not.
    if (SPEECH.has(token.lower) && OBJECTS.has(t.tokens[index + 1]?.lower ?? '')) return false;
    if (DOCUMENTS.has(token.lower)) return true;
  }
  return false;
}

/** Groups a notice is read or sent to ("to students", "for advisories", "to all families"). */
const GROUPS = new Set(['students', 'families', 'parents', 'staff', 'advisories', 'advisory', 'homerooms', 'classes', 'everyone', 'community', 'grades']);
const GROUP_LINKS = new Set(['to', 'for', 'all', 'the', 'our']);

/**
 * A piece of writing in the clause before the quotation, read or sent to a
 * whole group ("Approved statement read to students:", "Revised statement for
 * advisories:") or posted on a class page: a notice, not anyone's words. "told
 * the class" is someone speaking, so a speech verb keeps the quotation.
 */
function addressedToGroup(t: Tokens, open: Token): boolean {
  let writing = false;
  let group = false;
  let seen = 0;
  for (let index = open.index - 1; index >= 0 && seen < 12; index -= 1) {
    const token = t.tokens[index] as Token;
    if (isSentenceEnd(t, token) || (t.tokens[index + 1] as Token).lineBefore) break;
    if (token.type === 'punct') continue;
    seen += 1;
    if (SPEECH.has(token.lower) && !WRITINGS.has(token.lower)) return false;
    if (WRITINGS.has(token.base) || DOCUMENTS.has(token.base)) writing = true;
    if (GROUPS.has(token.lower) && GROUP_LINKS.has(t.tokens[index - 1]?.lower ?? '')) group = true;
    if (token.lower === 'page' && t.tokens[index - 1]?.lower === 'class') group = true;
  }
  return writing && group;
}

/** A document's noun right before the quotation, not a person's writing ("prompt", "the poster", "sign"). */
function namedByDocument(t: Tokens, open: Token): boolean {
  const noun = t.tokens[open.index - 1];
  if (noun === undefined || noun.type !== 'word' || !DOCUMENTS.has(noun.lower) || WRITINGS.has(noun.lower)) return false;
  return !writtenByPerson(t, noun);
}

/** The writing is a person's: "Mom's note", "his letter", "Jaylen's note", "a note from dad". */
function writtenByPerson(t: Tokens, writing: Token): boolean {
  let k = writing.index - 1;
  while (k >= 0 && ((t.tokens[k] as Token).text === "'" || (t.tokens[k] as Token).text === '\u2019' || (t.tokens[k] as Token).lower === 's')) k -= 1;
  const owner = t.tokens[k];
  if (owner !== undefined && owner.type === 'word' && (ROLES.has(owner.base) || POSSESSIVES.has(owner.lower) || (isCapitalized(owner) && k < writing.index - 1))) return true;
  const next = t.tokens[writing.index + 1];
  return next?.lower === 'from' || next?.lower === 'by';
}

const POSSESSIVES = new Set(['his', 'her', 'their', 'my', 'your']);

/** The quotation follows "<document> … asks|says|reads" or "and" after such a quotation, with no person between. */
function documentAsks(t: Tokens, open: Token, depth = 0): boolean {
  let k = open.index - 1;
  // "… asks "…" and "Is there a plan?"": the second question of the same form.
  if (t.tokens[k]?.lower === 'and' && QUOTE_CLOSERS.has(t.tokens[k - 1]?.text ?? '')) {
    const previous = openerOf(t, t.tokens[k - 1] as Token);
    return previous !== undefined && depth < MAX_RUN_LINES && documentAsks(t, previous, depth + 1);
  }
  if (!SPEECH.has(t.tokens[k]?.lower ?? '')) return false;
  for (k -= 1; k >= 0 && open.index - k < 10; k -= 1) {
    const token = t.tokens[k] as Token;
    if (token.type === 'punct') {
      if (isSentenceEnd(t, token)) return false;
      continue;
    }
    if (ROLES.has(token.base) || OBJECTS.has(token.lower) || isCapitalized(token)) return false;
    if (DOCUMENTS.has(token.lower) && !WRITINGS.has(token.lower)) return true;
  }
  return false;
}

/** Subjects that are things: "it says", "this reads", "which states". */
const THING_SUBJECTS = new Set(['it', 'this', 'which']);

/** What joins the lines of a script or a set of posters after one label. */
const RUN_SEPARATORS = new Set(['/', '|', ',', ';']);

/**
 * "Per the hospital discharge papers mom brought in: '…'", "Mom read me the
 * bottle over the phone: '…'", "Newsletter blurb draft: '…'": the clause
 * before the colon names a document and no one's writing or speech, so the
 * quotation is the document's text (POLICY.md, "Cases decided": documents vs
 * a person's writing), even when it asks a question.
 */
function documentLabelBefore(t: Tokens, open: Token): boolean {
  // "Script for puppets: "Can I play too?" / "Sure, come on!"": each line of a run after the label.
  let first = open;
  // A script's lines come a few at a time; a longer run is not walked back (linear on any note).
  for (let lines = 0; lines < MAX_RUN_LINES; lines += 1) {
    // Lines joined by "/" or "|", or set side by side ("Be a Buddy, Not a Bully," "Kindness is Cool.").
    const between = t.tokens[first.index - 1];
    const close = between !== undefined && QUOTE_CLOSERS.has(between.text) ? between : t.tokens[first.index - 2];
    if (between === undefined || close === undefined || (close !== between && !RUN_SEPARATORS.has(between.text)) || !QUOTE_CLOSERS.has(close.text)) break;
    const opener = openerOf(t, close);
    if (opener === undefined) break;
    first = opener;
  }
  const colon = t.tokens[first.index - 1];
  if (colon?.text !== ':' || colon.spaceBefore) return false;
  // "Out-of-office reply from the clinic:": the few characters before the colon, on its line.
  const before = t.text.slice(Math.max(0, colon.start - 120), colon.start);
  if (soundsAutomated(before.slice(before.lastIndexOf('\n') + 1))) return true;
  let documentSeen = false;
  let clinician = false;
  let shared = false;
  let seen = 0;
  for (let index = colon.index - 1; index >= 0 && seen < 14; index -= 1) {
    const token = t.tokens[index] as Token;
    // "Student handbook, p. 14:": the dot of a page or section number ends nothing.
    const abbreviation = token.text === '.' && ['p', 'pp', 'pg', 'sec', 'no', 'vol', 'ch'].includes(t.tokens[index - 1]?.lower ?? '');
    if (isSentenceEnd(t, token) && !abbreviation) break;
    if (token.type !== 'punct') {
      seen += 1;
      // "Posted on the nurse's door:", "Taped to the wall:": a sign.
      if (POSTING.has(token.lower) && ['on', 'to', 'in', 'by'].includes(t.tokens[index + 1]?.lower ?? '')) {
        documentSeen = true;
        continue;
      }
      if (SPEECH.has(token.lower) || (WRITINGS.has(token.lower) && !DOCUMENTS.has(token.lower))) return false;
      if (DOCUMENTS.has(token.lower) && !WRITINGS.has(token.lower)) documentSeen = true;
      // "Dr. note from Riverside Pediatrics:", "Nurse's note copied to me:": a clinician's note is a document.
      if (CLINICIANS.has(token.base)) clinician = true;
      if (WRITINGS.has(token.lower) && DOCUMENTS.has(token.lower)) shared = true;
    }
    if (token.lineBefore) break;
  }
  return documentSeen || (clinician && shared);
}

const QUOTE_CLOSERS = new Set(['"', '\u201d']);
/** How many quoted lines before this one a run after a label is followed back. */
const MAX_RUN_LINES = 8;
const POSTING = new Set(['posted', 'taped', 'hung', 'pinned', 'displayed']);

/** The opening mark of the quotation that `close` ends, on the same line. */
function openerOf(t: Tokens, close: Token): Token | undefined {
  for (let index = close.index - 1; index >= 0 && close.index - index < 200; index -= 1) {
    const token = t.tokens[index] as Token;
    if (token.text === '"' || token.text === '\u201c') return token;
    if (token.lineBefore) return undefined;
  }
  return undefined;
}

function titleCueBefore(t: Tokens, open: Token): boolean {
  let seen = 0;
  for (let index = open.index - 1; index >= 0 && seen < 2; index -= 1) {
    const token = t.tokens[index] as Token;
    if (token.type === 'punct') {
      // "Group chat ("8th grade girls 💅")": a name in brackets after its cue.
      if (token.text === ',' || token.text === ':' || (token.text === '(' && index === open.index - 1)) continue;
      return false;
    }
    seen += 1;
    if (TITLE_BEFORE.has(token.lower)) return true;
    if (!TITLE_LEAD_WORDS.includes(token.lower)) return false;
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
    // "Answers: …" after the quotation is the next label, not a verb of it.
    if (SPEECH.has(token.lower) && t.tokens[index + 1]?.text !== '-' && t.tokens[index + 1]?.text !== ':') return true;
  }
  return false;
}
