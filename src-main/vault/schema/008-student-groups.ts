import type { Migration } from './migrations';
import type { VaultDatabase } from '../connection';

/*
 * Saved groups (issue 13): a named set of students the worker sees together,
 * so a weekly group session is logged by picking the group. A group holds the
 * worker's name for it and its students' ids, in the order they were chosen.
 * A student leaves every group when the student is deleted (ON DELETE
 * CASCADE); a group with no student left is simply empty.
 *
 * Numbered 8: migration 7 (students' private names) comes before it.
 */
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;

const SCHEMA = `
CREATE TABLE student_groups (
  id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 80),
  created_at  TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  updated_at  TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP})
) STRICT;

CREATE TABLE student_group_members (
  group_id    TEXT NOT NULL REFERENCES student_groups (id) ON DELETE CASCADE,
  student_id  TEXT NOT NULL REFERENCES students (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  PRIMARY KEY (group_id, student_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX student_group_members_by_student ON student_group_members (student_id);
`;

export const migration008StudentGroups: Migration = {
  // The list on this branch has no migration 7 yet: this takes the next free number until it lands.
  version: 8,
  description: 'saved groups: named sets of students for logging a group session in one step',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
