import type { SentHandover } from '../../shared/api/handoverSchemas';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { HandoverRepository, toSentHandover } from './handoverRepository';
import { writeTransaction } from '../vault/writeTransaction';

export const HANDOVER_REVOKED_ACTION = 'handover.revoked';

/**
 * What revoking can do, said plainly: a package already given is a file on
 * someone else's computer, and nothing can reach it.
 */
export function revokeNotice(validUntil: string): string {
  return (
    'The handover is revoked in this vault, and a hand-back for it can still be imported. ' +
    'A package already given to the substitute cannot be destroyed remotely: it is an offline file. ' +
    `Their Sole Notes stops opening it after its end date, ${validUntil}. ` +
    'Ask the substitute to hand it back or delete it now.'
  );
}

/** The packages this vault made, newest first. */
export function listSentHandovers(data: VaultData): SentHandover[] {
  return new HandoverRepository(data.db).listSent().map(toSentHandover);
}

/** Marks an open handover revoked, recorded in the audit log. */
export function revokeHandover(data: VaultData, packageId: string, reason: string | undefined): { handover: SentHandover; notice: string } {
  const handovers = new HandoverRepository(data.db);
  const row = handovers.requireSent(packageId);
  if (row.status !== 'open') {
    throw new VaultError('CONFLICT', row.status === 'revoked' ? 'This handover is already revoked.' : 'This handover is already closed: its hand-back was imported.');
  }
  const at = data.clock().toISOString();
  writeTransaction(data.db, () => {
    handovers.setSentStatus(packageId, 'revoked', at);
    data.audit.append(HANDOVER_REVOKED_ACTION, { packageId, substitute: row.substitute, validUntil: row.valid_until, reason: reason ?? null });
  })();
  return { handover: toSentHandover(handovers.requireSent(packageId)), notice: revokeNotice(row.valid_until) };
}
