/**
 * A handover lasts at most a school year: 366 days, both ends included (a
 * whole year, a leap day too). Checked when a package is made and again when
 * it is opened, so a package signed for longer is never opened. Plain
 * functions, without zod, so the renderer can use them under its CSP.
 */
export const MAX_HANDOVER_DAYS = 366;

/** How many days a handover from `validFrom` to `validUntil` lasts, both included. */
export function handoverDays(validFrom: string, validUntil: string): number {
  return Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${validFrom}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Why a handover from `validFrom` to `validUntil` (inclusive) is too long, or null. */
export function handoverLengthProblem(validFrom: string, validUntil: string): string | null {
  const days = handoverDays(validFrom, validUntil);
  if (!Number.isFinite(days) || days <= MAX_HANDOVER_DAYS) return null;
  return `a handover can last at most a school year (${MAX_HANDOVER_DAYS} days), and ${validFrom} to ${validUntil} is ${days} days`;
}
