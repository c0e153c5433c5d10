import type { Migration } from './migrations';
import type { VaultDatabase } from '../connection';

/*
 * Follow-ups (issue 13, Today): a note or a service can carry a "follow up
 * on" day; it stays on the Today screen until the worker marks it done.
 *
 * A table of its own, not a column of notes or services: a note's revisions
 * are hash-chained over its body and fields, and a reminder the worker sets
 * or ticks off is not part of what the note says, so it stays out of the
 * note row and out of every hash. One follow-up per note or service (UNIQUE);
 * it goes with the note or service it is about (ON DELETE CASCADE).
 * Follow-ups are the worker's own reminders: never reported, exported or put
 * in a handover package.
 */
const DATE = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;

const SCHEMA = `
CREATE TABLE follow_ups (
  id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  note_id     TEXT UNIQUE REFERENCES notes (id) ON DELETE CASCADE,
  service_id  TEXT UNIQUE REFERENCES services (id) ON DELETE CASCADE,
  due_on      TEXT NOT NULL CHECK (due_on GLOB ${DATE}),
  done_at     TEXT CHECK (done_at IS NULL OR done_at GLOB ${TIMESTAMP}),
  created_at  TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  updated_at  TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP}),
  CHECK ((note_id IS NULL) <> (service_id IS NULL))
) STRICT;
CREATE INDEX follow_ups_open_by_due ON follow_ups (due_on) WHERE done_at IS NULL;
`;

export const migration009FollowUps: Migration = {
  version: 9,
  description: 'follow-ups: a "follow up on" day for a note or a service, shown on Today until done',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
