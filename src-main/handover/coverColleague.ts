import type { CoverColleague } from '../../shared/api/handoverSchemas';
import { fingerprint } from '../common/signing';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { readHandoverKeyFile } from './handoverKeyFile';

export const COLLEAGUE_NAMED_ACTION = 'handover.colleague_named';
export const COLLEAGUE_REMOVED_ACTION = 'handover.colleague_removed';

/**
 * The cover colleague named ahead (table of migration 14): whose handover
 * key a sudden handover is sealed to, with no key file to find and no code to
 * pass on. The worker names them once, after reading the word check of the
 * colleague's key aloud together (shared/domain/wordCheck.ts); the key is
 * trusted from then on, as a checked key file is for one package today.
 */
export function coverColleague(data: VaultData): CoverColleague | null {
  const row = data.coverColleague.get();
  return row === null ? null : { name: row.name, fingerprint: row.fingerprint, checkedAt: row.checked_at };
}

/** The colleague's public key for a package; CONFLICT when none is named. */
export function coverColleagueKey(data: VaultData): { spki: Buffer; fingerprint: string; name: string } {
  const row = data.coverColleague.get();
  if (row === null) throw new VaultError('CONFLICT', 'No cover colleague is named in this vault; name one first, or hand over with a key file or a code.');
  return { spki: row.public_key, fingerprint: row.fingerprint, name: row.name };
}

/**
 * Names (or replaces) the cover colleague from the key file they gave.
 * `fingerprint` is the one whose words the worker checked: if the file now
 * holds another key, nothing is saved.
 */
export function nameCoverColleague(data: VaultData, input: { keyFile: string; name: string; fingerprint: string }): CoverColleague {
  const key = readHandoverKeyFile(input.keyFile, 'keyFile');
  if (key.spki.equals(data.keys.handoverPublicKey().spki)) {
    throw new VaultError('INVALID_INPUT', "keyFile: that is this vault's own handover key; choose the file your colleague gave you.");
  }
  if (fingerprint(key.spki) !== input.fingerprint) {
    throw new VaultError('INVALID_INPUT', 'keyFile: the file holds another key than the one whose words were checked; check the words again.');
  }
  const checkedAt = data.clock().toISOString();
  data.transaction(() => {
    data.coverColleague.put({ name: input.name, public_key: key.spki, fingerprint: input.fingerprint, checked_at: checkedAt });
    data.audit.append(COLLEAGUE_NAMED_ACTION, { name: input.name, fingerprint: input.fingerprint });
  });
  return { name: input.name, fingerprint: input.fingerprint, checkedAt };
}

export function removeCoverColleague(data: VaultData): void {
  const row = data.coverColleague.get();
  if (row === null) return;
  data.transaction(() => {
    data.coverColleague.remove();
    data.audit.append(COLLEAGUE_REMOVED_ACTION, { name: row.name, fingerprint: row.fingerprint });
  });
}

/**
 * Whose notes a handover file holds, as this worker knows them: the name the
 * owner put in the file, else the name this worker gave the cover colleague
 * whose checked handover key made it (a sudden handover carries no name).
 */
export function ownerNameOf(data: VaultData, owner: { name: string | null; handoverFingerprint: string }): string | null {
  if (owner.name !== null) return owner.name;
  const colleague = data.coverColleague.get();
  return colleague !== null && colleague.fingerprint === owner.handoverFingerprint ? colleague.name : null;
}

