import type { Migration } from './migrations';
import type { VaultDatabase } from '../connection';

/*
 * Erasable note versions (issue 15, "nothing flagged stays behind").
 *
 * A note's earlier versions stay in its hash-chained history. When the worker
 * fixes a flag (a diagnosis, a quote, an identifier) and saves, the earlier
 * versions still hold the flagged words; the worker may now erase their text.
 * An erased version keeps its row, number, author, time, status, previous hash
 * and hash, so the chain still links from the first version to the current
 * one; only `body` becomes '' and `erased_at` records when. The hash of the
 * next version covers this version's hash, so the erased hash cannot be
 * changed without breaking the chain, and the audit log records each erasure
 * with the version's hash (notes/noteErasure.ts).
 *
 * The append-only trigger is replaced by one that refuses every update but
 * that one: body to '', erased_at from NULL to a timestamp, nothing else.
 * An erasure cannot be undone (erased_at never goes back to NULL). Rows freed
 * or rewritten are zeroed on disk (secure_delete, connection.ts).
 */
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;

const SCHEMA = `
ALTER TABLE note_revisions ADD COLUMN erased_at TEXT CHECK (erased_at IS NULL OR (erased_at GLOB ${TIMESTAMP} AND body = ''));

DROP TRIGGER note_revisions_append_only;
CREATE TRIGGER note_revisions_append_only
BEFORE UPDATE ON note_revisions
WHEN NOT (
  OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.body = ''
  AND NEW.note_id IS OLD.note_id AND NEW.revision IS OLD.revision AND NEW.status IS OLD.status
  AND NEW.author IS OLD.author AND NEW.at IS OLD.at AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
)
BEGIN
  SELECT RAISE(ABORT, 'note revisions are append-only; only the text of an earlier version can be erased');
END;
`;

export const migration010ErasableRevisions: Migration = {
  version: 10,
  description: 'note versions whose text can be erased, keeping their hash and place in the chain',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
