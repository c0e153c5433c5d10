import { localDate } from '../report/calendar';
import type { VaultData } from '../vault/vaultData';
import { expired, notYetValid } from './refusals';

/**
 * A handover is valid from its first day to its last, inclusive, on the wall
 * calendar of the vault's time zone (the worker's setting). The app enforces
 * it: an offline copy cannot be destroyed remotely, so this check is what
 * ends a handover.
 */
export type Validity = 'not-yet-valid' | 'active' | 'expired';

export function today(data: VaultData): string {
  return localDate(data.clock(), data.settings.get().timeZone);
}

export function validityOn(day: string, validFrom: string, validUntil: string): Validity {
  if (day < validFrom) return 'not-yet-valid';
  if (day > validUntil) return 'expired';
  return 'active';
}

/** Throws HANDOVER_NOT_YET_VALID or HANDOVER_EXPIRED outside the dates. */
export function assertActive(data: VaultData, validFrom: string, validUntil: string): void {
  const validity = validityOn(today(data), validFrom, validUntil);
  if (validity === 'not-yet-valid') throw notYetValid(validFrom);
  if (validity === 'expired') throw expired(validUntil);
}
