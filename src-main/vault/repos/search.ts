import type { SearchHit } from '../../../shared/api/schemas';
import type { VaultDatabase } from '../connection';

/** Private-use characters that fence each match in a snippet; never shown to the worker. */
const MATCH_START = '\uE000';
const MATCH_END = '\uE001';
const MARKERS = new RegExp(`([${MATCH_START}${MATCH_END}])`, 'u');

const MAX_TERMS = 16;
const MIN_PREFIX_LENGTH = 2;
const SNIPPET_TOKENS = 16;
const MAX_LIMIT = 200;

/** A word is a run of letters and digits (with their combining marks); a `*` right after it asks for a prefix. */
const WORD = /([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)(\*?)/gu;

export type SnippetPart = SearchHit['snippet'][number];

/**
 * Turns what the worker typed into an FTS5 query that cannot be misread as
 * syntax: every word is quoted, the words are ANDed, and `word*` is a prefix
 * search. Returns null when nothing searchable is left.
 */
export function toMatchQuery(text: string): string | null {
  const terms: string[] = [];
  for (const [, word = '', star] of text.matchAll(WORD)) {
    const prefix = star === '*' && [...word].length >= MIN_PREFIX_LENGTH;
    terms.push(prefix ? `"${word}"*` : `"${word}"`);
    if (terms.length === MAX_TERMS) break;
  }
  return terms.length === 0 ? null : terms.join(' AND ');
}

/** Splits a marked snippet into plain and matched parts, collapsing whitespace. */
export function toSnippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  for (const piece of marked.split(MARKERS)) {
    if (piece === MATCH_START) match = true;
    else if (piece === MATCH_END) match = false;
    else {
      const text = piece.replace(/\s+/gu, ' ');
      if (text === '') continue;
      const last = parts.at(-1);
      if (last && last.match === match) last.text += text;
      else parts.push({ text, match });
    }
  }
  return parts;
}

interface SearchParameters {
  match: string;
  start: string;
  end: string;
  tokens: number;
  limit: number;
}

/*
 * CROSS JOIN keeps the index as the outer loop, so notes are only looked up by
 * rowid. ORDER BY rank (bm25) lets FTS5 do the sorting, so snippets are built
 * only for the rows returned.
 */
export const SEARCH_SQL = `
  SELECT n.id AS note_id, n.student_id, st.code AS student_code, n.status, n.updated_at,
         snippet(notes_fts, 0, @start, @end, '…', @tokens) AS snippet
  FROM notes_fts
  CROSS JOIN notes n ON n.seq = notes_fts.rowid
  LEFT JOIN students st ON st.id = n.student_id
  WHERE notes_fts MATCH @match
  ORDER BY notes_fts.rank
  LIMIT @limit`;

interface HitRow {
  note_id: string;
  student_id: string | null;
  student_code: string | null;
  status: SearchHit['status'];
  updated_at: string;
  snippet: string;
}

/** Full-text search over note bodies, best match first (bm25). */
export class NoteSearch {
  private readonly query;

  constructor(db: VaultDatabase) {
    this.query = db.prepare<[SearchParameters], HitRow>(SEARCH_SQL);
  }

  search(text: string, limit = 20): SearchHit[] {
    const match = toMatchQuery(text);
    if (match === null) return [];
    const rows = this.query.all({
      match,
      start: MATCH_START,
      end: MATCH_END,
      tokens: SNIPPET_TOKENS,
      limit: Number.isFinite(limit) ? Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT) : 20,
    });
    return rows.map((row: HitRow) => ({
      noteId: row.note_id,
      studentId: row.student_id,
      studentCode: row.student_code,
      snippet: toSnippetParts(row.snippet),
      status: row.status,
      updatedAt: row.updated_at,
    }));
  }
}
