import type { SentHandover } from '../../shared/api/handoverSchemas';
import { VaultError } from '../vault/errors';
import type { SentRow } from '../vault/repos/handovers';
import type { VaultData } from '../vault/vaultData';

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

export function toSentHandover(row: SentRow): SentHandover {
  return {
    packageId: row.package_id,
    substitute: row.substitute,
    recipient:
      row.recipient_kind === 'key'
        ? { kind: 'key', fingerprint: row.recipient_fingerprint ?? '', label: row.recipient_label }
        : { kind: 'code' },
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    scope: { students: (JSON.parse(row.student_ids) as unknown[]).length, notes: row.note_count, services: row.service_count },
    createdAt: row.created_at,
    status: row.status,
    revokedAt: row.revoked_at,
    closedAt: row.closed_at,
  };
}

/** The packages this vault made, newest first. */
export function listSentHandovers(data: VaultData): SentHandover[] {
  return data.handovers.listSent().map(toSentHandover);
}

/** Marks an open handover revoked, recorded in the audit log. */
export function revokeHandover(data: VaultData, packageId: string, reason: string | undefined): { handover: SentHandover; notice: string } {
  const handovers = data.handovers;
  const row = handovers.requireSent(packageId);
  if (row.status !== 'open') {
    throw new VaultError('CONFLICT', row.status === 'revoked' ? 'This handover is already revoked.' : 'This handover is already closed: its hand-back was imported.');
  }
  const at = data.clock().toISOString();
  data.transaction(() => {
    handovers.setSentStatus(packageId, 'revoked', at);
    data.audit.append(HANDOVER_REVOKED_ACTION, { packageId, substitute: row.substitute, validUntil: row.valid_until, reason: reason ?? null });
  });
  return { handover: toSentHandover(handovers.requireSent(packageId)), notice: revokeNotice(row.valid_until) };
}
