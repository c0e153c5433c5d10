import type { CorpusNote } from './corpus';

/**
 * Writing-form variants of a labelled corpus: the same notes as a worker in a
 * hurry, a phone's keyboard or dictation would leave them, with every gold
 * span moved to where its words now are. Scoring a corpus in each form measures
 * whether the check leans on capitals, punctuation or quote marks that real
 * notes do not always have; it reads no note, so it keeps no corpus unseen
 * less than it was.
 */
export const VARIANTS = ['lower', 'curly', 'single', 'nopunct', 'newlines', 'noquotes'] as const;
export type Variant = (typeof VARIANTS)[number];

interface Rewritten {
  text: string;
  /** map[i]: where character i of the original text now starts (map[length] = new length). */
  map: number[];
}

function rewrite(text: string, replace: (ch: string, index: number, state: { open: boolean }) => string): Rewritten {
  let out = '';
  const map: number[] = [];
  const state = { open: false };
  for (let index = 0; index < text.length; index += 1) {
    map.push(out.length);
    out += replace(text.charAt(index), index, state);
  }
  map.push(out.length);
  return { text: out, map };
}

const STRAIGHT_OR_CURLY_DOUBLE = new Set(['"', '\u201c', '\u201d']);
const SENTENCE_PUNCTUATION = new Set(['.', ',', ';', '!', '?']);
const isSpace = (ch: string) => ch === ' ' || ch === '\n' || ch === '\t';

const REWRITES: Record<Variant, (text: string) => Rewritten> = {
  /** Typed all in lower case, as on a phone or in a hurry. */
  lower: (text) => rewrite(text, (ch) => (ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch)),
  /** Curly quote marks and apostrophes, as word processors and phones write them. */
  curly: (text) =>
    rewrite(text, (ch, _index, state) => {
      if (ch === '"') {
        state.open = !state.open;
        return state.open ? '\u201c' : '\u201d';
      }
      return ch === "'" ? '\u2019' : ch;
    }),
  /** Single quote marks in place of double ones. */
  single: (text) => rewrite(text, (ch) => (STRAIGHT_OR_CURLY_DOUBLE.has(ch) ? "'" : ch)),
  /** No sentence punctuation before a space or the end, as dictation leaves a note. */
  nopunct: (text) => rewrite(text, (ch, index) => (SENTENCE_PUNCTUATION.has(ch) && (index + 1 >= text.length || isSpace(text.charAt(index + 1))) ? '' : ch)),
  /** Each sentence on a line of its own. */
  newlines: (text) => rewrite(text, (ch, index) => (ch === ' ' && ['.', '!', '?'].includes(text.charAt(index - 1)) ? '\n' : ch)),
  /** No double quote marks at all: words said, with nothing around them. */
  noquotes: (text) => rewrite(text, (ch) => (STRAIGHT_OR_CURLY_DOUBLE.has(ch) ? '' : ch)),
};

/** The corpus in the given form, each gold span covering the same words. */
export function variantOf(notes: readonly CorpusNote[], variant: Variant): CorpusNote[] {
  return notes.map((note) => {
    const { text, map } = REWRITES[variant](note.text);
    const spans = note.spans.map((span) => {
      const start = map[span.start] as number;
      return { ...span, start, end: Math.max(start + 1, map[span.end] as number) };
    });
    return { id: note.id, text, spans };
  });
}
