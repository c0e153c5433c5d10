import { z } from 'zod';
import { ERROR_DETAIL_KEYS, type ApiErrorDetails, type ErrorCode } from './errors';
import { IsoDate } from './schemas';

/** Each detail's shape (ApiErrorDetails says what each one means). */
const DETAIL_SHAPES = {
  retryAfterSeconds: z.number().int().min(0),
  attemptsLeft: z.number().int().min(0),
  latestBackup: z.object({ id: z.string(), createdAt: z.string() }).strict().nullable(),
  issues: z.array(z.object({ field: z.string().max(200).nullable(), message: z.string().max(2000) }).strict()).min(1).max(20),
  malformed: z.boolean(),
  validFrom: IsoDate,
  validUntil: IsoDate,
  file: z.enum(['package', 'hand-back']),
  alreadySaved: z.boolean(),
  sentBefore: z.boolean(),
} satisfies { [K in keyof Required<ApiErrorDetails>]: z.ZodType<Required<ApiErrorDetails>[K]> };

/** The details one code may carry, and nothing else: a key another code uses, or a wrong shape, fails. */
export function errorDetailsSchema(code: ErrorCode): z.ZodType<ApiErrorDetails> {
  const keys: readonly (keyof ApiErrorDetails)[] = (ERROR_DETAIL_KEYS as Partial<Record<ErrorCode, readonly (keyof ApiErrorDetails)[]>>)[code] ?? [];
  return z.object(Object.fromEntries(keys.map((key) => [key, DETAIL_SHAPES[key].optional()]))).strict() as z.ZodType<ApiErrorDetails>;
}
