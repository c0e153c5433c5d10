// Source: the Sole Notes labelling policy (../shared/redaction/POLICY.md, "identifier": phone
// numbers, email addresses, street addresses, dates of birth, student ID numbers, social
// security numbers), with US postal street suffixes and unit designators (USPS Publication 28,
// Appendix C, common forms) and the two-letter state abbreviations. Written by hand for this project.

/** Street suffixes, as written (lower case, without the full stop). */
export const STREET_SUFFIXES: readonly string[] = [
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'av', 'boulevard', 'blvd', 'drive', 'dr', 'lane', 'ln', 'court', 'ct',
  'terrace', 'ter', 'terr', 'way', 'place', 'pl', 'highway', 'hwy', 'parkway', 'pkwy', 'circle', 'cir', 'trail', 'trl',
  'loop', 'pike', 'row', 'square', 'sq', 'path', 'run', 'crossing', 'xing', 'point', 'pt', 'ridge', 'hill', 'hills',
  'heights', 'hts', 'alley', 'aly', 'bend', 'cove', 'cv', 'creek', 'crk', 'expressway', 'expy', 'freeway', 'fwy',
  'grove', 'grv', 'harbor', 'hbr', 'landing', 'lndg', 'manor', 'mnr', 'meadow', 'meadows', 'mdws', 'park', 'pass',
  'plaza', 'plz', 'turnpike', 'tpke', 'view', 'vw', 'vista', 'walk', 'woods', 'crescent', 'close', 'glen', 'green',
  'commons', 'estates', 'est', 'mews', 'oval', 'route', 'rte', 'pkway', 'byway', 'cswy', 'causeway', 'spur', 'trace',
];

/** Suffixes that are safe to accept after lower-case street names ("88 orchard rd"). */
export const STRONG_STREET_SUFFIXES: readonly string[] = [
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'highway', 'hwy',
  'parkway', 'pkwy', 'terrace', 'ter', 'ct', 'cir', 'trl',
];

/** Compass words before or after a street name ("1107 W. Main St"). */
export const DIRECTIONS: readonly string[] = [
  'n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
];

/** Unit designators after a street ("Apt 2", "Unit 2", "Room 118", "#5"). */
export const UNIT_WORDS: readonly string[] = ['apt', 'apartment', 'unit', 'suite', 'ste', 'room', 'rm', 'lot', 'trlr', 'bldg', 'building', 'floor', 'fl', 'space', 'spc'];

/** Words that, a few words before a number, say an address follows even without a street suffix. */
export const ADDRESS_CUES: readonly string[] = ['address', 'lives', 'living', 'live', 'staying', 'moved', 'moving', 'addr', 'resides', 'residence', 'located'];

export const US_STATES: readonly string[] = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
  'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI',
  'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR',
];

/** Words that announce a date of birth. */
export const DOB_CUES: readonly string[] = [
  'dob', 'dobs', 'd.o.b', 'born', 'birthdate', 'birthdates', 'birthday', 'birthdays', 'bday', 'b-day', 'birth',
  // Spanish: "fecha de nacimiento", "nació el …"
  'nacimiento', 'nació', 'nacio', 'fdn',
];

/** Words that announce a student or other ID number. */
export const ID_CUES: readonly string[] = [
  'id', 'ids', 'sid', 'ssid', 'lasid', 'sasid', 'stu', 'student', 'number', 'num', 'no', '#', 'pin', 'lunch', 'medicaid',
  'account', 'acct', 'case', 'record', 'file', 'oen', 'nsn', 'gtid', 'osis', 'usi', 'state', 'district', 'ssn',
];

/** Words that announce a social security number. */
export const SSN_CUES: readonly string[] = ['ssn', 'ss#', 'social', 'ss', 'security'];

/** Words that announce a phone number. */
export const PHONE_CUES: readonly string[] = [
  'phone', 'cell', 'call', 'text', 'tel', 'number', 'mobile', 'landline', 'fax', 'ph', 'contact', 'reach',
  // the verb forms a log line uses ("dad called from 555 0192", "texted from …")
  'called', 'calls', 'calling', 'texted', 'texting', 'dialed', 'dial', 'phoned', 'line',
];

/**
 * Words before a number that make it a confirmation, reference or intake number, which
 * POLICY.md ("Cases decided": room, bus, locker and confirmation numbers are not identifiers)
 * leaves clean: "Fax confirmation 0045112", "conf #88213", "CPS ref 20931".
 */
export const CONFIRMATION_CUES: readonly string[] = [
  'confirmation', 'confirmations', 'conf', 'confirm', 'ref', 'reference', 'receipt', 'tracking', 'ticket', 'invoice',
  'claim', 'transaction',
  // a utility's or an agency's account with the family, not a person's number: "Acct # 0042-118-7730"
  'acct', 'account',
  // numbers of a service or a staff member, not of the family: "interpreter ID 40211", "language line account 77-1209"
  'interpreter', 'interpreter\'s', 'badge', 'employee', 'operator', 'language',
];

/** Month names and abbreviations, for dates written in words ("Sept 3, 2011"). */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4], ['may', 5],
  ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9], ['sept', 9], ['sep', 9],
  ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
  // Spanish ("12 de marzo de 2014")
  ['enero', 1], ['febrero', 2], ['marzo', 3], ['abril', 4], ['mayo', 5], ['junio', 6], ['julio', 7], ['agosto', 8],
  ['septiembre', 9], ['setiembre', 9], ['octubre', 10], ['noviembre', 11], ['diciembre', 12],
]);

/** Phone extensions ("ext. 3", "x204"). */
export const EXTENSION_WORDS: readonly string[] = ['ext', 'extension', 'x'];

// Source: English ordinal and cardinal number words, as dates are spoken and dictated
// ("the third of March, 2012", "March twenty-first 2011", "born in twenty twelve").

/** Ordinal words for days of the month; "twenty-first" is "twenty" + "first". */
export const DAY_ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14], ['fifteenth', 15],
  ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30],
]);
/** Tens that join an ordinal word ("twenty-first", "thirty first"). */
export const DAY_TENS_WORDS: ReadonlyMap<string, number> = new Map([['twenty', 20], ['thirty', 30]]);

/** Words for years said aloud: "twenty twelve", "two thousand eleven". */
export const YEAR_WORDS: ReadonlySet<string> = new Set(['twenty', 'two', 'thousand', 'nineteen', 'oh', 'and']);
/** Number words that end a year said aloud ("… eleven", "… fourteen"). */
export const YEAR_TAIL_WORDS: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy',
  'eighty', 'ninety',
]);

/** Words for "@" and "." in an email spelled out so that it is not a link, in English, Spanish and Portuguese ("mgarcia arroba example punto com"). */
export const EMAIL_AT_WORDS: readonly string[] = ['at', 'arroba'];
export const EMAIL_DOT_WORDS: readonly string[] = ['dot', 'punto', 'ponto'];

/** Digit words as a number is read aloud or dictated ("five oh three, five five five …"), with their digit. */
export const DIGIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['zero', '0'], ['oh', '0'], ['o', '0'], ['one', '1'], ['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'],
  ['six', '6'], ['seven', '7'], ['eight', '8'], ['nine', '9'],
]);

/** Top-level domains an email spelled out in words ends with ("name at example dot com"). */
export const EMAIL_TLDS: ReadonlySet<string> = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'us', 'mil', 'io', 'co', 'info', 'biz', 'me', 'uk', 'ca', 'mx', 'es', 'de',
]);
