import type { z } from 'zod';
import { describeIssues } from '../../shared/api/describeIssues';
import { VaultError } from '../vault/errors';
import { UsageError } from './usageError';

/** Validates CLI input with the same schemas as the API, so every door says the same. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new VaultError('INVALID_INPUT', describeIssues(parsed.error));
  return parsed.data;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/** A whole number given on the command line, e.g. `--minutes 30`. */
export function integerOption(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) {
    throw new UsageError(`--${name} must be a whole number.`);
  }
  return Number.parseInt(value, 10);
}

/** Grades as people write them: K, PK, or a number. */
export function gradeOption(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if (upper === 'K') return 0;
    if (upper === 'PK' || upper === 'PRE-K') return -1;
  }
  return integerOption('grade', value);
}

/** `--min-threshold K` of the district tools: a whole number from 2 up (default 10). */
export function minThresholdOption(value: unknown): number {
  const given = integerOption('min-threshold', value);
  if (given === undefined) return 10;
  if (given < 2 || given > 1000) throw new UsageError('--min-threshold must be a whole number from 2 to 1000.');
  return given;
}
