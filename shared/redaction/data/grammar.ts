// Source: closed classes of English grammar that the verbatim rules of POLICY.md lean on
// (object pronouns, the modal and past forms of "backshift" that mark indirect speech,
// first-person forms, prepositions and determiners of a setting or a recipient, weekday
// names), and the kin and role words a school social worker writes for a speaker. Written
// by hand for this project; moved here unchanged from the verbatim detector.

/** Object pronouns after a speech verb ("told me", "asked them"). */
export const OBJECT_PRONOUNS: readonly string[] = ['me', 'us', 'him', 'her', 'them'];

/** Forms that, right after "I" or "we", report speech indirectly ("she said I could …"). */
export const BACKSHIFTED_FORMS: readonly string[] = ['could', 'would', 'should', 'might', 'must', 'was', 'were', 'had'];

/** Forms that report indirectly after a speech verb with an object ("told him I needed …"). */
export const BACKSHIFTED_AFTER_OBJECT: readonly string[] = ['did', 'needed', 'wanted', 'used'];

/** First-person words that only someone's own speech holds inside a quotation. */
export const FIRST_PERSON_STRONG_WORDS: readonly string[] = [
  'i', "i'm", "i've", "i'll", "i'd", 'im', 'me', 'my', 'mine', 'myself', 'we', "we're", "we've", "we'll", "we'd", 'us', 'our',
];

/** First-person words that cannot open reported speech ("said me …" is not speech). */
export const NOT_SPEECH_OPENERS: readonly string[] = ['me', 'mine', 'myself', 'us', 'ours'];

/** Prepositions and determiners of a setting: "on her exit ticket", "in group". */
export const SETTING_PREPOSITION_WORDS: readonly string[] = ['on', 'in', 'during', 'at', 'through', 'over', 'under', 'by', 'via', 'after', 'before'];
export const SETTING_DETERMINER_WORDS: readonly string[] = ['the', 'a', 'an', 'his', 'her', 'their', 'my'];

/** Conjunctions that carry the worker's "I" into the next verb ("I called mom and said …"). */
export const CLAUSE_CONJUNCTIONS: readonly string[] = ['and', 'then', 'but', 'so'];

/** Prepositions before a recipient ("reported the incident to me"). */
export const RECIPIENT_PREPOSITION_WORDS: readonly string[] = ['to', 'with', 'for', 'from', 'toward', 'towards'];

/** Weekday names: "Monday:" heads a list, it is not a speaker. */
export const WEEKDAYS: readonly string[] = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'weds', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
];

/** Words for the student as a speaker ("the student said"). */
export const STUDENT_NOUNS: readonly string[] = ['student', 'kid', 'child', 'boy', 'girl'];

/** Role words that are not a speaker worth naming in a suggestion ("Me:", "Q:", "SW:"). */
export const UNNAMED_ROLES: readonly string[] = ['me', 'q', 'a', 'sw', 'worker', 'interviewer'];

/** Kin words used as they are in a suggestion ("what mom said"); other roles get "the". */
export const KIN_ROLES: readonly string[] = ['mom', 'dad', 'grandma', 'grandpa', 'stepdad', 'stepmom', 'nana', 'granny', 'auntie', 'mum', 'mama', 'papa'];

/** Words that may lead up to a title cue before a quotation ("a book called '…'"). */
export const TITLE_LEAD_WORDS: readonly string[] = ['the', 'a', 'an', 'called', 'titled', 'named', 'book', 'song', 'our', 'his', 'her', 'their'];

/** Words after "the '…'" that end a phrase rather than name a noun the quotation describes. */
export const NOT_ATTRIBUTIVE_AFTER: readonly string[] = ['and', 'or', 'but', 'to', 'from'];

/** Time and frequency adverbs allowed between a speech verb and the words it reports. */
export const MANNER_TIME_ADVERBS: readonly string[] = ['again', 'twice', 'once', 'later', 'today', 'yesterday', 'also', 'just'];
