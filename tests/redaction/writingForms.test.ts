import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCorpus } from '../../shared/redaction/eval/corpus';
import { VARIANTS, variantOf } from '../../shared/redaction/eval/variants';
import { expectCorpusMeets, targetsInWords } from './corpusTargets';

/**
 * The check must not lean on capitals, sentence punctuation or the shape of
 * quote marks: notes typed on a phone, dictated or written in a hurry lack
 * them. Each labelled corpus is scored again in each writing form
 * (eval/variants.ts). "noquotes" is measured by the script but not held here:
 * words said with no marks and no cue around them cannot be told from the
 * worker's own.
 */
const FORM_TARGETS = { minPrecision: 0.9, minRecall: 0.9, maxCleanFalseAlarmRate: 0.05 };
const HELD = VARIANTS.filter((variant) => variant !== 'noquotes');
const CORPORA = [
  path.resolve(__dirname, '../../shared/redaction/eval/corpora/field-notes-3.jsonl'),
  path.resolve(__dirname, '../../../shared/redaction/dev-corpus.jsonl'),
  path.resolve(__dirname, '../../../shared/redaction/dev-corpus-2.jsonl'),
];

describe('writing forms of a labelled corpus', () => {
  const notes = parseCorpus(readFileSync(CORPORA[0] as string, 'utf8'));

  it('keep every gold span on the same words', () => {
    for (const variant of VARIANTS) {
      const moved = variantOf(notes, variant);
      moved.forEach((note, index) => {
        const original = notes[index];
        expect(note.spans.length).toBe(original?.spans.length);
        note.spans.forEach((span, k) => {
          const before = original?.spans[k];
          if (before === undefined) throw new Error('span lost');
          const strip = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
          expect(strip(note.text.slice(span.start, span.end)), `${note.id} ${variant}`).toBe(strip(original?.text.slice(before.start, before.end) ?? ''));
        });
      });
    }
  });

  it('in lower case really lose their capitals, and without punctuation their full stops', () => {
    const lower = variantOf(notes, 'lower');
    expect(lower.every((note) => note.text === note.text.toLowerCase())).toBe(true);
    const bare = variantOf(notes, 'nopunct');
    expect(bare.some((note, index) => note.text.length < (notes[index]?.text.length ?? 0))).toBe(true);
  });
});

describe('redaction check in every writing form', () => {
  for (const corpusPath of CORPORA) {
    const file = path.basename(corpusPath);
    const present = existsSync(corpusPath);
    for (const variant of HELD) {
      it.skipIf(!present)(`reaches ${targetsInWords(FORM_TARGETS)} on ${file}, ${variant}`, () => {
        const notes = variantOf(parseCorpus(readFileSync(corpusPath, 'utf8')), variant);
        expectCorpusMeets(notes, `${file} (${variant})`, FORM_TARGETS);
      });
    }
  }
});
