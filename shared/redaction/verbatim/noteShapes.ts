import { isSentenceEnd, type Token, type Tokens } from '../text';

/**
 * The shape of a whole note that changes how its labelled lines read: a SOAP
 * note's sections, the minutes of a staff meeting, a clause that says the
 * words after it are exact, and the line each token stands on.
 */

/** The line of each token, counted once per note. */
const LINES = new WeakMap<Tokens, Int32Array>();
export function lineOf(t: Tokens): Int32Array {
  let lines = LINES.get(t);
  if (lines === undefined) {
    lines = new Int32Array(t.tokens.length);
    let line = 0;
    t.tokens.forEach((token, index) => {
      if (token.lineBefore) line += 1;
      (lines as Int32Array)[index] = line;
    });
    LINES.set(t, lines);
  }
  return lines;
}


/** Most words a form's field name has ("Contact type", "Next steps"). */
const MAX_FIELD_WORDS = 3;
/** Fields after pipes on one line: "| Me: … | Mom: …" is a text thread of two turns. */
const MIN_FIELDS = 3;

/**
 * "Date: 12/2 | Student: Delia R. | Contact type: group | Summary: …": lines
 * that are a form's fields, three or more "Name: value" after pipes. Their
 * names are fields, never speakers ("Student:" heads a name, not her words).
 * A chat's senders come back by name (chatLogs.ts); a form names each field
 * once.
 */
export function fieldRecordLines(t: Tokens): Set<number> {
  const lines = lineOf(t);
  const fields = new Map<number, string[]>();
  const tokens = t.tokens;
  for (const bar of tokens) {
    if (bar.text !== '|') continue;
    let index = bar.index + 1;
    while (index - bar.index <= MAX_FIELD_WORDS && tokens[index]?.type === 'word' && tokens[index]?.lineBefore === false) index += 1;
    if (index > bar.index + 1 && tokens[index]?.text === ':') {
      const line = lines[bar.index] as number;
      const names = fields.get(line) ?? [];
      names.push(tokens.slice(bar.index + 1, index).map((token) => token.lower).join(' '));
      fields.set(line, names);
    }
  }
  return new Set([...fields].filter(([, names]) => names.length >= MIN_FIELDS && new Set(names).size === names.length).map(([line]) => line));
}

/** School and agency staff whose lines in minutes are mostly what they reported, in the third person. */
export const STAFF_ROLES = new Set(['principal', 'ap', 'custodian', 'nurse', 'sro', 'po', 'counselor', 'counsellor', 'teacher', 'psych', 'psychologist', 'coach', 'dean', 'secretary', 'officer', 'caseworker', 'cw', 'coordinator', 'liaison', 'slp', 'ot', 'pt', 'admin', 'director', 'registrar', 'aide', 'para']);

/** Minutes of a staff meeting: three or more different staff roles as labels. */
export function staffMinutes(t: Tokens): boolean {
  const roles = new Set<string>();
  // The worker's own turns ("SW:", "Me:") count towards a meeting but are never read as a staff member reporting.
  for (const token of t.tokens) if ((STAFF_ROLES.has(token.lower) || token.lower === 'sw' || token.lower === 'team') && t.tokens[token.index + 1]?.text === ':') roles.add(token.lower);
  return roles.size >= 3;
}

/**
 * The section letters of a structured note: SOAP (Subjective, Objective,
 * Assessment, Plan), DAP (Data, Assessment, Plan), BIRP and GIRP (Behaviour or
 * Goal, Intervention, Response, Plan). A note is one of them when it names the
 * format, or uses three of its letters as labels (all three for DAP).
 */
export function noteSections(t: Tokens): ReadonlySet<string> {
  const labels = new Set<string>();
  const named = new Set<string>();
  for (const token of t.tokens) {
    if (SECTION_FORMATS.has(token.lower)) named.add(token.lower);
    if (token.text.length === 1 && t.tokens[token.index + 1]?.text === ':') labels.add(token.text);
  }
  for (const [name, letters] of SECTION_FORMATS) {
    if (named.has(name) || letters.filter((letter) => labels.has(letter)).length >= 3) return new Set(letters);
  }
  return NO_SECTIONS;
}

const SECTION_FORMATS = new Map<string, readonly string[]>([
  ['soap', ['S', 'O', 'A', 'P']],
  ['dap', ['D', 'A', 'P']],
  ['birp', ['B', 'I', 'R', 'P']],
  ['girp', ['G', 'I', 'R', 'P']],
]);
const NO_SECTIONS: ReadonlySet<string> = new Set();

/**
 * The words of the clause that ends at a colon, in order: back to the end of
 * the sentence before, another colon or the start of the line, at most
 * `limit` words.
 */
export function clauseBefore(t: Tokens, colon: Token, limit: number): Token[] {
  const words: Token[] = [];
  for (let index = colon.index - 1; index >= 0 && words.length < limit; index -= 1) {
    const token = t.tokens[index] as Token;
    if (isSentenceEnd(t, token) || token.text === ':') break;
    if (token.type !== 'punct') words.unshift(token);
    if (token.lineBefore) break;
  }
  return words;
}

/** Words in the clause before a colon that say what follows is exact ("word for word", "in her handwriting", "verbatim"). */
export function exactClause(t: Tokens, colon: Token): boolean {
  const clause = ` ${clauseBefore(t, colon, 14).map((token) => token.lower).join(' ')} `;
  return EXACT_PHRASES.some((phrase) => clause.includes(` ${phrase} `));
}

const EXACT_PHRASES = ['word for word', 'verbatim', 'handwriting', 'handwritten', 'in his own words', 'in her own words', 'in their own words', 'exact words'];
