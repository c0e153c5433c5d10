/*
 * The rule for a quick-unlock PIN, shared by the API's schema and the
 * settings screen (zod-free: the renderer imports it as a value).
 */

export const PIN_MIN_DIGITS = 6;
/** Long enough for any PIN a person types; a cap keeps the key derivation's input small. */
export const PIN_MAX_DIGITS = 32;

/** Attempts at the PIN before the passphrase is needed again. */
export const PIN_ATTEMPTS = 3;

/** Why the PIN is refused, in plain words; null when it is fine. */
export function pinProblem(pin: string): string | null {
  if (!/^[0-9]*$/.test(pin)) return 'Use digits only.';
  if (pin.length < PIN_MIN_DIGITS) return `Use at least ${PIN_MIN_DIGITS} digits.`;
  if (pin.length > PIN_MAX_DIGITS) return `Use at most ${PIN_MAX_DIGITS} digits.`;
  return null;
}
