import crypto from 'node:crypto';
import type { VaultDatabase } from '../connection';
import type { Migration } from './migrations';

/*
 * Handover and disclosure (issue 6):
 * - the worker's X25519 handover key, in the `keys` table of migration 2
 *   (purpose 'handover'): substitute packages are wrapped to it, and hand-backs
 *   are encrypted to it. Every vault gets one here, older and new alike.
 * - handovers_sent: packages this vault made for a substitute (the owner's side),
 *   with the package's data key, so that a hand-back can be checked against it.
 * - handbacks_imported: hand-backs merged into this vault; a second import of
 *   the same hand-back finds its row and changes nothing.
 * - handovers_received: packages opened in this vault (the substitute's side);
 *   the package's data key is kept here, inside the encrypted vault, until
 *   the package is handed back and deleted.
 * - note_releases: a note released to another agency (who, when, why).
 */
const DATE = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;
const UUID = (column: string) => `length(${column}) = 36`;
const SHA256 = (column: string) => `length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*'`;

const SCHEMA = `
CREATE TABLE handovers_sent (
  package_id             TEXT PRIMARY KEY NOT NULL CHECK (${UUID('package_id')}),
  substitute             TEXT NOT NULL CHECK (length(substitute) BETWEEN 1 AND 120),
  recipient_kind         TEXT NOT NULL CHECK (recipient_kind IN ('key', 'code')),
  recipient_fingerprint  TEXT CHECK (recipient_fingerprint IS NULL OR length(recipient_fingerprint) = 79),
  recipient_label        TEXT CHECK (recipient_label IS NULL OR length(recipient_label) <= 120),
  valid_from             TEXT NOT NULL CHECK (valid_from GLOB ${DATE}),
  valid_until            TEXT NOT NULL CHECK (valid_until GLOB ${DATE} AND valid_until >= valid_from),
  student_ids            TEXT NOT NULL CHECK (json_valid(student_ids) AND json_type(student_ids) = 'array'),
  note_count             INTEGER NOT NULL CHECK (note_count >= 0),
  service_count          INTEGER NOT NULL CHECK (service_count >= 0),
  package_key            BLOB NOT NULL CHECK (length(package_key) = 32),
  file_sha256            TEXT NOT NULL CHECK (${SHA256('file_sha256')}),
  created_at             TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  status                 TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'revoked', 'closed')),
  revoked_at             TEXT CHECK (revoked_at GLOB ${TIMESTAMP}),
  closed_at              TEXT CHECK (closed_at GLOB ${TIMESTAMP}),
  CHECK ((recipient_kind = 'key') = (recipient_fingerprint IS NOT NULL))
) STRICT;

CREATE TABLE handbacks_imported (
  handback_id             TEXT PRIMARY KEY NOT NULL CHECK (${UUID('handback_id')}),
  package_id              TEXT NOT NULL REFERENCES handovers_sent (package_id),
  substitute_fingerprint  TEXT NOT NULL CHECK (length(substitute_fingerprint) = 79),
  file_sha256             TEXT NOT NULL CHECK (${SHA256('file_sha256')}),
  imported_at             TEXT NOT NULL CHECK (imported_at GLOB ${TIMESTAMP}),
  summary                 TEXT NOT NULL CHECK (json_valid(summary) AND json_type(summary) = 'object')
) STRICT;
CREATE INDEX handbacks_by_package ON handbacks_imported (package_id);

CREATE TABLE handovers_received (
  package_id      TEXT PRIMARY KEY NOT NULL CHECK (${UUID('package_id')}),
  manifest        TEXT NOT NULL CHECK (json_valid(manifest) AND json_type(manifest) = 'object'),
  package_key     BLOB CHECK (package_key IS NULL OR length(package_key) = 32),
  received_at     TEXT NOT NULL CHECK (received_at GLOB ${TIMESTAMP}),
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handed_back')),
  handed_back_at  TEXT CHECK (handed_back_at GLOB ${TIMESTAMP}),
  handback_id     TEXT CHECK (handback_id IS NULL OR ${UUID('handback_id')}),
  CHECK ((status = 'open') = (package_key IS NOT NULL))
) STRICT;

CREATE TABLE note_releases (
  seq          INTEGER PRIMARY KEY,
  note_id      TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  agency       TEXT NOT NULL CHECK (length(agency) BETWEEN 1 AND 200),
  reason       TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  released_on  TEXT NOT NULL CHECK (released_on GLOB ${DATE}),
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  recorded_at  TEXT NOT NULL CHECK (recorded_at GLOB ${TIMESTAMP})
) STRICT;
CREATE INDEX note_releases_by_note ON note_releases (note_id);
`;

export const migration003Handover: Migration = {
  version: 3,
  description: 'X25519 handover key; handovers sent and received, hand-backs imported, note releases',
  up(db: VaultDatabase, now: () => Date): void {
    db.exec(SCHEMA);
    const { privateKey, publicKey } = crypto.generateKeyPairSync('x25519');
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    try {
      db.prepare(
        "INSERT INTO keys (purpose, algorithm, private_key, public_key, created_at) VALUES ('handover', 'x25519', ?, ?, ?)",
      ).run(pkcs8, publicKey.export({ format: 'der', type: 'spki' }), now().toISOString());
    } finally {
      pkcs8.fill(0);
    }
  },
};
