import type { FindingKind, Suggestion } from './finding';

/**
 * The registry of the check's rules: one entry per rule, holding everything
 * the rest of the check needs to know about it. The rule-id type, the API's
 * zod enum (findingSchema.ts), the merge priorities (spans.ts) and the
 * worker-facing messages (messages.ts) are all derived from this table, so a
 * new rule is one entry here plus the detector that emits it. zod-free: the
 * renderer's live check loads it.
 */

/** What a rule's message may say about the span it explains. */
export interface MessageParts {
  /** The span's words in curly quotes, cut at 60 characters. */
  quoted: string;
  /** A leading space and a sentence on the span's context ("A past diagnosis counts too."), or ''. */
  context: string;
  /** A leading space and a sentence naming a diagnosis inside quoted words, or ''. */
  mentions: string;
}

export interface RuleInfo {
  kind: FindingKind;
  /**
   * When overlapping spans of one kind merge, the merged span keeps the rule
   * with the lowest number (phrase over name, transcript over quote). Rules of
   * equal priority never take over: the earlier span keeps its rule.
   */
  priority: number;
  /** Plain language for the worker: what was found, why it matters, what to write instead. */
  message: (parts: MessageParts) => string;
  /** The rewrite offered for the span; `speaker` is who spoke, for verbatim spans ("mom", "the student"). */
  suggestion: (span: { speaker?: string }) => Suggestion;
}

const WHY_RECORD = 'A personal note that holds it can stop being a private memory aid and become a record that others can ask to see, even by subpoena.';

// Each call makes a new suggestion, so no two findings share one object.
const observed = (): Suggestion => ({ replacement: '[describe what you observed]', label: 'Replace with what you observed' });
const code = (): Suggestion => ({ replacement: '[outside records reviewed]', label: 'Replace the code' });
const removed = (): Suggestion => ({ replacement: '[removed]', label: 'Remove it' });

function paraphrase(span: { speaker?: string }): Suggestion {
  return {
    replacement: span.speaker === undefined ? '[paraphrase: what was said]' : `[paraphrase: what ${span.speaker} said]`,
    label: 'Replace with a paraphrase',
  };
}

function codeMessage({ quoted, context }: MessageParts): string {
  return `${quoted} is a diagnosis code. A code says the same thing as writing the diagnosis out. ${WHY_RECORD}${context} Keep codes in the official record; here, something like \u201coutside records reviewed\u201d is enough.`;
}

/** Stable rule ids (the keys); the UI and saved summaries may rely on them. Each id starts with its kind. */
export const RULES = {
  'diagnostic.name': {
    kind: 'diagnostic',
    priority: 2,
    message: ({ quoted, context }) =>
      `${quoted} names a diagnosis. ${WHY_RECORD}${context} Write what you saw or what was done instead, for example \u201chad a hard time staying in his seat during math\u201d.`,
    suggestion: observed,
  },
  'diagnostic.phrase': {
    kind: 'diagnostic',
    priority: 0,
    message: ({ quoted, context }) =>
      `${quoted} states a diagnosis, or that one is being considered. ${WHY_RECORD}${context} Leave diagnoses to the clinical record and note only what you need to remember, for example \u201cfamily shared outside evaluation results\u201d.`,
    suggestion: observed,
  },
  'diagnostic.code.icd10': { kind: 'diagnostic', priority: 1, message: codeMessage, suggestion: code },
  'diagnostic.code.dsm': { kind: 'diagnostic', priority: 1, message: codeMessage, suggestion: code },
  'diagnostic.medication': {
    kind: 'diagnostic',
    priority: 4,
    message: ({ quoted, context }) =>
      `${quoted} is a medication that points to a diagnosis, so naming it lets a reader work out the condition. ${WHY_RECORD}${context} If you need a reminder, write something like \u201ccheck with the nurse about medication\u201d.`,
    suggestion: () => ({ replacement: '[medication: see the nurse]', label: 'Replace the medication name' }),
  },
  'diagnostic.symptom': {
    kind: 'diagnostic',
    priority: 3,
    message: ({ quoted, context }) =>
      `${quoted} is clinical language that a diagnosis could be read from. ${WHY_RECORD}${context} Describe what you saw or what was done in everyday words, for example \u201cwas breathing fast and asked to leave the room\u201d or \u201cfollowed the safety protocol\u201d.`,
    suggestion: observed,
  },
  'verbatim.quote': {
    kind: 'verbatim',
    priority: 1,
    message: ({ mentions }) =>
      `These are someone's exact words in quotation marks. Word-for-word quotes make a personal note a record of what was said. ${WHY_RECORD} Write the gist in your own words instead, for example \u201csaid she feels left out at lunch\u201d.${mentions}`,
    suggestion: paraphrase,
  },
  'verbatim.reported': {
    kind: 'verbatim',
    priority: 2,
    message: ({ mentions }) =>
      `This reads like someone's exact words written without quotation marks (it is in the first person, as they said it). Word-for-word speech makes a personal note a record of what was said. Put it in your own words, for example \u201che said he hasn't eaten since Friday\u201d.${mentions}`,
    suggestion: paraphrase,
  },
  'verbatim.transcript': {
    kind: 'verbatim',
    priority: 0,
    message: ({ mentions }) =>
      `This line is written like a transcript (\u201cName: words\u201d), which records exact words. Word-for-word speech makes a personal note a record of what was said. Sum up what was said in your own words instead.${mentions}`,
    suggestion: paraphrase,
  },
  'verbatim.message': {
    kind: 'verbatim',
    priority: 3,
    message: ({ mentions }) =>
      `This looks like a message someone wrote (an email, a text or a note) pasted into your note. Their written words make a personal note a record of what was said. ${WHY_RECORD} Note the gist in your own words instead, for example \u201cmom emailed about the bus\u201d.${mentions}`,
    suggestion: paraphrase,
  },
  // Identifier spans that overlap keep the rule of the earlier one: all share one priority.
  'identifier.phone': {
    kind: 'identifier',
    priority: 0,
    message: ({ quoted }) =>
      `${quoted} looks like a phone number. A memory aid does not need contact details, and they identify a family if the note is ever seen. Keep numbers in the student information system.`,
    suggestion: removed,
  },
  'identifier.email': {
    kind: 'identifier',
    priority: 0,
    message: ({ quoted }) =>
      `${quoted} is an email address. A memory aid does not need contact details, and they identify a person if the note is ever seen. Keep addresses in the student information system.`,
    suggestion: removed,
  },
  'identifier.address': {
    kind: 'identifier',
    priority: 0,
    message: ({ quoted }) =>
      `${quoted} looks like a street address. A memory aid does not need where a family lives, and an address identifies them if the note is ever seen. Write \u201chome visit\u201d without the address.`,
    suggestion: removed,
  },
  'identifier.dob': {
    kind: 'identifier',
    priority: 0,
    message: ({ quoted }) => `${quoted} looks like a date of birth. A memory aid does not need it, and it identifies a person if the note is ever seen. Leave it out; the registrar has it.`,
    suggestion: removed,
  },
  'identifier.student_id': {
    kind: 'identifier',
    priority: 0,
    message: ({ quoted }) => `${quoted} looks like an ID number. A memory aid does not need it, and it identifies a student if the note is ever seen. Leave it out; the office has it.`,
    suggestion: removed,
  },
  'identifier.ssn': {
    kind: 'identifier',
    priority: 0,
    message: ({ quoted }) => `${quoted} looks like a Social Security number. It should never be kept in a note. Remove it.`,
    suggestion: removed,
  },
} satisfies Record<string, RuleInfo>;

export type FindingRule = keyof typeof RULES;

/** Every rule id, in the table's order. */
export const FINDING_RULES = Object.keys(RULES) as [FindingRule, ...FindingRule[]];

// Compile-time proof that each rule id starts with its own kind ("diagnostic.name" is a diagnostic rule).
type KindPrefixed = { [Id in FindingRule]: Id extends `${(typeof RULES)[Id]['kind']}.${string}` ? true : Id };
type Assert<T extends true> = T;
export type RuleIdsStartWithTheirKind = Assert<KindPrefixed[FindingRule]>;
