import { handoverLengthProblem } from '../../shared/domain/handoverLength';
import { addDays, localDate, startOfLocalDay } from '../common/calendar';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import type { PackageManifest } from './manifest';
import { expired, notYetValid } from './refusals';

/**
 * A handover is valid from its first day to its last, inclusive, on the wall
 * calendar of the OWNER's time zone, as the owner meant it. The owner's app
 * writes that zone and the period's UTC instants into the signed manifest;
 * the substitute's app compares them with its clock's instant, so neither
 * the substitute's time zone setting nor the machine's zone changes when a
 * package opens or stops. The app enforces it: an offline copy cannot be
 * destroyed remotely, so this check is what ends a handover.
 */
export type Validity = 'not-yet-valid' | 'active' | 'expired';

/** Today on the vault's own calendar (the worker's time zone setting). */
export function today(data: VaultData): string {
  return localDate(data.clock(), data.settings.get().timeZone);
}

export interface HandoverPeriod {
  /** The owner's time zone; null for a package made before it was written into the manifest. */
  timeZone: string | null;
  /** The first instant of the first day. */
  start: Date;
  /** The first instant after the last day. */
  end: Date;
}

const HOUR_MS = 3_600_000;

/** The period the owner gives, on the owner's calendar: written into the manifest when the package is made. */
export function periodInZone(validFrom: string, validUntil: string, timeZone: string): HandoverPeriod & { timeZone: string } {
  return { timeZone, start: startOfLocalDay(validFrom, timeZone), end: startOfLocalDay(addDays(validUntil, 1), timeZone) };
}

/**
 * A package's period. An older manifest names no zone: its dates are then
 * read so that the package is never open outside them in any zone — from the
 * latest instant its first day begins anywhere (noon UTC, where it is
 * UTC-12) to the earliest its last day ends anywhere (10:00 UTC the same
 * day, where it is UTC+14). That costs up to 26 hours of the period (a
 * one-day package of that age never opens; it can still be handed back).
 */
export function handoverPeriod(manifest: Pick<PackageManifest, 'validFrom' | 'validUntil' | 'period'>): HandoverPeriod {
  if (manifest.period !== undefined) {
    return { timeZone: manifest.period.timeZone, start: new Date(manifest.period.start), end: new Date(manifest.period.end) };
  }
  const midnightUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
  return {
    timeZone: null,
    start: new Date(midnightUtc(manifest.validFrom) + 12 * HOUR_MS),
    end: new Date(midnightUtc(addDays(manifest.validUntil, 1)) - 14 * HOUR_MS),
  };
}

export function validityAt(instant: Date, period: HandoverPeriod): Validity {
  if (instant.getTime() < period.start.getTime()) return 'not-yet-valid';
  if (instant.getTime() >= period.end.getTime()) return 'expired';
  return 'active';
}

/** Where the package stands now, by the vault's clock. */
export function packageValidity(data: VaultData, manifest: PackageManifest): Validity {
  return validityAt(data.clock(), handoverPeriod(manifest));
}

/**
 * Throws when the package may not be used now: a period longer than a school
 * year (INVALID_INPUT: made by an older app, or forged), or outside its
 * period (HANDOVER_NOT_YET_VALID, HANDOVER_EXPIRED).
 */
export function assertActive(data: VaultData, manifest: PackageManifest): void {
  const tooLong = handoverLengthProblem(manifest.validFrom, manifest.validUntil);
  if (tooLong !== null) {
    throw new VaultError('INVALID_INPUT', `This handover package is not opened: ${tooLong}. Ask its owner for a new one.`);
  }
  const period = handoverPeriod(manifest);
  const validity = validityAt(data.clock(), period);
  if (validity === 'not-yet-valid') throw notYetValid(manifest.validFrom, period.timeZone);
  if (validity === 'expired') throw expired(manifest.validUntil, period.timeZone);
}
