import { MEDICATION_CLASSES } from '../data/medicationClasses';
import { DIAGNOSIS_ABBREVIATIONS_CAPS, DIAGNOSIS_NAMES } from '../data/diagnoses';
import { SCREENING_ABBREVIATIONS, SCREENING_PAIRS } from '../data/clinicalShorthand';
import { CASUAL_CLINICAL_WORDS, FLASHBACK_FORMS, PURGING_FORMS, RESTRICTING_FORMS, SUICIDE_FORMS, WORDLIKE_ABBREVIATIONS } from '../data/diagnosticForms';
import { MEDICATION_SLANG, MEDICATIONS } from '../data/medications';
import { OTHER_LANGUAGE_DIAGNOSIS_NAMES } from '../data/otherLanguages';
import { SPANISH_ABBREVIATIONS_CAPS, SPANISH_DIAGNOSIS_NAMES } from '../data/spanish';
import { CUTTING_WORDS, SYMPTOMS, SYMPTOMS_CAPS } from '../data/symptoms';
import { TermTrie } from '../lexicon';
import type { RawSpan } from '../spans';

/**
 * The conditions the diagnostic rule knows by name: diagnoses, symptoms and
 * medications, each with the rule it is reported under and, for a word with
 * an ordinary sense too, the guard that decides its sense (wordSenses.ts).
 */

export type ConditionRule = 'diagnostic.name' | 'diagnostic.medication' | 'diagnostic.symptom';
export type Special = 'lowercase' | 'screening' | 'casual' | 'wordlike' | 'depression' | 'anxiety' | 'cutting' | 'purging' | 'restricting' | 'suicide' | 'flashback' | 'hi' | 'medication' | 'voices' | null;

export interface ConditionValue {
  readonly rule: ConditionRule;
  readonly special: Special;
}

export interface Condition {
  rule: RawSpan['rule'];
  first: number;
  last: number;
  start: number;
  end: number;
}

const WORDLIKE_CAPS: ReadonlySet<string> = new Set(WORDLIKE_ABBREVIATIONS);
const CASUAL_WORDS: ReadonlySet<string> = new Set(CASUAL_CLINICAL_WORDS);
export const CONDITIONS = new TermTrie<ConditionValue>();
CONDITIONS.addAll(DIAGNOSIS_NAMES.filter((term) => !CASUAL_WORDS.has(term)), { rule: 'diagnostic.name', special: null });
CONDITIONS.addAll(SPANISH_DIAGNOSIS_NAMES, { rule: 'diagnostic.name', special: null });
CONDITIONS.addAll(OTHER_LANGUAGE_DIAGNOSIS_NAMES, { rule: 'diagnostic.name', special: null });
CONDITIONS.addAll(
  DIAGNOSIS_ABBREVIATIONS_CAPS.filter((term) => !WORDLIKE_CAPS.has(term)),
  { rule: 'diagnostic.name', special: null },
  true,
);
CONDITIONS.addAll(SPANISH_ABBREVIATIONS_CAPS, { rule: 'diagnostic.name', special: null }, true);
// "ADD", "ODD", "RAD" are English words too: "ADD to agenda", "ODD numbers".
CONDITIONS.addAll([...WORDLIKE_CAPS], { rule: 'diagnostic.name', special: 'wordlike' }, true);
// In lower case ("adhd and odd") only next to another condition or a diagnostic phrase.
CONDITIONS.addAll(
  DIAGNOSIS_ABBREVIATIONS_CAPS.map((term) => term.toLowerCase()),
  { rule: 'diagnostic.name', special: 'lowercase' },
  true,
);
CONDITIONS.addAll(SYMPTOMS.filter((term) => !CASUAL_WORDS.has(term) && !term.endsWith(' voices')), { rule: 'diagnostic.symptom', special: null });
CONDITIONS.addAll(SYMPTOMS_CAPS.filter((term) => term !== 'HI'), { rule: 'diagnostic.symptom', special: null }, true);
CONDITIONS.add('HI', { rule: 'diagnostic.symptom', special: 'hi' }, true);
CONDITIONS.addAll(MEDICATIONS, { rule: 'diagnostic.medication', special: 'medication' });
CONDITIONS.addAll(MEDICATION_SLANG, { rule: 'diagnostic.medication', special: null });
CONDITIONS.addAll(MEDICATION_CLASSES, { rule: 'diagnostic.medication', special: null });
// Lower-case screening shorthand ("denies si", "passive si") only beside a clinical word; "si/hi" always.
CONDITIONS.addAll(SCREENING_ABBREVIATIONS, { rule: 'diagnostic.symptom', special: 'screening' }, true);
CONDITIONS.addAll(SCREENING_PAIRS, { rule: 'diagnostic.symptom', special: null });
// Casual clinical words: flagged about a person, not about a day or the weather ("manic Monday").
CONDITIONS.addAll([...CASUAL_WORDS], { rule: 'diagnostic.symptom', special: 'casual' });
CONDITIONS.add('depression', { rule: 'diagnostic.name', special: 'depression' });
CONDITIONS.add('anxiety', { rule: 'diagnostic.name', special: 'anxiety' });
CONDITIONS.addAll(SYMPTOMS.filter((term) => term.endsWith(' voices')), { rule: 'diagnostic.symptom', special: 'voices' });
CONDITIONS.addAll(CUTTING_WORDS, { rule: 'diagnostic.symptom', special: 'cutting' });
CONDITIONS.addAll(PURGING_FORMS, { rule: 'diagnostic.symptom', special: 'purging' });
CONDITIONS.addAll(RESTRICTING_FORMS, { rule: 'diagnostic.symptom', special: 'restricting' });
CONDITIONS.addAll(SUICIDE_FORMS, { rule: 'diagnostic.symptom', special: 'suicide' });
CONDITIONS.addAll(FLASHBACK_FORMS, { rule: 'diagnostic.symptom', special: 'flashback' });
