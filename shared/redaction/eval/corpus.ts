import { z } from 'zod';
import { FINDING_KINDS } from '../finding';
import type { Span } from './score';

/** One note of an evaluation corpus (POLICY.md, "Corpus format"). */
export interface CorpusNote {
  id: string;
  text: string;
  spans: Span[];
}

const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  kind: z.enum(FINDING_KINDS),
});

const NoteSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  spans: z.array(SpanSchema),
});

export class CorpusError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CorpusError';
  }
}

/**
 * Parses JSON Lines: one note a line, blank lines ignored. Throws a
 * CorpusError naming the line for anything malformed: not JSON, a missing
 * field, a span outside the text or with start >= end, a repeated id.
 */
export function parseCorpus(source: string, name = 'corpus'): CorpusNote[] {
  const notes: CorpusNote[] = [];
  const ids = new Set<string>();
  const lines = source.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index] as string;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineNo = index + 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new CorpusError(`${name}:${lineNo}: not valid JSON (${(error as Error).message})`, lineNo);
    }
    const parsed = NoteSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
      throw new CorpusError(`${name}:${lineNo}: not a corpus note${where}: ${issue?.message ?? 'invalid'}`, lineNo);
    }
    const note = parsed.data;
    if (ids.has(note.id)) throw new CorpusError(`${name}:${lineNo}: duplicate id ${note.id}`, lineNo);
    ids.add(note.id);
    for (const span of note.spans) {
      if (span.start >= span.end || span.end > note.text.length) {
        throw new CorpusError(`${name}:${lineNo}: span ${span.start}-${span.end} does not fit the text of ${note.id} (${note.text.length} characters)`, lineNo);
      }
    }
    notes.push(note);
  }
  if (notes.length === 0) throw new CorpusError(`${name}: no notes`, 0);
  return notes;
}

export type Half = 'even' | 'odd';

/**
 * A deterministic half of a corpus, by the number at the end of each note's id
 * ("dev2-0014" is even). Rules are built from the misses of one half only; the
 * other half is scored once, unread, as the held-out estimate (see
 * shared/redaction/EVALUATION.md). Ids without a number fall in no half.
 */
export function halfOf(notes: readonly CorpusNote[], half: Half): CorpusNote[] {
  return notes.filter((note) => {
    const last = note.id.charCodeAt(note.id.length - 1);
    if (last < 48 || last > 57) return false;
    return (last - 48) % 2 === (half === 'even' ? 0 : 1);
  });
}
