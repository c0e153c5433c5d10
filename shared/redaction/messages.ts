import type { Finding, FindingContext, FindingRule, Suggestion } from './finding';
import type { RawSpan } from './spans';

/**
 * Plain-language explanations for the worker: what was found, why it matters
 * for a personal note, and what to write instead. No jargon beyond the words
 * the worker already wrote.
 */

const WHY_RECORD = 'A personal note that holds it can stop being a private memory aid and become a record that others can ask to see, even by subpoena.';

const CONTEXT_NOTES: Record<FindingContext, string> = {
  negated: 'Writing that someone does not have a condition still puts the condition in the note.',
  uncertain: 'A possible or suspected diagnosis counts too.',
  family: 'It is about a family member, but it still puts diagnostic information in the note.',
  historical: 'A past diagnosis counts too.',
};

function quoteOf(text: string): string {
  const trimmed = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `\u201c${trimmed}\u201d`;
}

export function messageFor(rule: FindingRule, spanText: string, span: RawSpan): string {
  const quoted = quoteOf(spanText);
  const context = span.context === undefined ? '' : ` ${CONTEXT_NOTES[span.context]}`;
  switch (rule) {
    case 'diagnostic.name':
      return `${quoted} names a diagnosis. ${WHY_RECORD}${context} Write what you saw or what was done instead, for example \u201chad a hard time staying in his seat during math\u201d.`;
    case 'diagnostic.phrase':
      return `${quoted} states a diagnosis, or that one is being considered. ${WHY_RECORD}${context} Leave diagnoses to the clinical record and note only what you need to remember, for example \u201cfamily shared outside evaluation results\u201d.`;
    case 'diagnostic.code.icd10':
      return `${quoted} is a diagnosis code. A code says the same thing as writing the diagnosis out. ${WHY_RECORD}${context} Keep codes in the official record; here, something like \u201coutside records reviewed\u201d is enough.`;
    case 'diagnostic.code.dsm':
      return `${quoted} is a diagnosis code. A code says the same thing as writing the diagnosis out. ${WHY_RECORD}${context} Keep codes in the official record; here, something like \u201coutside records reviewed\u201d is enough.`;
    case 'diagnostic.medication':
      return `${quoted} is a medication that points to a diagnosis, so naming it lets a reader work out the condition. ${WHY_RECORD}${context} If you need a reminder, write something like \u201ccheck with the nurse about medication\u201d.`;
    case 'diagnostic.symptom':
      return `${quoted} is clinical language that a diagnosis could be read from. ${WHY_RECORD}${context} Describe what you saw or what was done in everyday words, for example \u201cwas breathing fast and asked to leave the room\u201d or \u201cfollowed the safety protocol\u201d.`;
    case 'verbatim.quote':
      return `These are someone's exact words in quotation marks. Word-for-word quotes make a personal note a record of what was said. ${WHY_RECORD} Write the gist in your own words instead, for example \u201csaid she feels left out at lunch\u201d.${mentions(span)}`;
    case 'verbatim.reported':
      return `This reads like someone's exact words written without quotation marks (it is in the first person, as they said it). Word-for-word speech makes a personal note a record of what was said. Put it in your own words, for example \u201che said he hasn't eaten since Friday\u201d.${mentions(span)}`;
    case 'verbatim.transcript':
      return `This line is written like a transcript (\u201cName: words\u201d), which records exact words. Word-for-word speech makes a personal note a record of what was said. Sum up what was said in your own words instead.${mentions(span)}`;
    case 'verbatim.message':
      return `This looks like a message someone wrote (an email, a text or a note) pasted into your note. Their written words make a personal note a record of what was said. ${WHY_RECORD} Note the gist in your own words instead, for example \u201cmom emailed about the bus\u201d.${mentions(span)}`;
    case 'identifier.phone':
      return `${quoted} looks like a phone number. A memory aid does not need contact details, and they identify a family if the note is ever seen. Keep numbers in the student information system.`;
    case 'identifier.email':
      return `${quoted} is an email address. A memory aid does not need contact details, and they identify a person if the note is ever seen. Keep addresses in the student information system.`;
    case 'identifier.address':
      return `${quoted} looks like a street address. A memory aid does not need where a family lives, and an address identifies them if the note is ever seen. Write \u201chome visit\u201d without the address.`;
    case 'identifier.dob':
      return `${quoted} looks like a date of birth. A memory aid does not need it, and it identifies a person if the note is ever seen. Leave it out; the registrar has it.`;
    case 'identifier.student_id':
      return `${quoted} looks like an ID number. A memory aid does not need it, and it identifies a student if the note is ever seen. Leave it out; the office has it.`;
    case 'identifier.ssn':
      return `${quoted} looks like a Social Security number. It should never be kept in a note. Remove it.`;
  }
}

function mentions(span: RawSpan): string {
  return span.mentions === undefined ? '' : ` The quoted words also name a diagnosis (${quoteOf(span.mentions)}).`;
}

export function suggestionFor(rule: FindingRule, span: RawSpan): Suggestion | undefined {
  switch (rule) {
    case 'diagnostic.name':
    case 'diagnostic.phrase':
    case 'diagnostic.symptom':
      return { replacement: '[describe what you observed]', label: 'Replace with what you observed' };
    case 'diagnostic.code.icd10':
    case 'diagnostic.code.dsm':
      return { replacement: '[outside records reviewed]', label: 'Replace the code' };
    case 'diagnostic.medication':
      return { replacement: '[medication: see the nurse]', label: 'Replace the medication name' };
    case 'verbatim.quote':
    case 'verbatim.reported':
    case 'verbatim.transcript':
    case 'verbatim.message':
      return {
        replacement: span.speaker === undefined ? '[paraphrase: what was said]' : `[paraphrase: what ${span.speaker} said]`,
        label: 'Replace with a paraphrase',
      };
    case 'identifier.phone':
    case 'identifier.email':
    case 'identifier.address':
    case 'identifier.dob':
    case 'identifier.student_id':
    case 'identifier.ssn':
      return { replacement: '[removed]', label: 'Remove it' };
  }
}

export function toFinding(text: string, span: RawSpan): Finding {
  const finding: Finding = {
    kind: span.kind,
    start: span.start,
    end: span.end,
    rule: span.rule,
    message: messageFor(span.rule, text.slice(span.start, span.end), span),
  };
  if (span.context !== undefined) finding.context = span.context;
  const suggestion = suggestionFor(span.rule, span);
  if (suggestion !== undefined) finding.suggestion = suggestion;
  return finding;
}
