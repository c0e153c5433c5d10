import { DIGIT_WORDS } from './data/identifiers';
import { ICD10CM_CATEGORIES } from './data/icd10cm';
import type { Token, Tokens } from './text';

/**
 * An ICD-10-CM code read aloud or dictated: "f forty three point one zero"
 * (F43.10), "F ninety point two". The letter, the category as a number said
 * in words, then "point" and the subcode digit by digit. The category must be
 * one of the list; without "point" the code is taken only when `cued` (a word
 * such as "code" or "dx" came just before).
 */

const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);
const TEENS: ReadonlyMap<string, number> = new Map([
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

/** The code's first and last word index, if a spoken code starts at word `i`. */
export function spokenCodeAt(t: Tokens, i: number, cued: boolean): { last: number } | undefined {
  const letter = t.words[i] as Token;
  if (letter.type !== 'word' || letter.text.length !== 1) return undefined;
  const number = twoDigitNumber(t, i + 1);
  if (number === undefined) return undefined;
  const category = `${letter.text.toUpperCase()}${String(number.value).padStart(2, '0')}`;
  if (!ICD10CM_CATEGORIES.has(category)) return undefined;
  const point = t.words[number.last + 1];
  if (point?.lower === 'point' || point?.lower === 'dot') {
    let last = number.last + 1;
    for (let k = last + 1; k < t.words.length && k <= number.last + 5; k += 1) {
      if (!DIGIT_WORDS.has((t.words[k] as Token).lower)) break;
      last = k;
    }
    if (last > number.last + 1) return { last };
  }
  return cued ? { last: number.last } : undefined;
}

/** "forty three", "ninety", "twelve", "oh nine": a number from 0 to 99 in words, starting at word `k`. */
function twoDigitNumber(t: Tokens, k: number): { value: number; last: number } | undefined {
  const word = t.words[k];
  if (word === undefined || word.type !== 'word') return undefined;
  const teen = TEENS.get(word.lower);
  if (teen !== undefined) return { value: teen, last: k };
  const tens = TENS.get(word.lower);
  const next = t.words[k + 1];
  const unit = next === undefined ? undefined : DIGIT_WORDS.get(next.lower);
  if (tens !== undefined) return unit !== undefined && unit !== '0' ? { value: tens + Number(unit), last: k + 1 } : { value: tens, last: k };
  if ((word.lower === 'oh' || word.lower === 'zero') && unit !== undefined) return { value: Number(unit), last: k + 1 };
  return undefined;
}
