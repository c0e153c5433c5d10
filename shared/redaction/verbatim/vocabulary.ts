import {
  FEMALE_SPEAKERS,
  FEMALE_THIRD_PERSON,
  MALE_SPEAKERS,
  MALE_THIRD_PERSON,
  PLURAL_SPEAKERS,
  PLURAL_THIRD_PERSON,
  CLAUSE_NON_STARTERS,
  CLINICAL_AUTHORS,
  CLAUSE_REPORTING_VERBS,
  DOCUMENT_NOUNS,
  FINITE_VERB_CUES,
  FIRST_PERSON_OPENERS,
  HEADING_WORDS,
  HONORIFICS,
  LISTENER_SECOND_PERSON,
  MATERIAL_LINKS,
  MATERIAL_NOUNS,
  NARRATIVE_RESUMERS,
  PERSONAL_PRONOUNS,
  PERSONAL_WRITINGS,
  EXACT_WORD_CUES,
  SHOWING_VERBS,
  SETTING_NOUNS,
  SPEAKER_FIRST_PERSON,
  SPEAKER_MODIFIERS,
  SPEAKER_ROLES,
  SPEECH_ADVERBS,
  SPEECH_VERBS,
  SPEECH_WORDS,
  TITLE_CUES_AFTER,
  TITLE_CUES_BEFORE,
  TITLE_SMALL_WORDS,
  WORKER_POSSESSIONS,
} from '../data/speech';
import {
  ACTION_OPENERS,
  ATTRIBUTIVE_DETERMINERS,
  BE_FORMS,
  CALL_VERBS,
  DIRECT_OPENERS,
  DIRECT_SPEECH_CUES,
  NO_ACTION_AFTER,
  OWN_VOICE_WORDS,
  SUMMARY_OPENERS,
  WRITING_VERBS,
} from '../data/transcript';
import {
  BACKSHIFTED_AFTER_OBJECT,
  BACKSHIFTED_FORMS,
  CLAUSE_CONJUNCTIONS,
  FIRST_PERSON_STRONG_WORDS,
  NOT_SPEECH_OPENERS,
  OBJECT_PRONOUNS,
  RECIPIENT_PREPOSITION_WORDS,
  SETTING_DETERMINER_WORDS,
  SETTING_PREPOSITION_WORDS,
  STUDENT_NOUNS,
  WEEKDAYS,
} from '../data/grammar';
import {
  OTHER_ACTION_OPENERS,
  OTHER_CLAUSE_VERBS,
  OTHER_FIRST_PERSON,
  OTHER_NO_ACTION_AFTER,
  OTHER_NO_WORDS,
  OTHER_SPEAKER_ROLES,
  OTHER_SPEECH_VERBS,
  OTHER_SPEECH_WORDS,
} from '../data/speechOtherLanguages';
import { wordSet } from '../lexicon';

/**
 * The word sets the verbatim rules read, built once from the lists in data/,
 * and the quotation marks that open and close a double quote.
 */

export type Gender = 'female' | 'male' | 'plural';

/** Double quotation marks that only open or only close; the straight " does both. */
export const DOUBLE_OPEN = new Set(['\u201c', '\u00ab', '\u201e']);
export const DOUBLE_CLOSE = new Set(['\u201d', '\u00bb']);

export const SPEECH = wordSet([...SPEECH_VERBS, ...OTHER_SPEECH_VERBS]);
export const ADVERBS = wordSet(SPEECH_ADVERBS);
export const OPENERS = wordSet([...FIRST_PERSON_OPENERS.filter((w) => !NOT_SPEECH_OPENERS.includes(w)), ...OTHER_FIRST_PERSON]);
export const RESUMERS = wordSet(NARRATIVE_RESUMERS);
export const ROLES = wordSet([...SPEAKER_ROLES, ...OTHER_SPEAKER_ROLES]);
export const HONORIFIC = wordSet(HONORIFICS);
export const MODIFIERS = wordSet(SPEAKER_MODIFIERS);
export const HEADINGS = wordSet(HEADING_WORDS);
export const DOCUMENTS = wordSet(DOCUMENT_NOUNS);
export const WRITINGS = wordSet(PERSONAL_WRITINGS);
export const CLINICIANS = wordSet(CLINICAL_AUTHORS);
export const EXACT_WORDS = wordSet(EXACT_WORD_CUES);
export const SHOWING = wordSet(SHOWING_VERBS);
export const TITLE_BEFORE = wordSet(TITLE_CUES_BEFORE);
export const TITLE_AFTER = wordSet(TITLE_CUES_AFTER);
export const SMALL = wordSet(TITLE_SMALL_WORDS);
export const PRONOUNS = wordSet([...PERSONAL_PRONOUNS, ...OTHER_FIRST_PERSON]);
export const SPEECH_LIKE = wordSet([...SPEECH_WORDS, ...OTHER_SPEECH_WORDS]);
export const OBJECTS = wordSet(OBJECT_PRONOUNS);
export const ALWAYS_BACKSHIFT = wordSet(BACKSHIFTED_FORMS);
export const BACKSHIFT_AFTER_OBJECT = wordSet(BACKSHIFTED_AFTER_OBJECT);
export const FIRST_PERSON_STRONG = wordSet(FIRST_PERSON_STRONG_WORDS);
export const MATERIALS = wordSet(MATERIAL_NOUNS);
export const MATERIAL_LINK = wordSet(MATERIAL_LINKS);
export const CLAUSE_VERBS = wordSet([...CLAUSE_REPORTING_VERBS, ...OTHER_CLAUSE_VERBS]);
export const NON_STARTERS = wordSet(CLAUSE_NON_STARTERS);
export const SPEAKER_SELF = wordSet([...SPEAKER_FIRST_PERSON, ...OTHER_FIRST_PERSON]);
export const LISTENER = wordSet(LISTENER_SECOND_PERSON);
export const WORKER_THINGS = wordSet(WORKER_POSSESSIONS);
export const FINITE = wordSet(FINITE_VERB_CUES);

export const THIRD_PERSON: ReadonlyMap<string, Gender> = new Map([
  ...FEMALE_THIRD_PERSON.map((w) => [w, 'female'] as const),
  ...MALE_THIRD_PERSON.map((w) => [w, 'male'] as const),
  ...PLURAL_THIRD_PERSON.map((w) => [w, 'plural'] as const),
]);

export const SPEAKER_GENDER: ReadonlyMap<string, Gender> = new Map([
  ...FEMALE_SPEAKERS.map((w) => [w, 'female'] as const),
  ...MALE_SPEAKERS.map((w) => [w, 'male'] as const),
  ...PLURAL_SPEAKERS.map((w) => [w, 'plural'] as const),
]);

export const SETTINGS = wordSet(SETTING_NOUNS);
export const SETTING_PREPOSITIONS = wordSet(SETTING_PREPOSITION_WORDS);
export const SETTING_DETERMINERS = wordSet(SETTING_DETERMINER_WORDS);
export const CONJUNCTIONS = wordSet(CLAUSE_CONJUNCTIONS);
export const RECIPIENT_PREPOSITIONS = wordSet(RECIPIENT_PREPOSITION_WORDS);
export const DAYS = wordSet(WEEKDAYS);
export const STUDENT_WORDS = wordSet(STUDENT_NOUNS);
export const ACTIONS = wordSet([...ACTION_OPENERS, ...OTHER_ACTION_OPENERS]);
export const NO_ACTION = wordSet([...NO_ACTION_AFTER, ...OTHER_NO_ACTION_AFTER]);
export const NO_WORDS = wordSet(OTHER_NO_WORDS);
/** The speaker's own voice, in English and in the other languages' first person ("mis papás pelean"). */
export const OWN_VOICE = wordSet([...OWN_VOICE_WORDS, ...OTHER_FIRST_PERSON]);
export const CALLS = wordSet(CALL_VERBS);
export const SUMMARY_OPEN = wordSet(SUMMARY_OPENERS);
export const DIRECT_CUES = wordSet(DIRECT_SPEECH_CUES);
export const BE = wordSet(BE_FORMS);
export const DIRECT_OPEN = wordSet(DIRECT_OPENERS);
export const ATTRIBUTIVE = wordSet(ATTRIBUTIVE_DETERMINERS);
export const WRITING = wordSet(WRITING_VERBS);
/** One-word answers that, without a question before them, fill a form field ("Interpreter: no."). */
export const YES_NO = wordSet(['yes', 'no', 'y', 'n', 'si', 'sí', 'sim', 'não', 'none', 'n/a', 'na']);
