// Source: the Sole Notes labelling policy (../shared/redaction/POLICY.md: "diagnostic phrasing
// around a condition ... The span covers the phrase and the condition"), with the
// abbreviations and variants used in clinical shorthand. Written by hand for this project.

/**
 * Phrases that state a diagnosis whatever follows them: the next noun phrase is
 * taken as the condition even when it is not in the lexicon
 * ("diagnosed with trichotillomania").
 */
export const STRONG_PHRASES: readonly string[] = [
  'diagnosed with', 'diagnosed w', 'diagnosed as', 'diagnosed as having', 'dx with', 'dx w', "dx'd with", "dx'd w",
  'dxd with', 'dxed with', "dx'ed with", 'dx of', 'diagnosis of', 'diagnoses of', 'a diagnosis of', 'meets criteria for',
  'met criteria for', 'meets full criteria for', 'meets the criteria for', 'meets dsm criteria for', 'meet criteria for',
  'meeting criteria for', 'provisional dx of', 'provisional diagnosis of', 'working diagnosis of', 'working dx of',
  'differential diagnosis of', 'differential dx of', 'new diagnosis of', 'formal diagnosis of', 'clinical diagnosis of',
];

/**
 * Phrases that state a diagnosis only next to a known condition: alone they are
 * ordinary English ("can't rule out a schedule change", "provisional schedule",
 * "differential reinforcement", "consistent with what her aunt said").
 */
export const WEAK_PHRASES: readonly string[] = [
  'dx', "dx'd", 'dxd', 'diagnosed', 'rule out', 'rules out', 'r/o', 'ro', 'provisional', 'provisional dx',
  'provisional diagnosis', 'differential', 'differential includes', 'differential dx', 'differential diagnosis', 'ddx',
  'consistent with', 'consistent w', 'c/w', 'sx of', 'sxs of', 'symptoms consistent with', 'symptoms of', 'symptom of', 'signs and symptoms of', 'presentation consistent with',
  'features of', 'criteria for', 'meets criteria', 'diagnosis', 'working diagnosis',
];

/** Words allowed between a phrase and its condition ("rule out a possible …"). */
export const PHRASE_FILLERS: readonly string[] = [
  'a', 'an', 'the', 'possible', 'probable', 'likely', 'suspected', 'some', 'mild', 'moderate', 'severe', 'of', ':',
  'both', 'either', 'including', 'includes', 'include',
];

/** Words that end the noun phrase after a strong phrase ("diagnosed with autism at 3"). */
export const NOUN_PHRASE_STOPS: readonly string[] = [
  'in', 'at', 'on', 'by', 'from', 'since', 'last', 'this', 'that', 'when', 'after', 'before', 'and', 'or', 'but', 'per',
  'as', 'age', 'aged', 'years', 'year', 'months', 'month', 'weeks', 'grade', 'which', 'who', 'so', 'because', 'today',
  'yesterday', 'recently', 'back', 'early', 'earlier', 'while', 'during', 'until', 'is', 'was', 'are', 'were', 'has',
  'had', 'have', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'not', 'no', 'to', 'for', 'with', 'he',
  'she', 'they', 'it', 'we', 'i', 'you', 'her', 'his', 'their', 'by', 'about', 'over', 'under', 'then', 'also', 'too',
  'but', 'if', 'though', 'although', 'yet', 'via', 'through', 'pending', 'now', 'still', 'already', 'again',
];

/** Clinical shorthand that needs a capital D to be the diagnosis abbreviation. */
export const DX_WORDS: readonly string[] = ['dx', "dx'd", 'dxd', 'dxed', "dx'ed"];

/**
 * Words that announce a diagnostic code ("code f90 0", "ICD f41 1"): after one of them a
 * code of the ICD-10-CM list counts in lower case and with a space for the dot.
 */
export const CODE_CUE_WORDS: readonly string[] = ['code', 'codes', 'coded', 'icd', 'icd-10', 'icd10', 'icd-10-cm', 'dx', 'diagnosis', 'dsm'];
