import { findPastedMessages } from './pastedEmail';
import type { RawSpan } from './spans';
import type { Tokens } from './text';
import { findQuotations } from './verbatim/quotes';
import { findReportedSpeech } from './verbatim/reportedSpeech';
import { findSpokenQuotes } from './verbatim/spokenQuotes';
import { findTranscriptLines } from './verbatim/transcripts';

/**
 * Finds someone's exact words in a note: quotations (verbatim/quotes.ts, whose
 * rules are checked last by the trained quotation model, learned/quoteModel.ts),
 * quote marks said aloud in dictation (verbatim/spokenQuotes.ts),
 * transcript lines (verbatim/transcripts.ts, with the clauses that introduce
 * words without a label in verbatim/introducers.ts), unquoted first-person reported
 * speech (verbatim/reportedSpeech.ts) and pasted messages (pastedEmail.ts).
 * Who spoke is read by verbatim/speakers.ts; the word sets are in
 * verbatim/vocabulary.ts, built from the lists in data/.
 */
export function findVerbatim(t: Tokens): RawSpan[] {
  const out: RawSpan[] = [];
  findQuotations(t, out);
  findSpokenQuotes(t, out);
  findTranscriptLines(t, out);
  findReportedSpeech(t, out);
  findPastedMessages(t, out);
  return out;
}
