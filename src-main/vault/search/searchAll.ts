import type { NoteResult, SearchAllFilters, SearchResult, SearchStudent, ServiceResult } from '../../../shared/api/searchSchemas';
import type { FindingCounts } from '../../../shared/api/schemas';
import { SERVICE_KINDS, type ServiceKind } from '../../../shared/domain/serviceKinds';
import { foldForMatch, studentMatchRank } from '../../../shared/domain/studentNames';
import { addDays, localDate } from '../../common/calendar';
import { toMatchQuery, toSnippetParts } from '../repos/search';
import type { VaultData } from '../vaultData';

/*
 * One search over notes and services (issue 13, §6).
 *
 * Notes are found by their words through the full-text index, and by their
 * students: typing a student's code or private name finds that student's
 * notes. Services have no index (they hold no free text of their own), so they
 * are matched here word by word against their kind, issues, students' codes and
 * names; a service whose note was found is shown once, with that note.
 *
 * Relevance: first what was found by its student's code or the start of a
 * word of their name, then what holds the words (best bm25 first), then a
 * looser match on a student; newest first within each.
 */


const MATCH_START = '\uE000';
const MATCH_END = '\uE001';
const SNIPPET_TOKENS = 16;
/** How many word matches are read from the index before filtering. */
const TEXT_CANDIDATES = 1000;
/** How many notes are read when none is asked for by words or student (everything, newest first). */
const LISTED_CANDIDATES = 2000;
const OPENING_LENGTH = 140;

interface NoteRow {
  id: string;
  student_id: string | null;
  service_id: string | null;
  status: NoteResult['status'];
  findings_json: string;
  created_at: string;
  updated_at: string;
  text: string;
  rank: number | null;
}

interface ServiceRow {
  id: string;
  date: string;
  minutes: number;
  kind: ServiceKind;
  note_id: string | null;
  created_at: string;
}

interface Ranked {
  result: SearchResult;
  tier: number;
  score: number;
  at: string;
}

const NOTE_COLUMNS = 'n.id, n.student_id, n.service_id, n.status, n.findings_json, n.created_at, n.updated_at';

export function searchAll(data: VaultData, input: SearchAllFilters): SearchResult[] {
  const db = data.db;
  const timeZone = data.settings.get().timeZone;
  const query = (input.query ?? '').trim();

  const students = new Map<string, SearchStudent>();
  for (const row of db.prepare<[], { id: string; code: string; name: string | null }>(
    'SELECT s.id, s.code, n.name FROM students s LEFT JOIN student_names n ON n.student_id = s.id',
  ).all()) {
    students.set(row.id, { id: row.id, code: row.code, knownAs: row.name });
  }

  // Students the words name, by code or private name, with how well (0 best).
  const named = new Map<string, number>();
  if (query !== '') {
    for (const student of students.values()) {
      const rank = studentMatchRank(student, query);
      if (rank !== null) named.set(student.id, rank);
    }
  }

  const serviceStudents = groupPairs(db.prepare<[], { a: string; b: string }>('SELECT service_id AS a, student_id AS b FROM service_students').all());
  const labels = new Map(data.categories.list().map((category) => [category.id, category.label]));
  const serviceIssues = groupPairs(db.prepare<[], { a: string; b: string }>('SELECT service_id AS a, category_id AS b FROM service_issues').all());
  const serviceById = new Map<string, ServiceRow>();
  for (const row of db.prepare<[], ServiceRow>('SELECT id, date, minutes, kind, note_id, created_at FROM services').all()) serviceById.set(row.id, row);

  const studentsOf = (ids: readonly string[]) => ids.flatMap((id) => students.get(id) ?? []);
  const inRange = (date: string) => (input.from == null || date >= input.from) && (input.to == null || date <= input.to);
  const kinds = input.kinds != null && input.kinds.length > 0 ? new Set(input.kinds) : null;
  const bestNamed = (ids: readonly string[]) => ids.reduce<number | null>((best, id) => {
    const rank = named.get(id);
    return rank === undefined ? best : best === null ? rank : Math.min(best, rank);
  }, null);

  // ---- Notes ----
  const notes = new Map<string, NoteRow>();
  const match = query === '' ? null : toMatchQuery(query);
  if (match !== null) {
    const rows = db
      .prepare<[{ match: string; start: string; end: string; tokens: number; limit: number }], NoteRow>(
        `SELECT ${NOTE_COLUMNS}, snippet(notes_fts, 0, @start, @end, '…', @tokens) AS text, notes_fts.rank AS rank
         FROM notes_fts CROSS JOIN notes n ON n.seq = notes_fts.rowid
         WHERE notes_fts MATCH @match ORDER BY notes_fts.rank LIMIT @limit`,
      )
      .all({ match, start: MATCH_START, end: MATCH_END, tokens: SNIPPET_TOKENS, limit: TEXT_CANDIDATES });
    for (const row of rows) notes.set(row.id, row);
  }
  const opening = `substr(n.body, 1, ${OPENING_LENGTH}) AS text, NULL AS rank`;
  if (named.size > 0) {
    const ids = JSON.stringify([...named.keys()]);
    const rows = db
      .prepare<[{ ids: string }], NoteRow>(
        `SELECT ${NOTE_COLUMNS}, ${opening} FROM notes n
         WHERE n.student_id IN (SELECT value FROM json_each(@ids))
            OR n.service_id IN (SELECT service_id FROM service_students WHERE student_id IN (SELECT value FROM json_each(@ids)))`,
      )
      .all({ ids });
    for (const row of rows) if (!notes.has(row.id)) notes.set(row.id, row);
  }
  if (query === '') {
    // Timestamps are UTC: a day either side of the range covers every time zone; the exact day is checked below.
    const after = input.from == null ? '' : addDays(input.from, -1);
    const before = input.to == null ? '9999' : addDays(input.to, 2);
    const rows = db
      .prepare<[{ after: string; before: string; limit: number }], NoteRow>(
        `SELECT ${NOTE_COLUMNS}, ${opening} FROM notes n
         WHERE (n.created_at >= @after AND n.created_at < @before) OR n.service_id IS NOT NULL
         ORDER BY n.created_at DESC LIMIT @limit`,
      )
      .all({ after, before, limit: LISTED_CANDIDATES });
    for (const row of rows) notes.set(row.id, row);
  }

  const ranked: Ranked[] = [];
  const notesShown = new Set<string>();
  for (const row of notes.values()) {
    const service = row.service_id == null ? null : (serviceById.get(row.service_id) ?? null);
    const studentIds = row.student_id != null ? [row.student_id] : service != null ? (serviceStudents.get(service.id) ?? []) : [];
    const date = service?.date ?? localDate(new Date(row.created_at), timeZone);
    const findings = JSON.parse(row.findings_json) as FindingCounts;
    const flagged = findings.diagnostic + findings.verbatim + findings.identifier > 0;
    if (input.studentId != null && !studentIds.includes(input.studentId)) continue;
    if (!inRange(date)) continue;
    if (kinds !== null && (service == null || !kinds.has(service.kind))) continue;
    if (input.flagged === true && !flagged) continue;
    const studentRank = bestNamed(studentIds);
    const tier = query === '' ? 0 : Math.min(studentRank === null ? 3 : studentRank <= 1 ? 0 : 2, row.rank === null ? 3 : 1);
    if (tier === 3) continue;
    notesShown.add(row.id);
    ranked.push({
      tier,
      score: row.rank ?? 0,
      at: `${date}${row.created_at}`,
      result: {
        type: 'note',
        noteId: row.id,
        date,
        students: studentsOf(studentIds),
        snippet: row.rank === null ? openingParts(row.text) : toSnippetParts(row.text),
        status: row.status,
        flagged,
        service: service == null ? null : { id: service.id, kind: service.kind, minutes: service.minutes, date: service.date },
        updatedAt: row.updated_at,
      },
    });
  }

  // ---- Services (never flagged: a flag belongs to a note's words) ----
  if (input.flagged !== true) {
    const words = foldForMatch(query).split(/\s+/u).filter((word) => word !== '');
    for (const service of serviceById.values()) {
      if (service.note_id != null && notesShown.has(service.note_id)) continue; // shown once, with its note
      if (!inRange(service.date)) continue;
      if (kinds !== null && !kinds.has(service.kind)) continue;
      const studentIds = serviceStudents.get(service.id) ?? [];
      if (input.studentId != null && !studentIds.includes(input.studentId)) continue;
      const issueLabels = (serviceIssues.get(service.id) ?? []).map((id) => labels.get(id) ?? id);
      let tier = 0;
      if (words.length > 0) {
        const studentRank = bestNamed(studentIds);
        const haystack = [kindLabel(service.kind), ...issueLabels, ...studentsOf(studentIds).flatMap((student) => [student.code, student.knownAs ?? ''])];
        const texts = wordsOf(haystack.join(' '));
        const holdsWords = words.every((word) => texts.some((text) => text.startsWith(word)));
        tier = Math.min(studentRank === null ? 3 : studentRank <= 1 ? 0 : 2, holdsWords ? 1 : 3);
        if (tier === 3) continue;
      }
      const result: ServiceResult = {
        type: 'service',
        serviceId: service.id,
        date: service.date,
        kind: service.kind,
        minutes: service.minutes,
        students: studentsOf(studentIds),
        issueLabels,
        noteId: service.note_id,
      };
      ranked.push({ tier, score: 0, at: `${service.date}${service.created_at}`, result });
    }
  }

  const newestFirst = (a: Ranked, b: Ranked) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);
  ranked.sort(input.sort === 'date' ? newestFirst : (a, b) => a.tier - b.tier || a.score - b.score || newestFirst(a, b));
  return ranked.slice(0, input.limit).map((entry) => entry.result);
}

function groupPairs(rows: readonly { a: string; b: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { a, b } of rows) {
    const list = map.get(a);
    if (list) list.push(b);
    else map.set(a, [b]);
  }
  return map;
}

function kindLabel(kind: ServiceKind): string {
  return SERVICE_KINDS.find((candidate) => candidate.id === kind)?.label ?? kind;
}

function wordsOf(text: string): string[] {
  return foldForMatch(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** A note found by its student, not its words: its opening line, nothing marked. */
function openingParts(text: string): NoteResult['snippet'] {
  const plain = text.replace(/\s+/gu, ' ').trim();
  if (plain === '') return [];
  return [{ text: plain.length >= OPENING_LENGTH ? `${plain.slice(0, OPENING_LENGTH - 1)}…` : plain, match: false }];
}
