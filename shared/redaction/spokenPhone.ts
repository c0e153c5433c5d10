import { DIGIT_WORDS, EXTENSION_WORDS } from './data/identifiers';
import { wordSet } from './lexicon';
import type { RawSpan } from './spans';
import type { Token, Tokens } from './text';

/**
 * A phone number read aloud or dictated: "five oh three five five five zero
 * one six two extension four". Seven or ten digit words in a row (commas and
 * dashes between them allowed), with an extension said the same way.
 */

const EXTENSION = wordSet(EXTENSION_WORDS);
/** Marks a dictated number may hold between its digits ("five oh three, five five five – …"). */
const BETWEEN = new Set([',', '-', '\u2013', '.']);

/**
 * "9 0 0 - 4 4 - 9 1 2 3", "5 5 5 0 1 4 2": a number typed or read out one
 * digit at a time. Nine digits in groups of 3, 2 and 4 are a social security
 * number; groups of 3-4 or 3-3-4 a phone. Ungrouped digits are left alone
 * ("rated 1 2 3 4 5 6 7").
 */
export function findDigitByDigit(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (let index = 0; index < tokens.length; index += 1) {
    const first = tokens[index] as Token;
    if (!singleDigit(first) || singleDigit(tokens[index - 1])) continue;
    const groups: number[] = [1];
    let last = index;
    for (let k = index + 1; k < tokens.length; k += 1) {
      const token = tokens[k] as Token;
      if (token.lineBefore || !token.spaceBefore) break;
      if (singleDigit(token)) {
        groups[groups.length - 1] = (groups[groups.length - 1] as number) + 1;
        last = k;
        continue;
      }
      if (token.text === '-' && singleDigit(tokens[k + 1])) {
        groups.push(0);
        continue;
      }
      break;
    }
    const shape = groups.join('-');
    const end = (tokens[last] as Token).end;
    if (shape === '3-2-4') out.push({ kind: 'identifier', rule: 'identifier.ssn', start: first.start, end });
    else if (shape === '3-3-4' || shape === '3-4') {
      out.push({ kind: 'identifier', rule: 'identifier.phone', start: first.start, end });
    }
    index = last;
  }
}

function singleDigit(token: Token | undefined): boolean {
  return token !== undefined && token.type === 'num' && token.text.length === 1;
}

export function findSpokenPhones(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (let index = 0; index < tokens.length; index += 1) {
    const first = tokens[index] as Token;
    if (!isDigitWord(first) || first.lower === 'o' || first.lower === 'oh') continue;
    const run = digitRun(t, index);
    if ((run.digits === 7 || run.digits === 10 || (run.digits === 11 && first.lower === 'one')) && !counting(t, index, run.last)) {
      let last = run.last;
      const ext = tokens[last + 1];
      if (ext !== undefined && EXTENSION.has(ext.lower) && ext.type === 'word') {
        const tail = digitRun(t, last + 2);
        if (tail.digits > 0 && tail.digits <= 5) last = tail.last;
      }
      out.push({ kind: 'identifier', rule: 'identifier.phone', start: first.start, end: (tokens[last] as Token).end });
    }
    index = Math.max(index, run.last);
  }
}

/** "one two three four five six seven": counting aloud, not a number. */
function counting(t: Tokens, from: number, to: number): boolean {
  let previous = -1;
  for (let k = from; k <= to; k += 1) {
    const token = t.tokens[k] as Token;
    if (!isDigitWord(token)) continue;
    const digit = Number(DIGIT_WORDS.get(token.lower));
    if (previous >= 0 && digit !== previous + 1) return false;
    previous = digit;
  }
  return true;
}

function isDigitWord(token: Token | undefined): boolean {
  return token !== undefined && token.type === 'word' && DIGIT_WORDS.has(token.lower) && (token.lower !== 'o' || token.text === 'o' || token.text === 'O');
}

/** The digit words from token `index` on: how many, and the index of the last. */
function digitRun(t: Tokens, index: number): { digits: number; last: number } {
  let digits = 0;
  let last = index - 1;
  for (let k = index; k < t.tokens.length; k += 1) {
    const token = t.tokens[k] as Token;
    if (isDigitWord(token)) {
      if (digits > 0 && token.lineBefore) break;
      digits += 1;
      last = k;
      continue;
    }
    if (digits > 0 && BETWEEN.has(token.text) && isDigitWord(t.tokens[k + 1])) continue;
    break;
  }
  return { digits, last };
}
