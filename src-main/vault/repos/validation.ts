import type { z } from 'zod';
import { VaultError } from '../errors';

/**
 * Repositories check their input again (the CLI calls them without the
 * router): a value that fails its schema becomes INVALID_INPUT, naming the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new VaultError('INVALID_INPUT', `${field}${issue?.message ?? 'invalid input'}`);
}
