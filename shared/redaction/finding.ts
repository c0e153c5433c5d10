import { z } from 'zod';

export const FINDING_KINDS = ['diagnostic', 'verbatim', 'identifier'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Stable rule ids; the UI and saved summaries may rely on them. */
export const FINDING_RULES = [
  'diagnostic.name',
  'diagnostic.phrase',
  'diagnostic.code.icd10',
  'diagnostic.code.dsm',
  'diagnostic.medication',
  'diagnostic.symptom',
  'verbatim.quote',
  'verbatim.reported',
  'verbatim.transcript',
  'identifier.phone',
  'identifier.email',
  'identifier.address',
  'identifier.dob',
  'identifier.student_id',
  'identifier.ssn',
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

export const FINDING_CONTEXTS = ['negated', 'uncertain', 'family', 'historical'] as const;
export type FindingContext = (typeof FINDING_CONTEXTS)[number];

export const SuggestionSchema = z.object({
  /** Text that could replace the span. */
  replacement: z.string().min(1),
  /** Short button label, e.g. "Replace with a paraphrase". */
  label: z.string().min(1),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const FindingSchema = z
  .object({
    kind: z.enum(FINDING_KINDS),
    /** UTF-16 offset of the first character. */
    start: z.number().int().nonnegative(),
    /** UTF-16 offset just past the last character (exclusive). */
    end: z.number().int().positive(),
    rule: z.enum(FINDING_RULES),
    /** Plain language for the worker: what was found, why it matters, what to write instead. */
    message: z.string().min(1),
    /** Context that never suppresses a finding, only explains it. */
    context: z.enum(FINDING_CONTEXTS).optional(),
    suggestion: SuggestionSchema.optional(),
  })
  .refine((finding) => finding.start < finding.end, 'start must be before end')
  .refine((finding) => finding.rule.startsWith(`${finding.kind}.`), 'rule must belong to the kind');

export type Finding = z.infer<typeof FindingSchema>;

export interface FindingSummary {
  diagnostic: number;
  verbatim: number;
  identifier: number;
}
