import { LETTER, UPPERCASE_LETTER, WORD_CHARACTER } from '../patterns';

/**
 * What the quotation model (quoteModel.ts) reads of one quotation: its words,
 * the few words around it, and a handful of shapes. Pure and cheap: it runs
 * on every quotation the rules flag, on every keystroke, and looks at most 50
 * characters before and 30 after the quotation.
 *
 * A feature is a string; the model holds one weight per feature
 * (quoteWeights.ts). Changing anything here changes what the weights mean:
 * retrain with `npm run train:redaction` and commit both.
 */

/** First-person words: the speaker talks about themselves ("I", "we", "my"). */
const FIRST_PERSON = new Set(['i', "i'm", 'im', 'me', 'my', 'mine', 'we', 'us', 'our', "i'll", "i've", "i'd", 'myself', 'ill', 'ive']);

/** Second-person words: the speaker talks to someone ("you", "ur"). */
const SECOND_PERSON = new Set(['you', 'your', "you're", 'ur', 'u', 'ya', 'yall', 'youre']);

/** How many words of the quotation count one by one. */
const INNER_WORDS = 12;
/** How far back on the line, and how many words, the words before the quotation are read. */
const BEFORE_CHARS = 50;
const BEFORE_WORDS = 3;
/** How far the word after the quotation is looked for. */
const AFTER_CHARS = 30;

/**
 * The features of the quotation whose opening mark is at `start` and whose
 * closing mark ends at `end` (both marks one character wide).
 */
export function quoteFeatures(text: string, start: number, end: number): string[] {
  const inner = text.slice(start + 1, end - 1);
  const inside = words(inner);
  const out = ['bias'];
  // The words inside: the first twelve, the first and the last ("w=", "f0=", "wl=").
  for (const word of inside.slice(0, INNER_WORDS)) out.push(`w=${word}`);
  if (inside.length > 0) out.push(`f0=${inside[0] as string}`, `wl=${inside[inside.length - 1] as string}`);
  // The last three words before it on its line, and the very last ("pb=", "p1=", "BOL" at a line start).
  const window = text.slice(Math.max(0, start - BEFORE_CHARS), start);
  const before = words(window.slice(window.lastIndexOf('\n') + 1)).slice(-BEFORE_WORDS);
  for (const word of before) out.push(`pb=${word}`);
  out.push(`p1=${before.length > 0 ? (before[before.length - 1] as string) : 'BOL'}`);
  // The last visible character before it on its line: ":", ",", a word's last letter … ("pp=").
  out.push(`pp=${lastVisibleBefore(text, start)}`);
  // The first word after it ("n1=", "EOL" when none follows within 30 characters).
  out.push(`n1=${words(text.slice(end, end + AFTER_CHARS), 1)[0] ?? 'EOL'}`);
  // Its length in words, on a log scale: 0 to 6 ("nw=").
  out.push(`nw=${Math.min(6, Math.floor(Math.log2(inside.length + 1)))}`);
  // Who speaks: first or second person inside ("fp", "sp").
  if (inside.some((word) => FIRST_PERSON.has(word))) out.push('fp');
  if (inside.some((word) => SECOND_PERSON.has(word))) out.push('sp');
  // How it ends: a question or an exclamation ("q?", "q!").
  const trimmed = inner.trim();
  if (trimmed.endsWith('?')) out.push('q?');
  if (trimmed.endsWith('!')) out.push('q!');
  // Its casing: most words capitalised, as a title or a sign is ("title"); a capital first letter ("cap0").
  if (inside.length >= 2 && capitalisedWords(inner) / inside.length > 0.6) out.push('title');
  if (startsUppercase(inner)) out.push('cap0');
  return out;
}

/**
 * The words of `text` (the first `limit` of them), lower case with curly
 * apostrophes made straight: runs of letters and digits, with apostrophes
 * followed by letters inside them ("don't", "i'm").
 */
export function words(text: string, limit = Infinity): string[] {
  const s = text.toLowerCase().replaceAll('\u2019', "'");
  const out: string[] = [];
  let i = 0;
  while (i < s.length && out.length < limit) {
    if (!isWordCharacter(s, i)) {
      i += charLength(s, i);
      continue;
    }
    const first = i;
    while (i < s.length && isWordCharacter(s, i)) i += charLength(s, i);
    while (s[i] === "'" && i + 1 < s.length && isLetter(s, i + 1)) {
      i += 1;
      while (i < s.length && isLetter(s, i)) i += charLength(s, i);
    }
    out.push(s.slice(first, i));
  }
  return out;
}

function charLength(s: string, i: number): number {
  return (s.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

function codePointText(s: string, i: number): string {
  return String.fromCodePoint(s.codePointAt(i) as number);
}

function isWordCharacter(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WORD_CHARACTER.test(codePointText(s, i));
}

function isLetter(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(codePointText(s, i));
}

function isUppercase(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPERCASE_LETTER.test(codePointText(s, i));
}

/** White space as JavaScript's `\s` and `trim` know it (one UTF-16 unit). */
function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return String.fromCharCode(code).trim() === '';
}

function startsUppercase(s: string): boolean {
  return s.length > 0 && isUppercase(s, 0);
}

/** Words that begin with a capital: at the start, or after white space. */
function capitalisedWords(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i += 1) {
    if ((i === 0 || isSpaceCode(s.charCodeAt(i - 1))) && isUppercase(s, i)) count += 1;
  }
  return count;
}

/** The last character before `start` on its line that is not white space, or "BOL". */
function lastVisibleBefore(text: string, start: number): string {
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) !== 10 && isSpaceCode(text.charCodeAt(i))) i -= 1;
  if (i < 0 || text[i] === '\n') return 'BOL';
  const code = text.charCodeAt(i);
  // The second half of a surrogate pair (an emoji): the whole character.
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) return text.slice(i - 1, i + 1);
  return text[i] as string;
}
