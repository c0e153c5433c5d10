import crypto from 'node:crypto';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';

export type KeyPurpose = 'signing' | 'handover';

interface KeyRow {
  private_key: Buffer;
  public_key: Buffer;
  created_at: string;
}

export interface PublicKeyRecord {
  /** SPKI DER. */
  spki: Buffer;
  createdAt: string;
}

/**
 * The worker's own keys, kept inside the encrypted database. The private key
 * leaves this class only as a KeyObject for the moment it signs; its DER bytes
 * are zeroed as soon as the KeyObject is made.
 */
export class KeyRepository {
  private readonly selectCurrent;

  constructor(db: VaultDatabase) {
    this.selectCurrent = db.prepare<[KeyPurpose], KeyRow>(
      'SELECT private_key, public_key, created_at FROM keys WHERE purpose = ? AND retired_at IS NULL',
    );
  }

  /** The current signing key's public half. */
  signingPublicKey(): PublicKeyRecord {
    const row = this.current('signing');
    row.private_key.fill(0);
    return { spki: row.public_key, createdAt: row.created_at };
  }

  /** The current signing key, for signing; the caller drops it when done. */
  signingPrivateKey(): crypto.KeyObject {
    const row = this.current('signing');
    try {
      return crypto.createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' });
    } finally {
      row.private_key.fill(0);
    }
  }

  /** The current handover key's public half (X25519): packages for this worker are wrapped to it. */
  handoverPublicKey(): PublicKeyRecord {
    const row = this.current('handover');
    row.private_key.fill(0);
    return { spki: row.public_key, createdAt: row.created_at };
  }

  /** The current handover key, for opening a package or a hand-back; the caller drops it when done. */
  handoverPrivateKey(): crypto.KeyObject {
    const row = this.current('handover');
    try {
      return crypto.createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' });
    } finally {
      row.private_key.fill(0);
    }
  }

  private current(purpose: KeyPurpose): KeyRow {
    const row = this.selectCurrent.get(purpose);
    if (!row) throw new VaultError('VAULT_CORRUPT', `The vault holds no ${purpose} key.`);
    return row;
  }
}
