import type { Migration } from './migrations';
import type { VaultDatabase } from '../connection';

/*
 * Unfinished notes (issue 13): what the worker was typing in an editor that
 * was not saved yet, kept so that a lock, a crash or a power cut loses at
 * most the last moment of typing.
 *
 * One row per editor context (`context_key`, made by drafts/draftContext.ts):
 * a new note about a student, an edit of one note, the note of a service
 * being logged or edited, a note in a package handed to this worker. A
 * draft is overwritten in place: it has no revisions and no hash chain, and
 * it is not in the full-text index (no trigger feeds notes_fts from it), so
 * search, reports, handover packages, disclosures and exports, which all
 * read the notes table, never see it. Deleted rows are zeroed on disk
 * (secure_delete, as everywhere in the vault).
 *
 * A draft goes with what it belongs to: the note or service it edits
 * (ON DELETE CASCADE), and the package handed to this worker once that
 * package is handed back or removed (the triggers below), so the text of a
 * package's note never outlives the package in this vault.
 */
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;

const SCHEMA = `
CREATE TABLE drafts (
  context_key  TEXT PRIMARY KEY NOT NULL CHECK (length(context_key) BETWEEN 1 AND 200),
  context      TEXT NOT NULL CHECK (json_valid(context) AND json_type(context) = 'object'),
  note_id      TEXT REFERENCES notes (id) ON DELETE CASCADE,
  service_id   TEXT REFERENCES services (id) ON DELETE CASCADE,
  package_id   TEXT CHECK (package_id IS NULL OR length(package_id) = 36),
  body         TEXT NOT NULL CHECK (length(body) <= 200000),
  cursor       INTEGER NOT NULL CHECK (cursor >= 0),
  form         TEXT CHECK (form IS NULL OR (json_valid(form) AND json_type(form) = 'object')),
  resume       INTEGER NOT NULL DEFAULT 1 CHECK (resume IN (0, 1)),
  updated_at   TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP})
) STRICT;
CREATE INDEX drafts_by_note ON drafts (note_id) WHERE note_id IS NOT NULL;
CREATE INDEX drafts_by_service ON drafts (service_id) WHERE service_id IS NOT NULL;
CREATE INDEX drafts_by_package ON drafts (package_id) WHERE package_id IS NOT NULL;

CREATE TRIGGER drafts_leave_with_handed_back_package
AFTER UPDATE OF status ON handovers_received
WHEN NEW.status <> 'open'
BEGIN
  DELETE FROM drafts WHERE package_id = NEW.package_id;
END;

CREATE TRIGGER drafts_leave_with_removed_package
AFTER DELETE ON handovers_received
BEGIN
  DELETE FROM drafts WHERE package_id = OLD.package_id;
END;
`;

export const migration006Drafts: Migration = {
  version: 6,
  description: 'unfinished notes: one per editor, overwritten in place, not indexed, gone with their note, service or package',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
