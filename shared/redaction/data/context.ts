// Source: the Sole Notes labelling policy (../shared/redaction/POLICY.md: "Negation, doubt, history
// or another person do not make it safe ... The checker may label such context (negated,
// uncertain, family, historical) but still reports the span"), turned into English cue words in
// the manner of NegEx-style clinical context detection. Written by hand for this project.

/** Before a condition: it is denied or absent ("no history of ADHD", "denies SI"). */
export const NEGATION_BEFORE: readonly string[] = [
  'no', 'not', 'denies', 'denied', 'deny', 'denying', 'without', 'never', 'negative', "doesn't", "don't", "didn't",
  "isn't", "wasn't", 'nor', 'absent', 'free', 'ruled',
];
/** After a condition: it is denied or absent ("SI - denied", "autism was ruled out"). */
export const NEGATION_AFTER: readonly string[] = ['denied', 'negative', 'ruled', 'absent', 'unlikely', 'excluded'];

/** Doubt: suspected, possible, being evaluated. */
export const UNCERTAIN_BEFORE: readonly string[] = [
  'possible', 'possibly', 'probable', 'probably', 'prob', 'maybe', 'might', 'may', 'could', 'suspected', 'suspects',
  'suspect', 'wonders', 'wondering', 'wonder', 'rule', 'r/o', 'ro', 'provisional', 'differential', 'query', 'questionable',
  'likely', 'concern', 'concerns', 'concerned', 'signs', 'symptoms', 'consistent', 'thinks', 'think', 'unsure', 'whether',
  'if', 'evaluated', 'eval', 'evaluation', 'tested', 'testing', 'screened', 'screen', 'screening', 'assess', 'assessed',
  'assessment', 'sure', 'seems', 'seem', 'looks', 'pending', 'potential', 'worried', 'worries', 'showing', 'traits',
  'features', 'reported',
];
export const UNCERTAIN_AFTER: readonly string[] = ['?', 'concerns', 'concern', 'suspected', 'pending', 'possible', 'screen', 'screening'];

/** Another person in the family, the subject of the condition ("dad has social anxiety"). */
export const FAMILY_MEMBERS: readonly string[] = [
  'mom', "mom's", 'mother', "mother's", 'dad', "dad's", 'father', "father's", 'stepmom', 'stepdad', 'stepmother',
  'stepfather', 'parent', 'parents', "parent's", 'brother', "brother's", 'sister', "sister's", 'sibling', 'siblings', 'sib',
  'sibs', 'grandma', "grandma's", 'grandpa', "grandpa's", 'grandmother', 'grandfather', 'grandparent', 'grandparents',
  'aunt', "aunt's", 'uncle', "uncle's", 'cousin', "cousin's", 'family', 'boyfriend', "boyfriend's", 'girlfriend',
  "girlfriend's", 'stepsister', 'stepbrother', 'twin', 'relative', 'relatives', 'husband', 'wife', 'guardian',
];
/** A family member is the subject when one of these follows it ("mom has", "grandpa had"). */
export const FAMILY_LINKS: readonly string[] = [
  'has', 'had', 'have', 'is', 'was', 'with', 'takes', 'took', 'on', 'gets', 'got', 'in', 'also', 'herself', 'himself',
  'struggles', 'struggled', 'treated', 'diagnosed', 'dx', 'history', 'hx', 'suffers', 'started', 'stopped', 'uses',
];

/** The condition is in the past ("history of", "old records", "last year"). */
export const HISTORICAL_CUES: readonly string[] = [
  'history', 'hx', 'past', 'previously', 'previous', 'prior', 'formerly', 'former', 'old', 'archived', 'ago', 'once',
  'stopped', 'until', 'used', 'earlier', 'last', 'childhood', 'toddler', 'kinder', 'kindergarten',
  'preschool', 'originally', 'back', 'remission', 'resolved',
];
