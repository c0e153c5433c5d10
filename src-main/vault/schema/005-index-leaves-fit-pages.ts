import type { VaultDatabase } from '../connection';
import type { Migration } from './migrations';

/*
 * Full-text index leaves sized to fit an encrypted page (issue 2).
 *
 * FTS5 stores its index as leaves of up to `pgsz` bytes, one row of
 * notes_fts_data each; the default, 4,050 bytes, is chosen to fill a
 * 4,096-byte page. SQLCipher keeps the last 80 bytes of every page for the
 * page's IV (16) and HMAC-SHA512 (64), so a row can hold at most
 * 4,096 - 80 - 35 (cell and page overhead) - 4 (record header) = 3,977 bytes
 * on its page. Every full leaf was therefore split: about 480 bytes in the
 * b-tree page and the other 3,574 in an overflow page of its own. Reading a
 * leaf read two pages and rewriting one (an edit's secure-delete rewrites the
 * leaf of each old word) encrypted and authenticated two: an edit wrote about
 * 93 pages in the encrypted vault where an unencrypted database with the same
 * schema wrote 67. With leaves of 3,950 bytes every leaf fits its page, and
 * the encrypted vault writes the same 67.
 *
 * `pgsz` applies to leaves written from now on, so the index is rebuilt from
 * the notes in this same transaction (as in migration 4); the old pages are
 * zeroed as they are freed (secure_delete). Nothing else changes.
 */
export const INDEX_LEAF_BYTES = 3950;

export const migration005IndexLeavesFitPages: Migration = {
  version: 5,
  description: 'full-text index leaves of 3,950 bytes, which fit a 4,096-byte encrypted page without overflow',
  up(db: VaultDatabase): void {
    db.exec(`
      INSERT INTO notes_fts (notes_fts, rank) VALUES ('pgsz', ${INDEX_LEAF_BYTES});
      INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');
    `);
  },
};
