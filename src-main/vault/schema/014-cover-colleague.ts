import type { VaultDatabase } from '../connection';
import type { Migration } from './migrations';

/*
 * A cover colleague named ahead (issue 18): the colleague who takes over the
 * caseload when this worker is suddenly away. Named while both are well, by
 * exchanging handover keys once and reading the word check aloud; a handover
 * to them then needs no key file and no code. At most one row (id = 1):
 *   - name: as the worker wrote it (the banner and the package use it);
 *   - public_key: the colleague's X25519 handover key, SPKI DER (44 bytes);
 *   - fingerprint: of that key, as the app shows it (16 groups of 4);
 *   - checked_at: when the worker confirmed the words matched.
 */
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;

const SCHEMA = `
CREATE TABLE cover_colleague (
  id           INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  name         TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
  public_key   BLOB NOT NULL CHECK (length(public_key) = 44),
  fingerprint  TEXT NOT NULL CHECK (length(fingerprint) = 79),
  checked_at   TEXT NOT NULL CHECK (checked_at GLOB ${TIMESTAMP})
) STRICT;
`;

export const migration014CoverColleague: Migration = {
  version: 14,
  description: 'a cover colleague named ahead: name, handover public key and when the word check was made',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
