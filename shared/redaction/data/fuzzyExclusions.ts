// Source: English words from the SCOWL-based word list of the Debian package wamerican
// (/usr/share/dict/words), kept only where one edit away from a long lexicon word, by
// scripts/build-fuzzy-exclusions.ts. Do not edit by hand; run the script.

/** Real words that the spelling-slip matcher must not read as a lexicon word ("concerts" is not Concerta). */
export const FUZZY_EXCLUSIONS: ReadonlySet<string> = new Set([
  'ability', 'amphetamines', 'anorexics', 'artistic', 'bipolar', 'catalonia', 'catatonics', 'compulsion', 'concert', 'concerti',
  'concerto', 'concerts', 'concetta', 'depressives', 'dissociate', 'dyslexics', 'epileptics', 'flashback', 'hallucinate', 'methadon',
  'obsession', 'overdoes', 'overdone', 'overdoses', 'paranoid', 'psychoses', 'psychotics', 'schizophrenics', 'seizure', 'shimming',
  'skimming', 'slimming', 'stemming', 'swimming', 'valiums',
]);
