import { ADDRESS_CUES, DIGIT_WORDS, DIRECTIONS, STRONG_STREET_SUFFIXES, UNIT_WORDS, YEAR_TAIL_WORDS } from './data/identifiers';
import { wordSet } from './lexicon';
import type { RawSpan } from './spans';
import type { Token, Tokens } from './text';

/**
 * A street address dictated in words: "four twelve west alder street
 * apartment six". One to four number words for the house number, a compass
 * word if any, one to three words of the street's name and an unmistakable
 * street suffix ("street", "avenue", "road" …), then a unit said the same way.
 * A house number of one word needs a word before it that announces an address.
 */

const NUMBER_WORDS = new Set([...DIGIT_WORDS.keys(), ...YEAR_TAIL_WORDS, 'hundred', 'thousand']);
const DIRECTION = wordSet(DIRECTIONS);
const SUFFIX = wordSet(STRONG_STREET_SUFFIXES);
const UNIT = wordSet(UNIT_WORDS);
const ADDRESS_CUE = wordSet(ADDRESS_CUES);

export function findSpokenAddresses(t: Tokens, out: RawSpan[]): void {
  const words = t.words;
  for (let k = 0; k < words.length; k += 1) {
    const first = words[k] as Token;
    if (!isNumberWord(first) || first.lower === 'o' || (k > 0 && isNumberWord(words[k - 1] as Token))) continue;
    let j = k;
    while (j + 1 < words.length && j - k < 3 && isNumberWord(words[j + 1] as Token) && (words[j + 1] as Token).join === 'space') j += 1;
    // One number word ("one way street") only after a word that announces an address.
    if (j === k && !cueBefore(t, k)) continue;
    let n = j + 1;
    if (words[n] !== undefined && DIRECTION.has((words[n] as Token).lower) && (words[n] as Token).lower.length > 2) n += 1;
    const nameStart = n;
    while (n < words.length && n - nameStart < 3 && (words[n] as Token).type === 'word' && !SUFFIX.has((words[n] as Token).lower) && !isNumberWord(words[n] as Token)) n += 1;
    const suffix = words[n];
    if (n === nameStart || suffix === undefined || !SUFFIX.has(suffix.lower) || suffix.join !== 'space') continue;
    let last = n;
    const unit = words[n + 1];
    if (unit !== undefined && UNIT.has(unit.lower) && isNumberWord(words[n + 2])) {
      last = n + 2;
      while (last + 1 < words.length && isNumberWord(words[last + 1]) && last - n < 5) last += 1;
    }
    out.push({ kind: 'identifier', rule: 'identifier.address', start: first.start, end: (words[last] as Token).end });
    k = last;
  }
}

function cueBefore(t: Tokens, k: number): boolean {
  for (let m = k - 1; m >= 0 && m >= k - 4; m -= 1) if (ADDRESS_CUE.has((t.words[m] as Token).lower)) return true;
  return false;
}

function isNumberWord(token: Token | undefined): boolean {
  return token !== undefined && token.type === 'word' && NUMBER_WORDS.has(token.lower);
}
