// Source: POLICY.md ("verbatim": unquoted first-person reported speech and transcript lines;
// "Cases decided": the same rules hold in any language, and words relayed word for word by an
// interpreter are verbatim), turned into the closed word classes of the languages families
// in US schools most often speak after English: Spanish and Portuguese speech verbs and
// first-person pronouns, Haitian Creole and Vietnamese first-person pronouns, and the kin
// words families use for a parent or grandparent (Spanish, Portuguese, Haitian Creole,
// Vietnamese, Arabic). Written by hand for this project from standard grammars.

/** Verbs that introduce what someone said or wrote ("ele disse …", "la mamá dijo …"). */
export const OTHER_SPEECH_VERBS: readonly string[] = [
  // Spanish
  'dijo', 'dice', 'dijeron', 'dicen', 'contó', 'conto', 'escribió', 'escribio', 'preguntó', 'pregunto', 'gritó', 'grito',
  'respondió', 'respondio', 'repitió', 'repitio',
  // Portuguese
  'disse', 'diz', 'disseram', 'falou', 'fala', 'contou', 'escreveu', 'perguntou', 'gritou', 'respondeu', 'repetiu',
  // Vietnamese
  'nói',
];

/** First-person words that open someone's own words ("ele disse eu não aguento mais"). */
export const OTHER_FIRST_PERSON: readonly string[] = [
  'yo', 'mi', 'mis', 'nosotros', 'nosotras', 'eu', 'meu', 'minha', 'nós', 'mwen', 'nou', 'tôi', 'chúng tôi',
];

/** Kin and role words for a speaker label ("Mamá:", "Mãe:", "Baba:", "Manman:"). */
export const OTHER_SPEAKER_ROLES: readonly string[] = [
  'mamá', 'papá', 'abuelita', 'abuelito', 'tía', 'tío', 'tia', 'tio', 'mãe', 'mae', 'pai', 'avó', 'avô', 'manman',
  'granmè', 'grann', 'baba', 'umm', 'ummi', 'jiddo', 'teta', 'mẹ', 'bố', 'bà', 'ông', 'chị', 'anh', 'madre', 'padre',
];

/** Words that make a line after a speaker label read as speech in those languages. */
export const OTHER_SPEECH_WORDS: readonly string[] = [
  'que', 'no', 'es', 'está', 'esta', 'tiene', 'quiero', 'puedo', 'não', 'nao', 'é', 'está', 'tem', 'quero', 'posso',
  'ela', 'ele', 'él', 'ella', 'li', 'pa', 'không', 'nó',
];
