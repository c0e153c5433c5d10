/**
 * The false-alarm cost of the spelling matcher (one edit, same sound, split
 * words, spelled-out letters): on the clean notes of a labelled corpus, how
 * many words it alone would flag, and on how many clean notes.
 *
 *   npx tsx scripts/measure-spelling-matcher.ts CORPUS.jsonl [--half=even|odd]
 */
import { readFileSync } from 'node:fs';
import { spellingVariants } from '../shared/redaction/diagnostic';
import { halfOf, parseCorpus } from '../shared/redaction/eval/corpus';
import { tokenize } from '../shared/redaction/text';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
if (file === undefined) {
  process.stderr.write('usage: measure-spelling-matcher <corpus.jsonl> [--half=even|odd]\n');
  process.exit(1);
}
const half = args.find((arg) => arg.startsWith('--half='))?.slice('--half='.length);
let notes = parseCorpus(readFileSync(file, 'utf8'), file);
if (half === 'even' || half === 'odd') notes = halfOf(notes, half);
const clean = notes.filter((note) => note.spans.length === 0);
let words = 0;
let flagged = 0;
const hits: string[] = [];
for (const note of clean) {
  const t = tokenize(note.text);
  words += t.words.length;
  const found = spellingVariants(t);
  if (found.length > 0) flagged += 1;
  for (const span of found) hits.push(note.text.slice(span.start, span.end));
}
process.stdout.write(`${JSON.stringify({ clean_notes: clean.length, words, matcher_hits: hits.length, clean_notes_flagged_by_matcher: flagged, rate: clean.length === 0 ? 0 : flagged / clean.length, hits })}\n`);
