import { z } from 'zod';
import { FINDING_CONTEXTS, FINDING_KINDS, type Finding } from './finding';
import { FINDING_RULES } from './rules';

/** The API boundary's schema for a finding (see finding.ts for the type). */
export const SuggestionSchema = z.object({
  /** Text that could replace the span. */
  replacement: z.string().min(1),
  /** Short button label, e.g. "Replace with a paraphrase". */
  label: z.string().min(1),
});

export const FindingSchema = z
  .object({
    kind: z.enum(FINDING_KINDS),
    /** UTF-16 offset of the first character. */
    start: z.number().int().nonnegative(),
    /** UTF-16 offset just past the last character (exclusive). */
    end: z.number().int().positive(),
    /** One of the ids in the registry of rules (rules.ts). */
    rule: z.enum(FINDING_RULES),
    /** Plain language for the worker: what was found, why it matters, what to write instead. */
    message: z.string().min(1),
    /** Context that never suppresses a finding, only explains it. */
    context: z.enum(FINDING_CONTEXTS).optional(),
    suggestion: SuggestionSchema.optional(),
  })
  .refine((finding) => finding.start < finding.end, 'start must be before end')
  .refine((finding) => finding.rule.startsWith(`${finding.kind}.`), 'rule must belong to the kind');

// Compile-time proof that the schema and the plain type describe the same thing.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type FindingSchemaMatchesFinding = Assert<Equal<z.output<typeof FindingSchema>, Finding>>;
