import { z } from 'zod';
import { PIN_ATTEMPTS, pinProblem } from '../domain/quickUnlockPin';

/* Quick unlock: a PIN after a short lock, held in the main process's memory only (docs/quick-unlock.md). */

/** Digits only, 6 or more (shared/domain/quickUnlockPin.ts, the rule the settings screen also shows). */
export const Pin = z.string().superRefine((pin, context) => {
  const problem = pinProblem(pin);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

export const QuickUnlockSetInput = z
  .object({
    pin: Pin,
    /** Whether the PIN may also unlock after the screen was locked (default: yes, or as chosen before in this run). */
    afterScreenLock: z.boolean().optional(),
  })
  .strict();

export const UnlockWithPinInput = z.object({ pin: z.string().max(64) }).strict();

/** Nothing secret: whether the unlock screen may offer the PIN, and how many tries are left. */
export const QuickUnlockStatus = z.object({
  pinSet: z.boolean(),
  available: z.boolean(),
  attemptsLeft: z.number().int().min(0).max(PIN_ATTEMPTS),
  until: z.string().nullable(),
  afterScreenLock: z.boolean(),
  passphraseThisRun: z.boolean(),
});
export type QuickUnlockStatus = z.infer<typeof QuickUnlockStatus>;
