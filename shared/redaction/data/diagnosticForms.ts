// Source: the Sole Notes labelling policy (../shared/redaction/POLICY.md, "diagnostic" and
// "Cases decided": "ADD to agenda" and "manic Monday" are clean, "purging", "restricting"
// and "flashback" count only in their clinical sense), with the common capital
// abbreviations of DSM-5-TR condition names. Written by hand for this project; moved here
// unchanged from the diagnostic detector.

/** Capital abbreviations that are English words too ("ADD to agenda", "ODD numbers"): flagged only beside clinical words. */
export const WORDLIKE_ABBREVIATIONS: readonly string[] = ['ADD', 'ODD', 'RAD', 'SAD'];

/** Clinical words used casually: flagged about a person, not about a day or the weather ("manic Monday"). */
export const CASUAL_CLINICAL_WORDS: readonly string[] = ['manic', 'bipolar', 'psychotic', 'psycho', 'schizo'];

/** Forms of symptom words that have an ordinary sense too; each is judged by the words around it. */
export const PURGING_FORMS: readonly string[] = ['purging', 'purges', 'purged', 'purge'];
export const RESTRICTING_FORMS: readonly string[] = ['restricting', 'restricts', 'restricted'];
export const SUICIDE_FORMS: readonly string[] = ['suicide'];
export const FLASHBACK_FORMS: readonly string[] = ['flashback'];

/** Abbreviations of four letters or more, for letters typed out of order ("PSTD"). */
export const LONG_ABBREVIATIONS: readonly string[] = ['ADHD', 'PTSD', 'DMDD', 'CPTSD', 'NSSI'];

/** Capital abbreviations, for letters spelled out one by one ("A D H D"). */
export const SPELLED_ABBREVIATIONS: readonly string[] = ['ADHD', 'PTSD', 'OCD', 'ODD', 'ADD', 'GAD', 'ASD', 'MDD', 'DMDD', 'BPD', 'RAD', 'SI', 'HI', 'NSSI', 'TDAH'];

/** Craft words after "cutting and …": classroom scissors, not self-harm ("cutting and pasting"). */
export const CRAFT_WORDS: readonly string[] = ['pasting', 'paste', 'gluing', 'glue', 'coloring', 'colouring', 'folding', 'sorting', 'drawing'];

/** Lower-case endings that turn a capital abbreviation into an ordinary word ("ADD-ing", "ODD-ly"). */
export const WORD_ENDINGS: readonly string[] = ['ing', 'ed', 'er', 'ly', 's', 'd'];
