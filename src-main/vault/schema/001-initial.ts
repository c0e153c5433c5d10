import { DEFAULT_ISSUE_CATEGORIES } from '../../../shared/domain/issueCategories';
import type { VaultDatabase } from '../connection';
import type { Migration } from './migrations';

/*
 * The enum lists are frozen here on purpose rather than read from
 * shared/domain: a CHECK constraint cannot change without a new migration, so
 * a new kind or outcome in the domain must come with one (tests compare them).
 */
const CASE_OUTCOMES_V1 = ['goals_met', 'improved', 'referred_out', 'moved', 'other'];
const SERVICE_KINDS_V1 = [
  'individual_session',
  'group_session',
  'classroom_observation',
  'staff_consultation',
  'team_meeting',
  'parent_consultation',
  'home_visit',
  'parent_training',
  'pd_provided',
  'pd_attended',
  'administrative',
  'sped_activity',
  'sped_paperwork',
  'crisis_response',
  'other',
];
const TEAM_TYPES_V1 = ['iep', '504', 'sst_mtss', 'crisis', 'attendance', 'other'];
const NOTE_STATUSES_V1 = ['personal', 'released'];

const DEFAULT_SETTINGS_V1 = { autoLockMinutes: 5, theme: 'system', textSize: 'normal' };

const DATE = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;
const HASH = `length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'`;
const PREV_HASH = `prev_hash = '' OR (length(prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*')`;

function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}

const SCHEMA = `
CREATE TABLE students (
  id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  code        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  grade       INTEGER CHECK (grade BETWEEN -1 AND 13),
  school      TEXT CHECK (length(school) <= 120),
  tier        INTEGER CHECK (tier IN (1, 2, 3)),
  iep         INTEGER NOT NULL DEFAULT 0 CHECK (iep IN (0, 1)),
  plan504     INTEGER NOT NULL DEFAULT 0 CHECK (plan504 IN (0, 1)),
  opened_on   TEXT NOT NULL CHECK (opened_on GLOB ${DATE}),
  closed_on   TEXT CHECK (closed_on GLOB ${DATE} AND closed_on >= opened_on),
  outcome     TEXT CHECK (outcome IN (${sqlList(CASE_OUTCOMES_V1)})),
  created_at  TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  updated_at  TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP}),
  CHECK ((closed_on IS NULL) = (outcome IS NULL))
) STRICT;

CREATE TABLE issue_categories (
  id        TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 40 AND id NOT GLOB '*[^a-z0-9_]*'),
  label     TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(label) BETWEEN 1 AND 60),
  archived  INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  builtin   INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  sort      INTEGER NOT NULL
) STRICT;

CREATE TABLE services (
  id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  date        TEXT NOT NULL CHECK (date GLOB ${DATE}),
  minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  kind        TEXT NOT NULL CHECK (kind IN (${sqlList(SERVICE_KINDS_V1)})),
  team_type   TEXT CHECK (team_type IN (${sqlList(TEAM_TYPES_V1)})),
  note_id     TEXT REFERENCES notes (id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  updated_at  TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP}),
  CHECK ((kind = 'team_meeting') = (team_type IS NOT NULL))
) STRICT;
CREATE INDEX services_by_date ON services (date);
CREATE INDEX services_by_note ON services (note_id);

CREATE TABLE service_students (
  service_id  TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  student_id  TEXT NOT NULL REFERENCES students (id),
  PRIMARY KEY (service_id, student_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX service_students_by_student ON service_students (student_id, service_id);

CREATE TABLE service_issues (
  service_id   TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  category_id  TEXT NOT NULL REFERENCES issue_categories (id),
  PRIMARY KEY (service_id, category_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX service_issues_by_category ON service_issues (category_id, service_id);

-- seq is the stable rowid the full-text index points at; id is what the API uses.
CREATE TABLE notes (
  seq                    INTEGER PRIMARY KEY,
  id                     TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
  student_id             TEXT REFERENCES students (id),
  service_id             TEXT REFERENCES services (id) ON DELETE SET NULL,
  body                   TEXT NOT NULL CHECK (length(body) <= 200000),
  status                 TEXT NOT NULL DEFAULT 'personal' CHECK (status IN (${sqlList(NOTE_STATUSES_V1)})),
  findings_json          TEXT NOT NULL DEFAULT '{"diagnostic":0,"verbatim":0,"identifier":0}' CHECK (
                           json_valid(findings_json)
                           AND json_type(findings_json, '$.diagnostic') = 'integer'
                           AND json_type(findings_json, '$.verbatim') = 'integer'
                           AND json_type(findings_json, '$.identifier') = 'integer'),
  findings_acknowledged  INTEGER NOT NULL DEFAULT 0 CHECK (findings_acknowledged IN (0, 1)),
  revision               INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at             TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  updated_at             TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP})
) STRICT;
CREATE INDEX notes_by_updated ON notes (updated_at);
CREATE INDEX notes_by_student ON notes (student_id, updated_at);
CREATE INDEX notes_by_service ON notes (service_id);

-- The foreign key is deferred so that a note and its revisions can be deleted
-- together (note first) in one transaction, and never one without the other.
CREATE TABLE note_revisions (
  note_id    TEXT NOT NULL REFERENCES notes (id) DEFERRABLE INITIALLY DEFERRED,
  revision   INTEGER NOT NULL CHECK (revision >= 1),
  body       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN (${sqlList(NOTE_STATUSES_V1)})),
  author     TEXT NOT NULL DEFAULT 'owner' CHECK (length(author) BETWEEN 1 AND 120),
  at         TEXT NOT NULL CHECK (at GLOB ${TIMESTAMP}),
  prev_hash  TEXT NOT NULL CHECK (${PREV_HASH}),
  hash       TEXT NOT NULL CHECK (${HASH}),
  UNIQUE (note_id, revision)
) STRICT;

CREATE TRIGGER note_revisions_append_only
BEFORE UPDATE ON note_revisions
BEGIN
  SELECT RAISE(ABORT, 'note revisions are append-only');
END;

CREATE TRIGGER note_revisions_outlive_no_note
BEFORE DELETE ON note_revisions
WHEN EXISTS (SELECT 1 FROM notes WHERE id = OLD.note_id)
BEGIN
  SELECT RAISE(ABORT, 'note revisions are deleted only with their note');
END;

CREATE TABLE audit (
  seq        INTEGER PRIMARY KEY CHECK (seq >= 1),
  at         TEXT NOT NULL CHECK (at GLOB ${TIMESTAMP}),
  action     TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
  details    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details) AND json_type(details) = 'object'),
  prev_hash  TEXT NOT NULL CHECK (${PREV_HASH}),
  hash       TEXT NOT NULL CHECK (${HASH})
) STRICT;

CREATE TRIGGER audit_no_update
BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete
BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY NOT NULL,
  value  TEXT NOT NULL CHECK (json_valid(value))
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE notes_fts USING fts5 (
  body,
  content = 'notes',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
-- Deleted and edited text is removed from the index itself, not just masked.
INSERT INTO notes_fts (notes_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO notes_fts (notes_fts, rank) VALUES ('rank', 'bm25()');

CREATE TRIGGER notes_fts_after_insert
AFTER INSERT ON notes
BEGIN
  INSERT INTO notes_fts (rowid, body) VALUES (NEW.seq, NEW.body);
END;

CREATE TRIGGER notes_fts_after_update
AFTER UPDATE OF seq, body ON notes
WHEN OLD.body IS NOT NEW.body OR OLD.seq IS NOT NEW.seq
BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', OLD.seq, OLD.body);
  INSERT INTO notes_fts (rowid, body) VALUES (NEW.seq, NEW.body);
END;

CREATE TRIGGER notes_fts_after_delete
AFTER DELETE ON notes
BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', OLD.seq, OLD.body);
END;
`;

export const migration001Initial: Migration = {
  version: 1,
  description: 'students, services, issue categories, notes with revisions and full-text index, audit log, settings',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);

    const insertCategory = db.prepare('INSERT INTO issue_categories (id, label, archived, builtin, sort) VALUES (?, ?, 0, 1, ?)');
    DEFAULT_ISSUE_CATEGORIES.forEach((category, index) => insertCategory.run(category.id, category.label, (index + 1) * 10));

    const insertSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS_V1)) insertSetting.run(key, JSON.stringify(value));
  },
};
