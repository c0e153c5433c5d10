/**
 * Every regular expression the redaction check uses lives here, so that
 * `tests/redaction/redos.test.ts` can prove each one runs in linear time
 * (recheck: status 'safe'). The check itself is a tokenizer, lexicon look-ups
 * and small state machines; these patterns only classify single, short tokens
 * and are all anchored at both ends.
 */

/** One non-ASCII code unit (or pair) that is a letter or a combining mark. */
export const NON_ASCII_LETTER = /^[\p{L}\p{M}]$/u;

/** An ICD-10-CM category as written in a note: a capital letter and two digits (`F90`). */
export const ICD10_CATEGORY = /^[A-Z]\d{2}$/;

/** What follows the dot of an ICD-10-CM code (`0`, `820`, `4XXA`). */
export const ICD10_SUBCODE = /^[0-9][0-9A-Z]{0,3}$/;

/** A DSM-IV / ICD-9-CM "V code" category (`V61`). */
export const DSM_V_CATEGORY = /^V\d{2}$/;

/** A house number on a street address: `712`, `12B`. */
export const HOUSE_NUMBER = /^\d{1,6}[A-Za-z]?$/;

/** An ordinal street name: `3rd`, `21st`. */
export const ORDINAL = /^\d{1,3}(?:st|nd|rd|th)$/i;

/** An apartment or unit number: `2`, `5C`, `B`. */
export const UNIT_NUMBER = /^(?:\d{1,5}[A-Za-z]?|[A-Za-z]\d{0,4})$/;

/** A letter-prefixed ID number: `S1234567`. */
export const PREFIXED_ID = /^[A-Za-z]{1,3}\d{6,12}$/;

/** A ZIP code, 5 digits. */
export const ZIP5 = /^\d{5}$/;

/** A US state abbreviation as written in an address: two capitals. */
export const STATE_ABBREVIATION = /^[A-Z]{2}$/;

/** One character (code point) of a word for the quotation model: a letter or a digit of any script (learned/quoteFeatures.ts). */
export const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/** One letter of any script: what may follow an apostrophe inside a word ("don't"). */
export const LETTER = /^\p{L}$/u;

/** One upper-case letter of any script. */
export const UPPERCASE_LETTER = /^\p{Lu}$/u;

export const ALL_PATTERNS: readonly RegExp[] = [
  NON_ASCII_LETTER,
  ICD10_CATEGORY,
  ICD10_SUBCODE,
  DSM_V_CATEGORY,
  HOUSE_NUMBER,
  ORDINAL,
  UNIT_NUMBER,
  PREFIXED_ID,
  ZIP5,
  STATE_ABBREVIATION,
  WORD_CHARACTER,
  LETTER,
  UPPERCASE_LETTER,
];
