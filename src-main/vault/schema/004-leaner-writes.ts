import type { VaultDatabase } from '../connection';
import type { Migration } from './migrations';

/*
 * Fewer pages written per save (issue 2). Every page a save writes is
 * encrypted and authenticated by SQLCipher (AES-256 + HMAC-SHA512), so the
 * encrypted vault's extra cost per save is about (pages written) × (cost per
 * page); this migration lowers the first factor, for both kinds of save:
 *
 * - The full-text index loses its 2- and 3-character prefix indexes. They
 *   stored every word up to three times (the word, its first two and its
 *   first three letters), so a new note wrote a larger index segment and an
 *   edit — where secure-delete must remove each word of the old text from
 *   the index page that holds it — rewrote about 2.5 times as many index
 *   pages (about 60% fewer pages and 60% less time per edit without them),
 *   and made the index 2.4 times larger. They did not pay for that: prefixes
 *   of four letters or more never used them; three-letter prefix queries
 *   took as long with them as without (at 10,000 and 100,000 notes), since
 *   ranking the thousands of notes such a query matches, not finding them,
 *   is where its time goes; only two-letter prefixes, which match a third of
 *   a large vault and so find nothing in particular, ran about twice as fast
 *   with them at 100,000 notes.
 *   The index is rebuilt from the notes in this same transaction; its old
 *   pages are zeroed as they are freed (secure_delete), and secure-delete
 *   and bm25 ranking are set again as migration 1 set them.
 * - `notes_by_service` holds only notes linked to a service: a note without
 *   one no longer writes an index entry. Looking notes up by service (and
 *   the ON DELETE SET NULL of a deleted service) still uses it, since
 *   `service_id = ?` implies `service_id IS NOT NULL`.
 *
 * Nothing else changes: notes, revisions (and their hash chain), the audit
 * log and the triggers that keep the index in step with the notes stay as
 * they are.
 */
const SCHEMA = `
DROP TABLE notes_fts;
CREATE VIRTUAL TABLE notes_fts USING fts5 (
  body,
  content = 'notes',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO notes_fts (notes_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO notes_fts (notes_fts, rank) VALUES ('rank', 'bm25()');
INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');

DROP INDEX notes_by_service;
CREATE INDEX notes_by_service ON notes (service_id) WHERE service_id IS NOT NULL;
`;

export const migration004LeanerWrites: Migration = {
  version: 4,
  description: 'full-text index without prefix indexes; notes_by_service only for notes linked to a service',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
