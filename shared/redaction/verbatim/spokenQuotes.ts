import { SPOKEN_QUOTE_CLOSERS, SPOKEN_QUOTE_OPENER } from '../data/speech';
import type { RawSpan } from '../spans';
import { isSentenceEnd, type Token, type Tokens } from '../text';
import { roleNear } from './speakers';
import { SPEECH } from './vocabulary';

/**
 * Quote marks said aloud in a dictated note: "mom said quote he never sleeps
 * end quote". The spoken marks count as written ones, so they sit inside the
 * span (field-notes-3 README, labelling choices). Without a spoken close, a
 * "quote" right after a speech verb runs to the end of the sentence (a full
 * stop or the spoken "period").
 */

/** How far a spoken quotation runs before its close is given up on, in tokens. */
const MAX_QUOTE_TOKENS = 120;

export function findSpokenQuotes(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (let index = 0; index < tokens.length; index += 1) {
    const open = tokens[index] as Token;
    if (open.lower !== SPOKEN_QUOTE_OPENER || open.type !== 'word' || closerAt(t, index - 1) !== undefined) continue;
    const first = tokens[index + 1];
    if (first === undefined || first.type !== 'word' || first.lineBefore) continue;
    let last: number | undefined;
    let sentenceEnd: number | undefined;
    for (let k = index + 1; k < tokens.length && k < index + MAX_QUOTE_TOKENS; k += 1) {
      const token = tokens[k] as Token;
      if (token.lineBefore) break;
      const close = closerAt(t, k);
      if (close !== undefined) {
        last = close;
        break;
      }
      if (sentenceEnd === undefined && (isSentenceEnd(t, token) || token.lower === 'period')) sentenceEnd = k - 1;
    }
    if (last === undefined) {
      // No spoken close: only right after a speech verb ("she said quote …"), to the end of the sentence.
      const verb = tokens[index - 1];
      if (verb === undefined || !SPEECH.has(verb.lower) || sentenceEnd === undefined || sentenceEnd <= index) continue;
      last = sentenceEnd;
    }
    const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.quote', start: open.start, end: (tokens[last] as Token).end };
    const who = roleNear(t, index - 1);
    if (who !== undefined) span.speaker = who;
    out.push(span);
    index = last;
  }
}

/** "end quote", "close quote", "unquote" ending at or starting at token `index`: the index of its last token. */
function closerAt(t: Tokens, index: number): number | undefined {
  const token = t.tokens[index];
  if (token === undefined || token.type !== 'word') return undefined;
  for (const closer of SPOKEN_QUOTE_CLOSERS) {
    const parts = closer.split(' ');
    let ok = true;
    for (const [offset, part] of parts.entries()) {
      if (t.tokens[index + offset]?.lower !== part) ok = false;
    }
    if (ok) return index + parts.length - 1;
  }
  return undefined;
}
