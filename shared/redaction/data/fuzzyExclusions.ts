// Source: English and Spanish words from the word lists of the Debian packages wamerican
// (SCOWL, /usr/share/dict/words) and wspanish (/usr/share/dict/spanish), kept only where one
// edit away from a long lexicon word or sounding the same as one, by
// scripts/build-fuzzy-exclusions.ts. Do not edit by hand; run the script.

/** Real words that the spelling matcher must not read as a lexicon word ("concerts" is not Concerta, "buscar" is not Buspar). */
export const FUZZY_EXCLUSIONS: ReadonlySet<string> = new Set([
  'ability', 'aderar', 'adral', 'amphetamines', 'anorexics', 'artistic', 'asperges', 'austero', 'bipolar', 'buscar',
  'campal', 'catalonia', 'catatonics', 'celera', 'compulsion', 'concepta', 'concert', 'concertar', 'concerti', 'concerto',
  'concerts', 'concetta', 'concreta', 'depressives', 'disassociate', 'dissociate', 'dyslexics', 'epileptics', 'flashback', 'hallucinate',
  'jornal', 'lanuda', 'latida', 'lauda', 'methadon', 'obsession', 'overdoes', 'overdone', 'overdoses', 'paranoica',
  'paranoid', 'psychoses', 'psychotics', 'remero', 'schizophrenics', 'seizure', 'shimming', 'skimming', 'slimming', 'stemming',
  'stymying', 'swimming', 'valiums',
]);
