import { isLetterCode, type Token, type Tokens } from '../text';
import { isTimePart } from './speakers';
import { DAYS, HEADINGS } from './vocabulary';

/**
 * Pasted chats and text threads: which colons end a sender's handle, and the
 * emoji a message may open with. The transcript rule reads each turn.
 */

/**
 * Turns of a pasted chat: "[9:41 PM] tayy_b: … / [9:42 PM] kels.o: … / him:
 * …". A handle (one word, or letters joined by "_" or "." with no space) right
 * after " / ", "|" or a timestamp's "]" and before a colon is a sender when the
 * note holds at least two such turns. Returns each such colon's handle.
 */
export function chatTurns(t: Tokens): Map<number, Token[]> {
  const tokens = t.tokens;
  const turns = new Map<number, Token[]>();
  for (const colon of tokens) {
    if (colon.text !== ':' || colon.spaceBefore) continue;
    const next = tokens[colon.index + 1];
    if (next === undefined || !next.spaceBefore || next.lineBefore) continue;
    let start = colon.index - 1;
    while (start > 0 && !(tokens[start] as Token).spaceBefore && !(tokens[start] as Token).lineBefore && start > colon.index - 5) start -= 1;
    const handle = tokens.slice(start, colon.index);
    const first = handle[0];
    if (first === undefined || !handle.some((token) => token.type === 'word') || handle.some((token) => token.type === 'num' || (token.type === 'punct' && !HANDLE_JOINERS.has(token.text)))) continue;
    const before = tokens[start - 1];
    // "tayy_b", "kels.o", "deja.x": a handle joined by "_" or "." is a sender wherever it stands.
    const joined = handle.length > 1;
    const afterLabel = before?.text === ':' && !before.spaceBefore;
    // "11:52 pm alexis: are u there": a handle after the message's time.
    const afterTime = before !== undefined && (isTimePart(before) || TIME_MARKS.has(before.lower));
    // "… 7:02am. Dez: u here today? Me: yes til 3, come by 2nd. Dez: bet": turns after a sentence's end count when a handle comes back.
    const afterSentence = before !== undefined && ((before.text === '.' && !abbreviationDot(t, before)) || before.text === '?' || before.text === '!');
    if (HEADINGS.has(first.lower) || (handle.length === 1 && DAYS.has(first.lower))) continue;
    if (!joined && (before === undefined || !(CHAT_SEPARATORS.has(before.text) || afterLabel || afterTime || afterSentence))) continue;
    turns.set(colon.index, handle);
  }
  // Two turns at least, and a handle that comes back or handles joined like usernames:
  // "Date: 10/2 | Type: Individual | Goal: …" is a form, each field named once.
  const names = [...turns.values()].map((handle) => handle.map((token) => token.lower).join(''));
  const repeated = new Set(names).size < names.length;
  const usernames = [...turns.values()].filter((handle) => handle.length > 1).length >= 2;
  return turns.size >= 2 && (repeated || usernames) ? turns : new Map();
}

const CHAT_SEPARATORS = new Set(['/', '|', ']', '>']);
/** Titles written with a dot: "Mr. Pratt:" is one label, not a sentence's end and a handle. */
const TITLE_ABBREVIATIONS = new Set(['mr', 'ms', 'mrs', 'mx', 'dr', 'sr', 'fr', 'prof', 'st']);

/** A dot after a title or an initial ("Mr.", "J."), not the end of a sentence. */
function abbreviationDot(t: Tokens, dot: Token): boolean {
  const word = t.tokens[dot.index - 1];
  return word !== undefined && word.type === 'word' && (TITLE_ABBREVIATIONS.has(word.lower) || (word.text.length === 1 && word.text !== word.lower));
}
const TIME_MARKS = new Set(['am', 'pm', 'a.m', 'p.m']);

const HANDLE_JOINERS = new Set(['_', '.', '-']);


/** An emoji or other pictograph (outside letters, digits and ASCII punctuation). */
export function isPictograph(text: string): boolean {
  const code = text.codePointAt(0) ?? 0;
  return code >= 0x2190 && !isLetterCode(code);
}
