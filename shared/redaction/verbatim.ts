import {
  DOCUMENT_NOUNS,
  FIRST_PERSON_OPENERS,
  HEADING_WORDS,
  HONORIFICS,
  NARRATIVE_RESUMERS,
  PERSONAL_PRONOUNS,
  PERSONAL_WRITINGS,
  SPEAKER_MODIFIERS,
  SPEAKER_ROLES,
  SPEECH_ADVERBS,
  SPEECH_VERBS,
  SPEECH_WORDS,
  TITLE_CUES_AFTER,
  TITLE_CUES_BEFORE,
  TITLE_SMALL_WORDS,
} from './data/speech';
import { MONTHS } from './data/identifiers';
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
const DAYS = wordSet(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const STUDENT_WORDS = wordSet(['student', 'kid', 'child', 'boy', 'girl']);

const MAX_QUOTE = 1500;
const MAX_SINGLE_QUOTE = 500;

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

  if (!strong && documentBefore(t, pair.open)) return undefined;
  if (isTitle(words) && !strong) return undefined;
  if (!strong && words.length <= 6 && (titleCueBefore(t, pair.open) || titleCueAfter(t, pair.close))) return undefined;
  if (words.length <= 2 && !(speechBefore || speechAfter || strong)) return undefined;

  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.quote', start: pair.open.start, end: pair.close.end };
  if (speaker.who !== undefined) span.speaker = speaker.who;
  return span;
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
    if (SPEECH.has(token.lower)) return true;
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
  for (const colon of tokens) {
    if (colon.text !== ':') continue;
    const next = tokens[colon.index + 1];
    if (next === undefined || !next.spaceBefore || next.lineBefore || colon.spaceBefore) continue;
    const label = labelBefore(t, colon);
    if (label === undefined) continue;
    const strength = classifyLabel(label.words);
    if (strength === null) continue;
    emitUtterance(t, colon.index + 1, strength, label.who, 'verbatim.transcript', out);
  }
}

interface Label {
  words: Token[];
  who?: string;
}

/** The words between the start of the clause and the colon, if they can be a speaker label. */
function labelBefore(t: Tokens, colon: Token): Label | undefined {
  const tokens = t.tokens;
  let index = colon.index - 1;
  // "Mom (phone):" — a parenthetical right before the colon is not part of the name.
  if (tokens[index]?.text === ')') {
    let k = index - 1;
    while (k >= 0 && index - k < 8 && tokens[k]?.text !== '(') k -= 1;
    if (tokens[k]?.text !== '(') return undefined;
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
  if (words.length === 0 || words.length > 6) return undefined;
  // The label must start a clause: at the start of the text or of a line, or after sentence punctuation.
  const before = tokens[index];
  const first = words[0] as Token;
  if (before !== undefined && !first.lineBefore && before.type !== 'punct') return undefined;
  return { words, who: whoFromLabel(words) };
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
function emitUtterance(t: Tokens, startIndex: number, strength: Strength, who: string | undefined, rule: RawSpan['rule'], out: RawSpan[]): void {
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
  const hasPronoun = words.some((w) => PRONOUNS.has(w.lower));
  const contraction = words.some((w) => w.lower.includes("'") && !w.lower.endsWith("'s"));
  const speechy = hasPronoun || contraction || question || words.some((w) => SPEECH_LIKE.has(w.lower));
  const ok = strength === 'strong' ? speechy : hasPronoun || question || (contraction && words[0] === first);
  if (!ok) return;
  const span: RawSpan = { kind: 'verbatim', rule, start: first.start, end };
  if (who !== undefined) span.speaker = who;
  out.push(span);
}

// ---------------------------------------------------------------- unquoted reported speech

/** "Student stated I hate it here" — first-person words right after a speech verb. */
function findReportedSpeech(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (const verb of t.words) {
    if (!SPEECH.has(verb.lower)) continue;
    if (workerIsSubject(t, verb)) continue;
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
    if (next === undefined || next.type === 'punct' || !OPENERS.has(next.lower)) continue;
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
  return isSentenceEnd(t, prev) || prev.text === ':' || prev.text === ';';
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
      if (ch === ';' || ch === '"' || ch === '\u201c') break;
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
