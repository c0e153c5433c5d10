import type { Migration } from './migrations';
import type { VaultDatabase } from '../connection';

/*
 * The name a worker knows each student by (issue 13): a name, initials, a
 * teacher or a homeroom, whatever lets them tell who a code is. It lives in
 * a table of its own rather than a column of `students`, so everything that
 * reads students (reports, the district summary, exports, a handover
 * package's copy, a disclosure) leaves it out unless it asks for it by name.
 *
 * It is not in the full-text index: notes_fts indexes note bodies, and a
 * name belongs to a student, not to the words of a note. The students table
 * is small (a caseload is hundreds of rows), so a search matches names with
 * a plain comparison over it instead.
 *
 * A student is never deleted; the name goes with its student all the same
 * (ON DELETE CASCADE), and a removed name is zeroed on disk (secure_delete).
 */
const SCHEMA = `
CREATE TABLE student_names (
  student_id  TEXT PRIMARY KEY NOT NULL REFERENCES students (id) ON DELETE CASCADE,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120)
) STRICT, WITHOUT ROWID;
`;

export const migration007StudentNames: Migration = {
  version: 7,
  description: 'the private name a worker knows each student by, in a table of its own, not indexed',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
