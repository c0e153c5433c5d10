import {
  ADDRESS_CUES,
  DIRECTIONS,
  DOB_CUES,
  EXTENSION_WORDS,
  ID_CUES,
  MONTHS,
  DAY_ORDINAL_WORDS,
  DAY_TENS_WORDS,
  CONFIRMATION_CUES,
  EMAIL_AT_WORDS,
  EMAIL_DOT_WORDS,
  EMAIL_TLDS,
  YEAR_TAIL_WORDS,
  YEAR_WORDS,
  PHONE_CUES,
  SSN_CUES,
  STREET_SUFFIXES,
  STRONG_STREET_SUFFIXES,
  UNIT_WORDS,
  US_STATES,
} from './data/identifiers';
import { wordSet } from './lexicon';
import { HOUSE_NUMBER, ORDINAL, PREFIXED_ID, STATE_ABBREVIATION, UNIT_NUMBER, ZIP5 } from './patterns';
import type { RawSpan } from './spans';
import { findSpokenAddresses } from './spokenAddress';
import { findDigitByDigit, findSpokenPhones } from './spokenPhone';
import { isCapitalized, isDigitCode, isLetterCode, isSentenceEnd, joinsTerm, type Token, type Tokens } from './text';

const SUFFIXES = wordSet(STREET_SUFFIXES);
const STRONG_SUFFIXES = wordSet(STRONG_STREET_SUFFIXES);
const DIRECTION = wordSet(DIRECTIONS);
const UNITS = wordSet(UNIT_WORDS);
const ADDRESS_CUE = wordSet(ADDRESS_CUES);
const STATES = new Set(US_STATES);
const DOB_CUE = wordSet(DOB_CUES);
const ID_CUE = wordSet(ID_CUES);
const STRONG_ID_CUE = wordSet(['id', 'ids', 'sid', 'ssid', 'lasid', 'sasid', 'stu', 'medicaid', 'acct', 'account', 'oen', 'nsn', 'gtid', 'osis', 'usi', 'pin']);
const SSN_CUE = wordSet(SSN_CUES);
const PHONE_CUE = wordSet(PHONE_CUES);
const EXTENSION = wordSet(EXTENSION_WORDS);
const NUMBER_SIGN = wordSet(['#', 'number', 'no', 'num']);
const CONFIRMATION_CUE = wordSet(CONFIRMATION_CUES);
const AT_WORD = wordSet(EMAIL_AT_WORDS);
const DOT_WORD = wordSet(EMAIL_DOT_WORDS);
const NOT_DOB_AFTER = wordSet([
  'party', 'parties', 'celebration', 'cake', 'card', 'cards', 'gift', 'gifts', 'present', 'presents', 'mom', 'mother',
  'dad', 'father', 'parent', 'parents', 'family', 'families', 'order', 'control', 'plan', 'club', 'lunch', 'treat', 'treats',
]);
const NOT_STREET_NAME = wordSet([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'more', 'new', 'other', 'all',
  'some', 'few', 'many', 'kids', 'students', 'days', 'weeks', 'times', 'minutes', 'hours', 'families', 'classes', 'this',
  // "a 90 min drive", "a 20 minute walk", "2 mile run": how far, not a street
  'min', 'mins', 'minute', 'hour', 'hr', 'hrs', 'mile', 'miles', 'mi', 'km', 'block', 'blocks', 'second', 'seconds',
  'that', 'these', 'those', 'his', 'her', 'their', 'my', 'our', 'your', 'its', 'is', 'was', 'are', 'were',
]);

/** Finds phone numbers, emails, street addresses, dates of birth, ID numbers and SSNs. */
export function findIdentifiers(t: Tokens): RawSpan[] {
  const out: RawSpan[] = [];
  findEmails(t.text, out);
  findSpelledEmails(t, out);
  findPhonesAndSsns(t, out);
  findSpokenPhones(t, out);
  findDigitByDigit(t, out);
  findLongNumbers(t, out);
  findAddresses(t, out);
  findSpokenAddresses(t, out);
  findDatesOfBirth(t, out);
  return out;
}

function push(out: RawSpan[], rule: RawSpan['rule'], start: number, end: number): void {
  if (end > start) out.push({ kind: 'identifier', rule, start, end });
}

// ---------------------------------------------------------------- emails

function isLocalChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45;
}

function isDomainChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 45;
}

function findEmails(text: string, out: RawSpan[]): void {
  let at = text.indexOf('@');
  let floor = 0; // never scan left past the previous '@'
  while (at >= 0) {
    let left = at;
    while (left > floor && isLocalChar(text.charCodeAt(left - 1))) left -= 1;
    while (left < at && (text[left] === '.' || text[left] === '-')) left += 1;
    let right = at + 1;
    while (right < text.length && isDomainChar(text.charCodeAt(right))) right += 1;
    while (right > at + 1 && (text[right - 1] === '.' || text[right - 1] === '-')) right -= 1;
    if (left < at && validDomain(text.slice(at + 1, right))) push(out, 'identifier.email', left, right);
    floor = at + 1;
    at = text.indexOf('@', at + 1);
  }
}

/**
 * An email written out so that it is not a link: "name at example dot com",
 * "name (at) example [dot] org", "name@example dot net". The local part is a
 * word (with dots, underscores or dashes inside), then "at", a domain label,
 * and one or more "dot" + label, the last a known top-level domain.
 */
function findSpelledEmails(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (const at of tokens) {
    if (!AT_WORD.has(at.lower) && at.text !== '@') continue;
    let left = at.index - 1;
    if (AT_WORD.has(at.lower) && isBracket(tokens[left]) && isBracket(tokens[at.index + 1])) left -= 1;
    const localEnd = tokens[left];
    if (localEnd === undefined || localEnd.type === 'punct') continue;
    let localStart = localEnd;
    for (let k = left - 1; k >= 0; k -= 1) {
      const glue = tokens[k + 1] as Token;
      const prev = tokens[k] as Token;
      if (glue.spaceBefore) break;
      if (prev.type === 'punct' ? !['.', '_', '-'].includes(prev.text) : false) break;
      localStart = prev;
    }
    if (localStart.type === 'punct') localStart = tokens[localStart.index + 1] as Token;
    let p = at.index + 1;
    if (isBracket(tokens[p]) && AT_WORD.has(at.lower)) p += 1;
    const domain = tokens[p];
    if (domain === undefined || domain.type === 'punct') continue;
    let end = domain;
    let dots = 0;
    let q = p + 1;
    for (;;) {
      let r = q;
      if (isBracket(tokens[r])) r += 1;
      const dot = tokens[r];
      if (dot === undefined || (!DOT_WORD.has(dot.lower) && dot.text !== '.')) break;
      r += 1;
      if (isBracket(tokens[r])) r += 1;
      const label = tokens[r];
      if (label === undefined || label.type === 'punct') break;
      if (dot.text === '.' && label.spaceBefore) break;
      end = label;
      dots += DOT_WORD.has(dot.lower) ? 1 : 0;
      q = r + 1;
    }
    if (end === domain || !EMAIL_TLDS.has(end.lower)) continue;
    // "@" with real dots is findEmails' work; a spelled "at" with real dots needs a local part that looks like one ("jo.ruiz at mail.com").
    if (dots === 0 && (at.text === '@' || !markedLocalPart(t.text.slice(localStart.start, localEnd.end)))) continue;
    push(out, 'identifier.email', localStart.start, end.end);
  }
}

/** "jo.ruiz", "kim_22": a local part with a dot, an underscore or a digit. */
function markedLocalPart(local: string): boolean {
  for (let i = 0; i < local.length; i += 1) {
    const code = local.charCodeAt(i);
    if (code === 46 || code === 95 || isDigitCode(code)) return true;
  }
  return false;
}

function isBracket(token: Token | undefined): boolean {
  return token !== undefined && ['(', ')', '[', ']', '{', '}', '<', '>'].includes(token.text);
}

function validDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) if (label === '' || label.startsWith('-') || label.endsWith('-')) return false;
  const tld = labels[labels.length - 1] as string;
  if (tld.length < 2) return false;
  for (let i = 0; i < tld.length; i += 1) if (!isLetterCode(tld.charCodeAt(i)) || tld.charCodeAt(i) > 127) return false;
  return true;
}

// ---------------------------------------------------------------- phones and SSNs

function digitsAt(text: string, p: number, n: number): boolean {
  if (p + n > text.length) return false;
  for (let k = 0; k < n; k += 1) if (!isDigitCode(text.charCodeAt(p + k))) return false;
  return true;
}

function isWordCode(code: number): boolean {
  return isDigitCode(code) || isLetterCode(code);
}

/** The character before p does not glue p to a longer number or word. */
function boundaryBefore(text: string, p: number): boolean {
  if (p === 0) return true;
  const c = text.charCodeAt(p - 1);
  if (isWordCode(c)) return false;
  if ((c === 45 || c === 46 || c === 47) && p >= 2 && isDigitCode(text.charCodeAt(p - 2))) return false; // "12-", "3.", "1/"
  if (c === 36) return false; // "$"
  return true;
}

/** The character at p does not continue the number. */
function boundaryAfter(text: string, p: number): boolean {
  if (p >= text.length) return true;
  const c = text.charCodeAt(p);
  if (isWordCode(c)) return false;
  if ((c === 45 || c === 46 || c === 47) && p + 1 < text.length && isDigitCode(text.charCodeAt(p + 1))) return false;
  return true;
}

function isPhoneSep(c: string | undefined): boolean {
  return c === '-' || c === '.' || c === ' ' || c === '\u2013';
}

/** Parses a US phone number starting at p; returns its end or -1. */
function parsePhone(text: string, p0: number, cued = false): number {
  let p = p0;
  let country = false;
  if (text[p] === '+') {
    if (text[p + 1] !== '1') return -1;
    p += 2;
    if (isPhoneSep(text[p])) p += 1;
    country = true;
  } else if (text[p] === '1' && isPhoneSep(text[p + 1]) && (isDigitCode(text.charCodeAt(p + 2)) || text[p + 2] === '(')) {
    const tried = parsePhoneBody(text, p + 2, true);
    if (tried >= 0) return tried;
  }
  return parsePhoneBody(text, p, country, cued);
}

function parsePhoneBody(text: string, p0: number, country: boolean, cued = false): number {
  let p = p0;
  if (text[p] === '(') {
    if (!digitsAt(text, p + 1, 3) || text[p + 4] !== ')') return -1;
    p += 5;
    if (text[p] === ' ' || text[p] === '-') p += 1;
    if (!digitsAt(text, p, 3)) return -1;
    p += 3;
    if (isPhoneSep(text[p]) && text[p] !== ' ') p += 1;
    else if (text[p] === ' ') p += 1;
    if (!digitsAt(text, p, 4)) return -1;
    p += 4;
    return boundaryAfter(text, p) ? p : -1;
  }
  if (!digitsAt(text, p, 3)) return -1;
  const sep = text[p + 3];
  if (isPhoneSep(sep) && digitsAt(text, p + 4, 3) && text[p + 7] === sep && digitsAt(text, p + 8, 4) && boundaryAfter(text, p + 12)) {
    return p + 12;
  }
  // Seven digits, "555-0134": with a dash or a dot; with a space only after a phone word ("use this one 555 0148").
  if (!country && (sep === '-' || sep === '.' || (sep === ' ' && cued)) && digitsAt(text, p + 4, 4) && boundaryAfter(text, p + 8)) {
    const first = text.charCodeAt(p);
    if (first >= 50 && first <= 57) return p + 8; // exchanges start 2–9
  }
  return -1;
}

/** ", ext. 3", " x204": extends a phone number's end. */
function extensionEnd(text: string, end: number): number {
  let p = end;
  if (text[p] === ',') p += 1;
  while (text[p] === ' ') p += 1;
  let q = p;
  while (q < text.length && isLetterCode(text.charCodeAt(q))) q += 1;
  const word = text.slice(p, q).toLowerCase();
  if (!EXTENSION.has(word)) return end;
  if (text[q] === '.') q += 1;
  while (text[q] === ' ') q += 1;
  let r = q;
  while (r < text.length && r - q < 6 && isDigitCode(text.charCodeAt(r))) r += 1;
  return r > q && !isDigitCode(text.charCodeAt(r)) ? r : end;
}

function parseSsn(text: string, p: number, spaced: boolean): number {
  if (!digitsAt(text, p, 3)) return -1;
  const sep = text[p + 3];
  if (!(sep === '-' || (spaced && sep === ' '))) return -1;
  if (!digitsAt(text, p + 4, 2) || text[p + 6] !== sep || !digitsAt(text, p + 7, 4)) return -1;
  return boundaryAfter(text, p + 11) ? p + 11 : -1;
}

function findPhonesAndSsns(t: Tokens, out: RawSpan[]): void {
  const text = t.text;
  for (const token of t.tokens) {
    const p = token.start;
    const c = token.text;
    if (!(token.type === 'num' || c === '(' || c === '+')) continue;
    if (!boundaryBefore(text, p)) continue;
    const ssn = parseSsn(text, p, cueBefore(t, token, SSN_CUE, 10));
    if (ssn >= 0) {
      push(out, 'identifier.ssn', p, ssn);
      continue;
    }
    const phone = parsePhone(text, p, text[p + 3] === ' ' && cueBefore(t, token, PHONE_CUE, 8));
    if (phone >= 0) push(out, 'identifier.phone', p, extensionEnd(text, phone));
  }
}

/** "Fax confirmation 0045112", "conf #88213": a bare confirmation or reference number, not an identifier (a number in phone format stays a phone). */
function confirmationNumber(t: Tokens, token: Token): boolean {
  return cueBefore(t, token, CONFIRMATION_CUE, 2);
}

/** One of `cues` among the few words before `token`, in the same sentence. */
function cueBefore(t: Tokens, token: Token, cues: ReadonlySet<string>, limit: number): boolean {
  let seen = 0;
  for (let index = token.index - 1; index >= 0 && seen < limit; index -= 1) {
    const before = t.tokens[index] as Token;
    if (isSentenceEnd(t, before) || (t.tokens[index + 1] as Token).lineBefore) return false;
    if (cues.has(before.lower) || cues.has(before.base)) return true;
    if (before.type !== 'punct') seen += 1;
  }
  return false;
}

// ---------------------------------------------------------------- long numbers (IDs)

function findLongNumbers(t: Tokens, out: RawSpan[]): void {
  const text = t.text;
  findGroupedIds(t, out);
  for (const word of t.words) {
    if (word.type === 'alnum') {
      if (PREFIXED_ID.test(word.text) && boundaryBefore(text, word.start) && boundaryAfter(text, word.end)) {
        push(out, 'identifier.student_id', word.start, word.end);
      }
      continue;
    }
    if (word.type !== 'num') continue;
    const length = word.text.length;
    if (length < 5 || length > 12) continue;
    if (!boundaryBefore(text, word.start) || !boundaryAfter(text, word.end)) continue;
    const prev = t.tokens[word.index - 1];
    if (prev !== undefined && !word.spaceBefore && prev.text === ',') continue;
    if (confirmationNumber(t, word)) continue;
    const strongId = cueBefore(t, word, STRONG_ID_CUE, 4);
    if (length < 7) {
      if (strongId || (cueBefore(t, word, ID_CUE, 2) && cueBefore(t, word, NUMBER_SIGN, 1))) {
        push(out, 'identifier.student_id', word.start, word.end);
      }
      continue;
    }
    if (length === 9 && cueBefore(t, word, SSN_CUE, 4)) push(out, 'identifier.ssn', word.start, word.end);
    else if (strongId || cueBefore(t, word, ID_CUE, 3)) push(out, 'identifier.student_id', word.start, word.end);
    else if (length === 10 || (length === 11 && word.text.startsWith('1')) || cueBefore(t, word, PHONE_CUE, 4)) {
      push(out, 'identifier.phone', word.start, extensionEnd(text, word.end));
    } else push(out, 'identifier.student_id', word.start, word.end);
  }
}

/** "Student ID 4471-2098", "ID# 55 0192 3": digits in groups after an ID word, six digits or more in all. */
function findGroupedIds(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (let index = 0; index < tokens.length; index += 1) {
    const first = tokens[index] as Token;
    if (first.type !== 'num' || !boundaryBefore(t.text, first.start)) continue;
    let digits = first.text.length;
    let last = first;
    let k = index + 1;
    while (k + 1 < tokens.length) {
      const sep = tokens[k] as Token;
      const next = tokens[k + 1] as Token;
      if (sep.text !== '-' || sep.spaceBefore || next.spaceBefore || next.type !== 'num') break;
      digits += next.text.length;
      last = next;
      k += 2;
    }
    if (last === first || digits < 6 || !boundaryAfter(t.text, last.end)) continue;
    if (!confirmationNumber(t, first) && cueBefore(t, first, STRONG_ID_CUE, 3)) push(out, 'identifier.student_id', first.start, last.end);
    index = last.index;
  }
}

// ---------------------------------------------------------------- street addresses

function findAddresses(t: Tokens, out: RawSpan[]): void {
  const words = t.words;
  for (let k = 0; k < words.length; k += 1) {
    const word = words[k] as Token;
    if (word.lower === 'po' || (word.lower === 'p' && t.tokens[word.index + 1]?.text === '.')) {
      const box = poBox(t, k);
      if (box !== undefined) {
        push(out, 'identifier.address', word.start, box);
        continue;
      }
    }
    if (word.type !== 'num' && word.type !== 'alnum') continue;
    if (!HOUSE_NUMBER.test(word.text)) continue;
    if (!boundaryBefore(t.text, word.start)) continue;
    const end = streetAddress(t, k);
    if (end !== undefined) push(out, 'identifier.address', word.start, end);
  }
}

function poBox(t: Tokens, k: number): number | undefined {
  let j = k;
  const first = t.words[j] as Token;
  if (first.lower === 'p') {
    const o = t.words[j + 1];
    if (o === undefined || o.lower !== 'o') return undefined;
    j += 1;
  }
  const box = t.words[j + 1];
  const number = t.words[j + 2];
  if (box === undefined || number === undefined || box.lower !== 'box' || number.type !== 'num') return undefined;
  return number.end;
}

/** "712 Cherry St, Apt 2", "1107 W. Main St", "415 S. 3rd St, Unit 2, Dayton, OH 45402". */
function streetAddress(t: Tokens, k: number): number | undefined {
  const words = t.words;
  let j = k + 1;
  const next = words[j];
  if (next === undefined || next.join !== 'space') return undefined;
  if (DIRECTION.has(next.lower) && (isUpperInitial(next) || next.lower.length > 2)) j += 1;
  const nameStart = j;
  let suffixAt = -1;
  let allCapitalized = true;
  for (let n = 0; n < 5 && j < words.length; n += 1, j += 1) {
    const w = words[j] as Token;
    if (j > k + 1 && !joinsTerm(w.join) && !dottedJoin(t, j - 1)) break;
    if (j > nameStart && SUFFIXES.has(w.lower)) {
      suffixAt = j;
      break;
    }
    const isName = (w.type === 'word' && !NOT_STREET_NAME.has(w.lower)) || (w.type === 'alnum' && ORDINAL.test(w.text));
    if (!isName) break;
    if (!(isCapitalized(w) || ORDINAL.test(w.text))) allCapitalized = false;
  }
  if (suffixAt < 0) return addressByCue(t, k);
  const suffix = words[suffixAt] as Token;
  // Lower-case street names only with an unmistakable suffix ("88 orchard rd").
  if ((!allCapitalized || !isCapitalized(suffix)) && !STRONG_SUFFIXES.has(suffix.lower)) return undefined;
  let endWord = suffixAt;
  let end = suffix.end;
  // a trailing full stop of the abbreviation
  const dot = t.tokens[suffix.index + 1];
  if (dot !== undefined && dot.text === '.' && !dot.spaceBefore) end = dot.end;
  // a route number after the suffix ("County Rd 12") or a trailing direction ("Main St NW")
  const after = words[endWord + 1];
  if (after !== undefined && joinsTerm(after.join) && (after.type === 'num' && after.text.length <= 4 || (DIRECTION.has(after.lower) && isUpperWord(after)))) {
    endWord += 1;
    end = after.end;
  }
  const unit = unitAfter(t, endWord);
  if (unit !== undefined) {
    endWord = unit.word;
    end = unit.end;
  }
  const place = cityStateZipAfter(t, endWord);
  if (place !== undefined) end = place;
  return end;
}

function isUpperInitial(token: Token): boolean {
  return token.text.length <= 2 && token.text === token.text.toUpperCase();
}

function isUpperWord(token: Token): boolean {
  return token.text === token.text.toUpperCase() && token.text !== token.lower;
}

/** Word k+1 follows word k after "W." / "St." (a full stop of an abbreviation, then a space). */
function dottedJoin(t: Tokens, k: number): boolean {
  const word = t.words[k] as Token;
  const next = t.words[k + 1];
  if (next === undefined) return false;
  const dot = t.tokens[word.index + 1] as Token;
  return dot.text === '.' && !dot.spaceBefore && next.index === dot.index + 1 && next.spaceBefore && !next.lineBefore;
}

/** ", Apt 2", " Unit 5C", ", #4", ", Room 118". */
function unitAfter(t: Tokens, endWord: number): { word: number; end: number } | undefined {
  const last = t.words[endWord] as Token;
  let index = last.index + 1;
  let token = t.tokens[index];
  if (token !== undefined && token.text === '.' && !token.spaceBefore) token = t.tokens[++index];
  if (token !== undefined && token.text === ',') token = t.tokens[++index];
  if (token === undefined || token.lineBefore) return undefined;
  if (token.text === '#') {
    const number = t.tokens[index + 1];
    if (number !== undefined && number.type !== 'punct' && UNIT_NUMBER.test(number.text)) return { word: number.wordIndex, end: number.end };
    return undefined;
  }
  if (token.type !== 'word' || !UNITS.has(token.lower)) return undefined;
  let n = t.tokens[index + 1];
  if (n !== undefined && (n.text === '.' || n.text === '#')) n = t.tokens[index + 2];
  if (n !== undefined && n.type !== 'punct' && UNIT_NUMBER.test(n.text)) return { word: n.wordIndex, end: n.end };
  return undefined;
}

/** ", Springfield, OH 45502" or ", OH 45502". */
function cityStateZipAfter(t: Tokens, endWord: number): number | undefined {
  const last = t.words[endWord] as Token;
  let index = last.index + 1;
  if (t.tokens[index]?.text !== ',') return undefined;
  index += 1;
  let cityWords = 0;
  while (cityWords < 3) {
    const token = t.tokens[index];
    if (token === undefined || token.type !== 'word' || !isCapitalized(token) || STATES.has(token.text)) break;
    cityWords += 1;
    index += 1;
  }
  if (cityWords > 0 && t.tokens[index]?.text === ',') index += 1;
  const state = t.tokens[index];
  if (state === undefined || !STATE_ABBREVIATION.test(state.text) || !STATES.has(state.text)) return undefined;
  const zip = t.tokens[index + 1];
  if (zip !== undefined && zip.type === 'num' && ZIP5.test(zip.text)) {
    const dash = t.tokens[index + 2];
    const plus4 = t.tokens[index + 3];
    if (dash !== undefined && plus4 !== undefined && dash.text === '-' && !dash.spaceBefore && plus4.type === 'num' && plus4.text.length === 4) return plus4.end;
    return zip.end;
  }
  return cityWords > 0 ? state.end : undefined;
}

/** "lives at 45 Elm", "moved to 12 Birch": a cue word before a number and a capitalized name. */
function addressByCue(t: Tokens, k: number): number | undefined {
  const number = t.words[k] as Token;
  let cue = false;
  for (let back = 1; back <= 3; back += 1) {
    const w = t.words[k - back];
    if (w === undefined) break;
    if (ADDRESS_CUE.has(w.lower)) cue = true;
  }
  if (!cue || number.type !== 'num' || number.text.length < 2) return undefined;
  const name = t.words[k + 1];
  if (name === undefined || !joinsTerm(name.join) || name.join !== 'space' || !isCapitalized(name) || NOT_STREET_NAME.has(name.lower)) return undefined;
  if (MONTHS.has(name.lower)) return undefined;
  let end = name.end;
  const second = t.words[k + 2];
  if (second !== undefined && second.join === 'space' && isCapitalized(second)) end = second.end;
  return end;
}

// ---------------------------------------------------------------- dates of birth

interface DateMatch {
  start: number;
  end: number;
  /** Index of the last token of the date. */
  lastToken: number;
}

function findDatesOfBirth(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  const birthYears = new Set<string>();
  const flaggedFrom = out.length;
  let wordsLeft = 0; // words after a DOB cue in which a date is a date of birth
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.lineBefore) wordsLeft = 0;
    if (isDobCue(t, token)) {
      wordsLeft = 10;
      // "d.o.b.": past its letters and dots, so that the last dot does not end the sentence.
      if (token.lower === 'd') while (index + 1 < tokens.length && ['.', 'o', 'b'].includes((tokens[index + 1] as Token).lower)) index += 1;
      continue;
    }
    if (isSentenceEnd(t, token)) {
      wordsLeft = 0;
      continue;
    }
    const date = dateAt(t, index);
    if (date !== undefined) {
      // A day and month without a year is a birthday, not a date of birth (POLICY.md, "Cases decided").
      if ((wordsLeft > 0 || dobCueAfter(t, date.lastToken)) && yearOf(t, date) !== undefined) {
        push(out, 'identifier.dob', date.start, date.end);
        const year = yearOf(t, date);
        if (year !== undefined) birthYears.add(year);
        wordsLeft = wordsLeft > 0 ? 6 : 0; // a list of dates: "(4/3/2014, 8/22/2016)"
      }
      index = date.lastToken;
      continue;
    }
    if (token.type !== 'punct' && wordsLeft > 0) wordsLeft -= 1;
  }
  if (birthYears.size > 0) findOtherBirthDates(t, out, birthYears, flaggedFrom);
}

/**
 * "DOB 12 de marzo de 2014 … Registrar has 3/21/2014 — fix": a full date in
 * the same year as a date of birth already found is that person's date of
 * birth as written elsewhere (a wrong one on file counts too, POLICY.md).
 */
function findOtherBirthDates(t: Tokens, out: RawSpan[], years: ReadonlySet<string>, flaggedFrom: number): void {
  const flagged = out.slice(flaggedFrom).filter((span) => span.rule === 'identifier.dob');
  for (let index = 0; index < t.tokens.length; index += 1) {
    const date = dateAt(t, index);
    if (date === undefined) continue;
    const year = yearOf(t, date);
    if (year !== undefined && years.has(year) && !flagged.some((span) => span.start < date.end && date.start < span.end)) {
      push(out, 'identifier.dob', date.start, date.end);
    }
    index = date.lastToken;
  }
}

/** The token a date starts with: a date spans a few tokens, so it is found a few steps back from its last one. */
function firstTokenOf(t: Tokens, date: DateMatch): Token | undefined {
  for (let index = date.lastToken; index >= 0 && date.lastToken - index < 12; index -= 1) {
    const token = t.tokens[index] as Token;
    if (token.start === date.start) return token;
  }
  return undefined;
}

/** The year of a date ("2014" of "3/21/2014" and "2014-03-21", "14" of "3/21/14"), if it has one. */
function yearOf(t: Tokens, date: DateMatch): string | undefined {
  const first = firstTokenOf(t, date);
  if (first !== undefined && first.type === 'num' && first.text.length === 4) return first.text;
  const last = t.tokens[date.lastToken] as Token;
  if (last.type === 'num' && last.text.length === 4) return last.text;
  // "11/2/14": a third number after two separators.
  const sep = t.tokens[date.lastToken - 1];
  const middle = t.tokens[date.lastToken - 2];
  if (last.type === 'num' && last.text.length === 2 && sep !== undefined && sep.type === 'punct' && middle?.type === 'num' && first?.type === 'num' && first !== middle) {
    return last.text;
  }
  if (last.type === 'word') return last.lower; // a year said aloud: "… twenty twelve"
  return undefined;
}

function isDobCue(t: Tokens, token: Token): boolean {
  if (token.type === 'punct') return false;
  if (DOB_CUE.has(token.lower) || DOB_CUE.has(token.base)) {
    // "birthday party 3/14", "birth mom visits 3/4": not a date of birth
    // "DOB: mom says …" is a label; "birth mom" is not a date of birth.
    if (t.tokens[token.index + 1]?.text === ':') return true;
    const next = t.words[token.wordIndex + 1];
    return next === undefined || !NOT_DOB_AFTER.has(next.lower);
  }
  // "D.O.B."
  if (token.lower === 'd' && t.tokens[token.index + 1]?.text === '.' && t.tokens[token.index + 2]?.lower === 'o') return true;
  return false;
}

/** "07/09/2015 (DOB)", "3/4/2012 birthday". */
function dobCueAfter(t: Tokens, lastToken: number): boolean {
  for (let index = lastToken + 1, seen = 0; index < t.tokens.length && seen < 2; index += 1) {
    const token = t.tokens[index] as Token;
    if (token.lineBefore || isSentenceEnd(t, token)) return false;
    if (isDobCue(t, token)) return true;
    if (token.type !== 'punct') seen += 1;
  }
  return false;
}

function numValue(token: Token | undefined, minLength: number, maxLength: number): number | undefined {
  if (token === undefined || token.type !== 'num' || token.text.length < minLength || token.text.length > maxLength) return undefined;
  return Number(token.text);
}

function attached(token: Token | undefined): boolean {
  return token !== undefined && !token.spaceBefore;
}

/** A calendar date starting at token index `index`. */
function dateAt(t: Tokens, index: number): DateMatch | undefined {
  const tokens = t.tokens;
  const first = tokens[index] as Token;
  const dayFirst = spelledDayFirst(t, index);
  if (dayFirst !== undefined) return dayFirst;
  if (first.type === 'num') {
    if (!boundaryBefore(t.text, first.start)) return undefined;
    const sep = tokens[index + 1];
    if (sep === undefined || !attached(sep) || !(sep.text === '/' || sep.text === '-' || sep.text === '.')) return undefined;
    const second = tokens[index + 2];
    if (!attached(second)) return undefined;
    if (first.text.length === 4) {
      // 2012-09-30
      const month = numValue(second, 1, 2);
      const sep2 = tokens[index + 3];
      const day = numValue(tokens[index + 4], 1, 2);
      if (month === undefined || day === undefined || !attached(sep2) || sep2?.text !== sep.text || !attached(tokens[index + 4])) return undefined;
      if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
      const last = tokens[index + 4] as Token;
      return boundaryAfter(t.text, last.end) ? { start: first.start, end: last.end, lastToken: index + 4 } : undefined;
    }
    const a = numValue(first, 1, 2);
    const b = numValue(second, 1, 2);
    if (a === undefined || b === undefined || a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return undefined;
    const sep2 = tokens[index + 3];
    const year = tokens[index + 4];
    if (attached(sep2) && sep2?.text === sep.text && attached(year) && (numValue(year, 2, 2) !== undefined || numValue(year, 4, 4) !== undefined)) {
      const last = year as Token;
      return boundaryAfter(t.text, last.end) ? { start: first.start, end: last.end, lastToken: index + 4 } : undefined;
    }
    if (sep.text !== '/') return undefined;
    const last = second as Token;
    return boundaryAfter(t.text, last.end) ? { start: first.start, end: last.end, lastToken: index + 2 } : undefined;
  }
  if (first.type === 'word' && MONTHS.has(first.lower)) {
    const spelled = spelledMonthFirst(t, index);
    if (spelled !== undefined) return spelled;
    // Sept 3, 2011 / Sept. 3 2011 / March 2012
    let p = index + 1;
    if (tokens[p]?.text === '.' && attached(tokens[p])) p += 1;
    const dayToken = tokens[p];
    let day: number | undefined;
    if (dayToken !== undefined && dayToken.type === 'num' && dayToken.text.length <= 2) day = Number(dayToken.text);
    else if (dayToken !== undefined && dayToken.type === 'alnum' && ORDINAL.test(dayToken.text)) day = Number.parseInt(dayToken.text, 10);
    if (day !== undefined && day >= 1 && day <= 31) {
      let q = p + 1;
      if (tokens[q]?.text === ',') q += 1;
      const year = numValue(tokens[q], 4, 4);
      if (year !== undefined) return { start: first.start, end: (tokens[q] as Token).end, lastToken: q };
      return { start: first.start, end: (dayToken as Token).end, lastToken: p };
    }
    const year = numValue(dayToken, 4, 4);
    if (year !== undefined && first.lower !== 'may') return { start: first.start, end: (dayToken as Token).end, lastToken: p };
    return undefined;
  }
  return undefined;
}

/** A day of the month at token `index`: "3", "3rd", "third", "twenty-first". */
function dayAt(t: Tokens, index: number): { value: number; last: number } | undefined {
  const token = t.tokens[index];
  if (token === undefined) return undefined;
  if (token.type === 'num' && token.text.length <= 2) return { value: Number(token.text), last: index };
  if (token.type === 'alnum' && ORDINAL.test(token.text)) return { value: Number.parseInt(token.text, 10), last: index };
  if (token.type !== 'word') return undefined;
  const ordinal = DAY_ORDINAL_WORDS.get(token.lower);
  if (ordinal !== undefined) return { value: ordinal, last: index };
  const tens = DAY_TENS_WORDS.get(token.lower);
  if (tens === undefined) return undefined;
  let k = index + 1;
  if (t.tokens[k]?.text === '-') k += 1;
  const unit = DAY_ORDINAL_WORDS.get(t.tokens[k]?.lower ?? '');
  return unit !== undefined && unit < 10 ? { value: tens + unit, last: k } : undefined;
}

/** A year at token `index`: "2012", or said aloud: "twenty twelve", "two thousand eleven". */
function yearAt(t: Tokens, index: number): number | undefined {
  const token = t.tokens[index];
  if (token === undefined) return undefined;
  if (numValue(token, 4, 4) !== undefined) return index;
  if (!['twenty', 'two', 'nineteen'].includes(token.lower)) return undefined;
  let last = index;
  for (let k = index + 1; k < t.tokens.length && k <= index + 5; k += 1) {
    const next = t.tokens[k] as Token;
    if (next.text === '-') continue;
    if (next.type !== 'word' || !(YEAR_WORDS.has(next.lower) || YEAR_TAIL_WORDS.has(next.lower))) break;
    last = k;
  }
  return last > index ? last : undefined;
}

/** "3 March 2012", "the 3rd of March, 2012", "third of March twenty twelve": with a year only. */
function spelledDayFirst(t: Tokens, index: number): DateMatch | undefined {
  const first = t.tokens[index] as Token;
  if (first.type === 'num' && !boundaryBefore(t.text, first.start)) return undefined;
  const day = dayAt(t, index);
  if (day === undefined || day.value < 1 || day.value > 31) return undefined;
  let k = day.last + 1;
  if (t.tokens[k]?.lower === 'of' || t.tokens[k]?.lower === 'de') k += 1;
  const month = t.tokens[k];
  if (month === undefined || !MONTHS.has(month.lower) || (month.lower === 'may' && month.text === 'may')) return undefined;
  k += 1;
  if (t.tokens[k]?.text === '.' || t.tokens[k]?.text === ',' || t.tokens[k]?.lower === 'de' || t.tokens[k]?.lower === 'of') k += 1;
  const year = yearAt(t, k);
  if (year === undefined) return undefined;
  return { start: first.start, end: (t.tokens[year] as Token).end, lastToken: year };
}

/** "March third, 2012", "March twenty-first twenty eleven", "March 3, twenty twelve": with a year only. */
function spelledMonthFirst(t: Tokens, index: number): DateMatch | undefined {
  const first = t.tokens[index] as Token;
  let k = index + 1;
  if (t.tokens[k]?.text === '.') k += 1;
  const day = dayAt(t, k);
  if (day === undefined || day.value < 1 || day.value > 31) return undefined;
  const dayToken = t.tokens[day.last] as Token;
  k = day.last + 1;
  if (t.tokens[k]?.text === ',') k += 1;
  const year = yearAt(t, k);
  // A numeric day with a numeric year is the ordinary form below.
  if (year === undefined || (dayToken.type !== 'word' && numValue(t.tokens[year], 4, 4) !== undefined)) return undefined;
  return { start: first.start, end: (t.tokens[year] as Token).end, lastToken: year };
}
