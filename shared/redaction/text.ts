import { NON_ASCII_LETTER } from './patterns';

/**
 * The tokenizer the whole check runs on. One linear pass over the text:
 * runs of letters and digits (with apostrophes inside words, as in "don't" or
 * "Tourette's") become word tokens; every other visible character is a
 * punctuation token of its own; white space only separates.
 */

export type TokenType = 'word' | 'num' | 'alnum' | 'punct';

/** How a token is joined to the word token before it. */
export type Join = 'space' | 'hyphen' | 'slash' | 'none' | 'other';

export interface Token {
  /** The text as written. */
  readonly text: string;
  /** Lower case, with curly apostrophes made straight. */
  readonly lower: string;
  /** `lower` without a possessive ending ("tourette's" → "tourette"). */
  readonly base: string;
  readonly start: number;
  readonly end: number;
  readonly type: TokenType;
  /** Index of this token in `tokens`. */
  readonly index: number;
  /** Index among word tokens (word, num, alnum), or -1 for punctuation. */
  readonly wordIndex: number;
  /** For word tokens: how it joins the previous word token. */
  join: Join;
  /** A line break lies between this token and the one before. */
  readonly lineBefore: boolean;
  /** White space lies between this token and the one before. */
  readonly spaceBefore: boolean;
}

export interface Tokens {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Word tokens only (word, num, alnum), in order. */
  readonly words: readonly Token[];
}

const letterCache = new Uint8Array(65536); // 0 unknown, 1 letter, 2 not

export function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates: treated as symbols
  let known = letterCache[code] as number;
  if (known === 0) {
    known = NON_ASCII_LETTER.test(String.fromCharCode(code)) ? 1 : 2;
    letterCache[code] = known;
  }
  return known === 1;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x202f || (code >= 0x2000 && code <= 0x200a) || code === 0x3000 || code === 0xfeff;
}

export function isApostropheCode(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2bc;
}

export function isLineBreakCode(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function normalizeLower(raw: string): string {
  let lower = raw.toLowerCase();
  if (lower.includes('\u2019')) lower = lower.replaceAll('\u2019', "'");
  if (lower.includes('\u02bc')) lower = lower.replaceAll('\u02bc', "'");
  return lower;
}

function possessiveBase(lower: string): string {
  if (lower.length > 2 && lower.endsWith("'s")) return lower.slice(0, -2);
  return lower;
}

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const words: Token[] = [];
  const length = text.length;
  let i = 0;
  let sawSpace = false;
  let sawLine = false;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      sawSpace = true;
      if (isLineBreakCode(code)) sawLine = true;
      i += 1;
      continue;
    }
    const start = i;
    let type: TokenType;
    if (isLetterCode(code) || isDigitCode(code)) {
      let hasLetter = false;
      let hasDigit = false;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (isLetterCode(c)) {
          hasLetter = true;
          i += 1;
        } else if (isDigitCode(c)) {
          hasDigit = true;
          i += 1;
        } else if (isApostropheCode(c) && i > start && isLetterCode(text.charCodeAt(i - 1)) && i + 1 < length && isLetterCode(text.charCodeAt(i + 1))) {
          i += 1;
        } else {
          break;
        }
      }
      type = hasLetter && hasDigit ? 'alnum' : hasDigit ? 'num' : 'word';
    } else {
      // A surrogate pair stays one symbol; anything else is one code unit.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        const next = text.charCodeAt(i + 1);
        i += next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      } else {
        i += 1;
      }
      type = 'punct';
    }
    const raw = text.slice(start, i);
    const lower = type === 'punct' ? raw : normalizeLower(raw);
    const token: Token = {
      text: raw,
      lower,
      base: type === 'word' ? possessiveBase(lower) : lower,
      start,
      end: i,
      type,
      index: tokens.length,
      wordIndex: type === 'punct' ? -1 : words.length,
      join: 'other',
      lineBefore: sawLine,
      spaceBefore: sawSpace,
    };
    tokens.push(token);
    if (type !== 'punct') {
      const previous = words[words.length - 1];
      if (previous !== undefined) token.join = joinBetween(tokens, previous.index, token.index);
      words.push(token);
    }
    sawSpace = false;
    sawLine = false;
  }
  return { text, tokens, words };
}

function joinBetween(tokens: readonly Token[], fromIndex: number, toIndex: number): Join {
  const to = tokens[toIndex] as Token;
  const between = toIndex - fromIndex - 1;
  if (between === 0) {
    if (to.lineBefore) return 'other';
    return to.spaceBefore ? 'space' : 'none';
  }
  if (between === 1) {
    const mid = tokens[fromIndex + 1] as Token;
    if (mid.lineBefore || to.lineBefore) return 'other';
    const ch = mid.text;
    if (ch === '-' || ch === '\u2010' || ch === '\u2011') return 'hyphen';
    if (ch === '/') return 'slash';
  }
  return 'other';
}

/** True when `join` lets two words form one term ("self-harm", "self harm", "SI/HI"). */
export function joinsTerm(join: Join): boolean {
  return join === 'space' || join === 'hyphen' || join === 'slash';
}

export function isUpperWord(token: Token): boolean {
  return token.type !== 'punct' && token.text !== token.lower && token.text === token.text.toUpperCase();
}

export function isCapitalized(token: Token): boolean {
  const code = token.text.charCodeAt(0);
  return token.type === 'word' && token.text[0] !== token.lower[0] && isLetterCode(code);
}

/** The punctuation token right before word token `w` (no space between), if any. */
export function punctBefore(t: Tokens, token: Token): Token | undefined {
  const prev = t.tokens[token.index - 1];
  return prev !== undefined && prev.type === 'punct' ? prev : undefined;
}

export function nextToken(t: Tokens, token: Token): Token | undefined {
  return t.tokens[token.index + 1];
}

export function prevToken(t: Tokens, token: Token): Token | undefined {
  return t.tokens[token.index - 1];
}

/** Sentence-ending punctuation, for windows that must not cross a sentence. */
export function isSentenceEnd(t: Tokens, token: Token): boolean {
  if (token.type !== 'punct') return false;
  const ch = token.text;
  if (ch === '!' || ch === '?' || ch === ';') return true;
  if (ch !== '.') return false;
  const next = t.tokens[token.index + 1];
  if (next === undefined) return true;
  if (!next.spaceBefore) return false; // "F90.0", "W.", "e.g"
  const prev = t.tokens[token.index - 1];
  if (prev !== undefined && prev.type === 'word' && ABBREVIATIONS.has(prev.lower)) return false;
  if (prev !== undefined && prev.type === 'word' && prev.text.length === 1 && prev.text !== prev.lower) return false; // initials: "J."
  return true;
}

/** Words after which a full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'ms', 'mrs', 'dr', 'st', 'jr', 'sr', 'vs', 'etc', 'approx', 'appt', 'apt', 'ave', 'blvd', 'dept', 'prof', 'gr', 'ext', 'sept', 'oct', 'nov', 'dec', 'jan', 'feb', 'aug',
]);
