import { AUTOMATED_MESSAGE_PHRASES, AUTOMATED_MESSAGE_WORDS, PERSONAL_WRITINGS } from './data/speech';
import { wordSet } from './lexicon';
import type { RawSpan } from './spans';
import type { Token, Tokens } from './text';

/**
 * Emails and messages pasted into a note (POLICY.md: texts, notes, emails are
 * a person's writing, so verbatim): after a block of email headers ("From:",
 * "Sent:", "To:", "Subject:"), or after a line that introduces a message and
 * ends with its colon ("Email from mom:"), the pasted words up to a blank line,
 * or to the end of the note.
 */

const HEADERS = wordSet(['from', 'sent', 'to', 'date', 'subject', 'cc', 'bcc', 'de', 'para', 'asunto', 'enviado', 'fecha']);
const WRITINGS = wordSet(PERSONAL_WRITINGS);
const MAX_BODY = 4000;
const FROM = wordSet(['from', 'de']);
const SUBJECT = wordSet(['subject', 'asunto', 'assunto', 're']);
/** How far along one line a "Subject:" header is looked for after "From:", in tokens. */
const MAX_HEADER_TOKENS = 40;
const AUTOMATED = wordSet(AUTOMATED_MESSAGE_WORDS);

export function findPastedMessages(t: Tokens, out: RawSpan[]): void {
  findOneLineEmails(t, out);
  const tokens = t.tokens;
  let headers = 0;
  let lastHeaderLine = -1;
  for (const token of tokens) {
    if (!(token.lineBefore || token.index === 0)) continue;
    // A line start: is it an email header ("From: …")?
    const colon = tokens[token.index + 1];
    const isHeader = token.type === 'word' && HEADERS.has(token.lower) && colon !== undefined && colon.text === ':' && !colon.spaceBefore;
    if (isHeader) {
      headers = lastHeaderLine >= 0 ? headers + 1 : 1;
      lastHeaderLine = token.index;
      continue;
    }
    if (headers >= 2 && lastHeaderLine >= 0) emitBody(t, token, out);
    headers = 0;
    lastHeaderLine = -1;
    const introduced = introducedMessageEnd(t, token);
    if (introduced !== undefined) {
      const next = tokens[introduced + 1];
      if (next !== undefined && next.lineBefore) emitBody(t, next, out);
    }
  }
}

/** "Email from mom:" / "Text from Ms. Kim (pasted):" ending its line: the index of the colon. */
function introducedMessageEnd(t: Tokens, first: Token): number | undefined {
  if (first.type !== 'word' || !WRITINGS.has(first.lower)) return undefined;
  for (let index = first.index + 1; index < t.tokens.length && index < first.index + 12; index += 1) {
    const token = t.tokens[index] as Token;
    if (token.lineBefore) return undefined;
    if (token.text === ':') {
      const next = t.tokens[index + 1];
      return next === undefined || next.lineBefore ? index : undefined;
    }
  }
  return undefined;
}

/**
 * "From: Ruth Lowry (grandmother) Subject: guardianship I am his guardian now …":
 * headers pasted onto one line with the message. After "From:" at the start of
 * a line and a "Subject:" later on the same line, the rest of the line is the
 * message (the subject's words ride along; they are the writer's too).
 */
function findOneLineEmails(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (const from of tokens) {
    if (!(from.lineBefore || from.index === 0) || !FROM.has(from.lower) || tokens[from.index + 1]?.text !== ':') continue;
    for (let index = from.index + 2; index < tokens.length && index < from.index + MAX_HEADER_TOKENS; index += 1) {
      const token = tokens[index] as Token;
      if (token.lineBefore) break;
      const colon = tokens[index + 1];
      if (!SUBJECT.has(token.lower) || colon?.text !== ':' || colon.spaceBefore) continue;
      const first = tokens[index + 2];
      // "From: noreply@…", "Subject: Truancy letter 2 (template)": a notice or a form letter, not a person's writing.
      if (first !== undefined && !first.lineBefore && !soundsAutomated(t.text.slice(from.start, first.start))) emitBody(t, first, out);
      break;
    }
  }
}

/** The words of an automated notice, an out-of-office reply or a form letter (data/speech.ts) in `text`. */
export function soundsAutomated(text: string): boolean {
  const lower = text.toLowerCase();
  return AUTOMATED_MESSAGE_PHRASES.some((phrase) => lower.includes(phrase));
}

/** From `first` to the next blank line (or the end of the note); nothing for an automated notice or an all-staff announcement. */
function emitBody(t: Tokens, first: Token, out: RawSpan[]): void {
  const text = t.text;
  let end = first.end;
  for (let index = first.index; index < t.tokens.length; index += 1) {
    const token = t.tokens[index] as Token;
    if (index > first.index && token.lineBefore && blankLineIn(text, end, token.start)) break;
    if (token.end - first.start > MAX_BODY) break;
    if (AUTOMATED.has(token.lower)) return;
    end = token.end;
  }
  if (end > first.start) out.push({ kind: 'verbatim', rule: 'verbatim.message', start: first.start, end });
}

/** Two line breaks with only spaces between them, in text[from, to). */
function blankLineIn(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 10) breaks += 1;
    else if (ch !== 13 && ch !== 32 && ch !== 9) breaks = 0;
    if (breaks >= 2) return true;
  }
  return false;
}
