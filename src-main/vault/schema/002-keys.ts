import crypto from 'node:crypto';
import type { VaultDatabase } from '../connection';
import type { Migration } from './migrations';

/*
 * The worker's own keys, inside the encrypted database. `purpose` says what a
 * key is for: 'signing' (Ed25519, signs service reports) now, 'handover'
 * (X25519, receives substitute packages) later. One current key per purpose;
 * a replaced key stays with `retired_at` set, so that reports signed with it
 * can still be checked.
 *
 * Keys are stored as DER: PKCS#8 for the private key, SPKI for the public key.
 */
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;

const SCHEMA = `
CREATE TABLE keys (
  id           INTEGER PRIMARY KEY,
  purpose      TEXT NOT NULL CHECK (purpose IN ('signing', 'handover')),
  algorithm    TEXT NOT NULL CHECK (algorithm IN ('ed25519', 'x25519')),
  private_key  BLOB NOT NULL CHECK (length(private_key) BETWEEN 16 AND 512),
  public_key   BLOB NOT NULL CHECK (length(public_key) BETWEEN 16 AND 512),
  created_at   TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  retired_at   TEXT CHECK (retired_at GLOB ${TIMESTAMP} AND retired_at >= created_at),
  CHECK ((purpose = 'signing') = (algorithm = 'ed25519'))
) STRICT;
CREATE UNIQUE INDEX keys_one_current_per_purpose ON keys (purpose) WHERE retired_at IS NULL;
`;

export const migration002Keys: Migration = {
  version: 2,
  description: "keys table with the worker's Ed25519 signing key",
  up(db: VaultDatabase, now: () => Date): void {
    db.exec(SCHEMA);
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    try {
      db.prepare(
        "INSERT INTO keys (purpose, algorithm, private_key, public_key, created_at) VALUES ('signing', 'ed25519', ?, ?, ?)",
      ).run(pkcs8, publicKey.export({ format: 'der', type: 'spki' }), now().toISOString());
    } finally {
      pkcs8.fill(0);
    }
  },
};
