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
  'respondió', 'respondio', 'repitió', 'repitio', 'dije', 'dijimos',
  // Portuguese
  'disse', 'diz', 'disseram', 'falou', 'fala', 'contou', 'escreveu', 'perguntou', 'gritou', 'respondeu', 'repetiu',
  // Vietnamese
  'nói',
  // Haitian Creole ("Papa a di: …")
  'di',
];

/** Of those, the verbs that report a whole clause without "que" ("Estudiante dijo ya no quiero vivir"). */
export const OTHER_CLAUSE_VERBS: readonly string[] = ['dijo', 'dice', 'dijeron', 'disse', 'diz', 'falou', 'escribió', 'escreveu'];

/** First-person words that open someone's own words ("ele disse eu não aguento mais"). */
export const OTHER_FIRST_PERSON: readonly string[] = [
  'yo', 'mi', 'mis', 'nosotros', 'nosotras', 'eu', 'meu', 'minha', 'nós', 'mwen', 'nou', 'tôi', 'chúng tôi',
  // Spanish and Portuguese verbs in the first person carry the speaker without a pronoun ("ya no quiero vivir")
  'quiero', 'puedo', 'tengo', 'estoy', 'soy', 'voy', 'necesito', 'aguanto', 'quero', 'posso', 'tenho', 'estou', 'sou',
  'vou', 'preciso', 'aguento',
];

/** Kin and role words for a speaker label ("Mamá:", "Mãe:", "Baba:", "Manman:"). */
export const OTHER_SPEAKER_ROLES: readonly string[] = [
  'mamá', 'papá', 'abuelita', 'abuelito', 'tía', 'tío', 'tia', 'tio', 'mãe', 'mae', 'pai', 'avó', 'avô', 'manman',
  'granmè', 'grann', 'baba', 'umm', 'ummi', 'jiddo', 'teta', 'mẹ', 'bố', 'bà', 'ông', 'chị', 'anh', 'madre', 'padre',
];

/** Words that make a line after a speaker label read as speech in those languages. */
export const OTHER_SPEECH_WORDS: readonly string[] = [
  'que', 'no', 'es', 'está', 'esta', 'tiene', 'quiero', 'puedo', 'não', 'nao', 'é', 'está', 'tem', 'quero', 'posso',
  'ela', 'ele', 'él', 'ella', 'li', 'pa', 'không', 'nó', 'le', 'se', 'lo', 'ya', 'pero', 'porque', 'muy', 'mas', 'porque',
];

/** Lines of a phone log in Spanish and Portuguese that record what was done ("Pai: não atendeu x2", "Mãe: ligar amanhã"). */
export const OTHER_ACTION_OPENERS: readonly string[] = [
  'ligar', 'liguei', 'llamar', 'llamé', 'llame', 'deixei', 'dejé', 'deje', 'mandar', 'mandé', 'enviar', 'envié', 'enviei',
  'marcar', 'marcado', 'agendado', 'agendada', 'programada', 'programado',
];
/** After "no" / "não": no answer, no reply. */
export const OTHER_NO_ACTION_AFTER: readonly string[] = ['atendeu', 'contestó', 'contesto', 'respondeu', 'respondió', 'respondio', 'contesta', 'atende'];
export const OTHER_NO_WORDS: readonly string[] = ['no', 'não', 'nao'];
