import { KIN_ROLES, UNNAMED_ROLES } from '../data/grammar';
import { MONTHS } from '../data/identifiers';
import { isCapitalized, isSentenceEnd, type Token, type Tokens } from '../text';
import { CALLS, CLINICIANS, DAYS, DOCUMENTS, EXACT_WORDS, HEADINGS, HONORIFIC, MODIFIERS, ROLES, SETTING_PREPOSITIONS, SETTINGS, SPEECH, STUDENT_WORDS, WRITINGS } from './vocabulary';

/**
 * Who spoke: speaker labels before a colon ("Mom:", "Mr. Ortega:", "Text from
 * dad:") and the role words near a speech verb, shared by the quotation,
 * transcript and reported-speech rules.
 */

/** The role word among the few words before `index` ("Mom said", "Ty's grandma said"). */
export function roleNear(t: Tokens, index: number): string | undefined {
  let seen = 0;
  for (let k = index; k >= 0 && seen < 4; k -= 1) {
    const token = t.tokens[k] as Token;
    if (isSentenceEnd(t, token)) break;
    if (token.type === 'punct') continue;
    seen += 1;
    if (STUDENT_WORDS.has(token.base)) return 'the student';
    if (ROLES.has(token.base) && !UNNAMED_ROLES.includes(token.base)) return describeRole(token.base);
  }
  return undefined;
}

function describeRole(role: string): string {
  if (KIN_ROLES.includes(role)) return role;
  if (role === 'ap') return 'the assistant principal';
  if (role === 'sro') return 'the school resource officer';
  return `the ${role}`;
}

export interface Label {
  words: Token[];
  who?: string;
  /** The label says the words were written: "Mom (text 7:10):". */
  written?: boolean;
  /** The speaker is followed by an aside after a comma: "Jade, about her older sister:". */
  aside?: boolean;
  /** A time followed the speaker: "Text Marco 2:14am:". */
  timed?: boolean;
}

/** Most words of a second aside in a speaker's label ("Mom, at end of mtg, crying:"). */
const MAX_ASIDE_WORDS = 6;

/** The words between the start of the clause and the colon, if they can be a speaker label. */
export function labelBefore(t: Tokens, colon: Token): Label | undefined {
  const tokens = t.tokens;
  let index = colon.index - 1;
  let written = false;
  // "Mom (phone):" — a parenthetical right before the colon is not part of the name.
  if (tokens[index]?.text === ')') {
    let k = index - 1;
    while (k >= 0 && index - k < 16 && tokens[k]?.text !== '(') k -= 1;
    if (tokens[k]?.text !== '(') return undefined;
    // "(text 7:10)", "(interpreter, word for word)": what follows is that person's exact words.
    for (let j = k + 1; j < index; j += 1) if (WRITINGS.has((tokens[j] as Token).lower) || EXACT_WORDS.has((tokens[j] as Token).lower)) written = true;
    index = k - 1;
  }
  const words: Token[] = [];
  let commaSeen = false;
  let secondAside = false;
  let aside = false;
  let withSlash = false;
  while (index >= 0) {
    const token = tokens[index] as Token;
    if (token.type === 'punct') {
      if (token.text === '.' && isHonorificDot(t, token)) {
        index -= 1;
        continue;
      }
      // "Teams chat w/ Mr. Adeyemi, 1:02:": a time after a comma is not an aside.
      if (token.text === ',' && words.length > 0 && words.every(isTimePart)) {
        words.length = 0;
        index -= 1;
        continue;
      }
      if (token.text === ',') {
        // "Mom, at end of mtg, crying:": a second aside only after a first one; the speaker is a role named before both.
        if (commaSeen && !(aside && secondAside === false && words.length > 0 && words.length <= MAX_ASIDE_WORDS && ROLES.has(tokens[index - 1]?.base ?? '') && tokens[index - 2]?.type === 'punct')) return undefined;
        if (commaSeen) secondAside = true;
        commaSeen = true;
        // "Jade, about her older sister:" — but "Boundaries, for myself:" is the worker's own heading.
        aside = words.length > 0 && !words.some((w) => w.lower === 'myself' || w.lower === 'me' || w.lower === 'my');
        words.length = 0; // "Mila, arms crossed:", "Keon, when I asked about the missing work:" — the speaker is before the comma
        index -= 1;
        continue;
      }
      const after = tokens[index + 1];
      const gluedTime = token.text === ':' && !token.spaceBefore && tokens[index - 1]?.type === 'num' && after !== undefined && isTimePart(after) && !after.spaceBefore;
      if (token.text === '-' || token.text === "'" || token.text === '\u2019' || gluedTime) {
        index -= 1;
        continue;
      }
      // "Marcus (2nd) during Legos:": an aside in brackets inside the label.
      // "Grandma (guardian) for Zoe:": or before whose the speaker is.
      if (token.text === ')' && words.length > 0 && (SETTING_PREPOSITIONS.has((words[0] as Token).lower) || OF_WORDS.has((words[0] as Token).lower))) {
        let k = index - 1;
        while (k >= 0 && index - k < 16 && tokens[k]?.text !== '(') k -= 1;
        if (tokens[k]?.text === '(') {
          index = k - 1;
          continue;
        }
      }
      // "mtg w/ Nevaeh's mom:" is a meeting; "Teams chat w/ Mr. Adeyemi:" is that person's messages.
      // "Text from mom 10/3 7:12am:": a date in the label.
      if (token.text === '/' && !token.spaceBefore && tokens[index - 1]?.type === 'num' && tokens[index + 1]?.type === 'num') {
        index -= 1;
        continue;
      }
      if (token.text === '/' && !token.spaceBefore) {
        if (tokens[index - 1]?.lower !== 'w') return undefined;
        withSlash = true;
        index -= 1;
        continue;
      }
      break; // clause boundary: . ! ? ; / — ( " and the like
    }
    words.unshift(token);
    if (token.lineBefore) {
      index -= 1;
      break;
    }
    // An aside after the speaker's comma may run longer than a label ("Keon, when I asked about the missing work:").
    if (words.length > (commaSeen ? 6 : 12)) return undefined;
    index -= 1;
  }
  // "Text from Mr. Pellegrino 10:10:" — the time at the end is not part of the name.
  const countBeforeTime = words.length;
  while (words.length > 1 && (isTimePart(words[words.length - 1] as Token) || TIME_WORDS.has((words[words.length - 1] as Token).lower))) words.pop();
  // "9/29 SW:": a date before the speaker.
  if (words.length > 2 && (words[0] as Token).type === 'num' && (words[1] as Token).type === 'num') words.splice(0, 2);
  // "Text from mom at 7:40:" — nor is the word that led to the time.
  if (words.length > 1 && words.length < countBeforeTime && SETTING_PREPOSITIONS.has((words[words.length - 1] as Token).lower)) words.pop();
  const writingLabel = words.length > 0 && WRITINGS.has((words[0] as Token).base) && words.some((w) => w.lower === 'from');
  if (words.length === 0 || words.length > (withSlash || writingLabel ? 8 : 6)) return undefined;
  if (withSlash) {
    const w = words.findIndex((token) => token.lower === 'w');
    if (!(w > 0 && WRITINGS.has((words[w - 1] as Token).base))) return undefined;
    // "Teams chat w/ Mr. Adeyemi": read as "chat from Mr. Adeyemi".
    return { words: words.map((token, i) => (i === w ? { ...token, text: 'from', lower: 'from', base: 'from' } : token)), who: whoFromLabel(words), written: true };
  }
  // The label must start a clause: at the start of the text or of a line, or after sentence punctuation.
  const before = tokens[index];
  const first = words[0] as Token;
  if (before !== undefined && !first.lineBefore && before.type !== 'punct') return undefined;
  if (WRITINGS.has(first.base) && words.some((w) => w.lower === 'from' || w.lower === 'de')) written = true;
  // "Text Marco 2:14am:", "Email dad:": a message and its writer.
  const timed = words.length < countBeforeTime;
  if (words.length >= 2 && WRITINGS.has(first.base) && (timed || !HEADINGS.has(first.lower))) written = true;
  // "Teacher email, pasted:", "Mom's text:": that person's writing.
  if (words.length >= 2 && WRITINGS.has((words[words.length - 1] as Token).base) && !words.some((w) => CLINICIANS.has(w.base))) written = true;
  // "> from Mr. Kline:", "From Ms. Gomez, 4th period:": a reply pasted from that person.
  if (first.lower === 'from' && words.length > 1) written = true;
  // "… translating:": the words after are relayed as said.
  const lastWord = (words[words.length - 1] as Token).lower;
  if (EXACT_WORDS.has(lastWord) && lastWord.endsWith('ing')) written = true;
  return { words, who: whoFromLabel(words), written, aside, timed };
}

/** "10", "14p", "20pm": a part of a time after a label ("daughter 10:14p:"). */
export function isTimePart(token: Token): boolean {
  if (token.type === 'num') return true;
  if (token.type !== 'alnum') return false;
  let digits = 0;
  while (digits < token.lower.length && token.lower.charCodeAt(digits) >= 48 && token.lower.charCodeAt(digits) <= 57) digits += 1;
  return digits > 0 && TIME_SUFFIXES.has(token.lower.slice(digits));
}

const TIME_SUFFIXES = new Set(['a', 'p', 'am', 'pm', 'h', 'hrs']);
/** "Mom's reply this morning:", "Dad today:": when, after the speaker. */
const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'this', 'last', 'earlier', 'later', 'hoy', 'ayer', 'hoje', 'ontem']);

function isHonorificDot(t: Tokens, dot: Token): boolean {
  const prev = t.tokens[dot.index - 1];
  if (prev === undefined || prev.type !== 'word') return false;
  return HONORIFIC.has(prev.lower) || (prev.text.length === 1 && prev.text !== prev.lower);
}

export type Strength = 'strong' | 'weak';

/** Words joining a role to whose it is ("Dean of students", "Mamá de Jorge", "Grandma for Zoe"). */
const OF_WORDS = new Set(['of', 'de', 'del', 'da', 'do', 'của', 'for']);
const SELF_WORDS = new Set(['myself', 'me', 'self', 'us', 'file', 'the']);
const OWNER_WORDS = new Set(['my', 'his', 'her', 'their']);

/** Last words of a label for someone's own words ("His words:", "My reply:"). */
const OWN_WORDS = new Set(['words', 'reply', 'response', 'answer', 'draft']);
const EMAIL_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'sent', 'date', 'subject', 'de', 'para', 'asunto', 'enviado', 'fecha']);

/** A call returned, after the caller ("Mom call back:"). */
const CALL_BACK = new Set(['call back', 'callback', 'called back', 'returned call', 'returning call', 'returned my call']);

/** Verbs that open a to-do ("Call Ms. Diaz:", "Email mom Tues:"), never a speaker's label. */
const ERRANDS = new Set(['call', 'email', 'text', 'ask', 'remind', 'tell', 'send', 'check', 'meet', 'see', 'follow', 'f/u']);

/** Words that close a task's heading ("… done:", "… submitted:"). "Sent" is left out: "Text sent to mom:" heads the text. */
const TASK_DONE = new Set(['done', 'finished', 'completed', 'complete', 'submitted', 'filed', 'mailed', 'faxed', 'uploaded', 'updated']);

export function classifyLabel(words: readonly Token[]): Strength | null {
  const first = words[0] as Token;
  const last = words[words.length - 1] as Token;
  // "From:", "Subject:", "Sent:": email headers, never a speaker.
  if (words.length === 1 && EMAIL_HEADERS.has(first.lower)) return null;
  // "Judge's letter for Darnell done:", "FAFSA submitted:": a task and how it stands, not a speaker.
  if (words.length >= 2 && TASK_DONE.has(last.lower)) return null;
  // "PO Box:" is an address, "PO Vance:" a probation officer.
  if (first.lower === 'po' && words[1]?.lower === 'box') return null;
  // "Letter from Dr. Kim received today", "Nurse's note copied to me": a clinician's paper is a document.
  if (words.some((w) => CLINICIANS.has(w.base)) && words.some((w) => DOCUMENTS.has(w.base))) return null;
  // "Mom called", "Dad phoned": what follows is said on the call, if it is in their own voice.
  if (words.length === 2 && CALLS.has(last.lower) && (ROLES.has(first.base) || HONORIFIC.has(first.lower))) return 'weak';
  // "Mom call back 4:50p:", "Dad returned call:": what follows is said on the call, if it is in their own voice.
  if (words.length <= 3 && words.length >= 2 && (ROLES.has(first.base) || HONORIFIC.has(first.lower)) && CALL_BACK.has(words.slice(1).map((w) => w.lower).join(' '))) return 'weak';
  // "Told him what I see:", "Explained what happens next:": the worker's summary follows, not anyone's words.
  if (words.some((w, i) => SPEECH.has(w.lower) && words.slice(i + 1, i + 3).some((v) => v.lower === 'what'))) return null;
  // "She wrote:", "Mom texted at 7:40:", "Jordan wrote a note:" — a speech verb introduces the words.
  if (!HEADINGS.has(first.lower) && words.some((w) => SPEECH.has(w.lower))) return 'strong';
  // "Dean of students", "Mamá de Jorge", "Mẹ của Linh": a role of someone.
  // ("Voice note for myself:" is the worker's own.)
  const of = words.findIndex((w, i) => i > 0 && OF_WORDS.has(w.lower) && !SELF_WORDS.has(words[i + 1]?.lower ?? ''));
  if (of > 0 && of < words.length - 1 && words.length <= 6 && words.every((w) => w.type === 'word') && classifyLabel(words.slice(0, of)) === 'strong' && !HEADINGS.has(first.lower)) return 'strong';
  // "Dad on the phone", "Jimena in math", "Tariq on the group chat drama": a speaker, then where or how they said it.
  const setting = words.findIndex((w, i) => i > 0 && SETTING_PREPOSITIONS.has(w.lower));
  if (setting > 0 && setting <= 2 && words.length <= 7 && !HEADINGS.has(first.lower) && words.every((w) => w.type === 'word')) {
    const head = classifyLabel(words.slice(0, setting));
    // A name before where it was said ("Tariq on the group chat drama") is a speaker when the place is a setting or a message.
    const place = words.slice(setting + 1).some((w) => SETTINGS.has(w.base) || WRITINGS.has(w.base));
    const verbLike = first.lower.endsWith('ing') || first.lower.endsWith('ed');
    if (head !== null) return setting === 1 && isCapitalized(first) && place && !verbLike ? 'strong' : head;
  }
  // "Nico to me after the incident:": a named speaker, the worker as listener, then when.
  if (words.length <= 7 && words[1]?.lower === 'to' && words[2]?.lower === 'me' && isCapitalized(first) && !HEADINGS.has(first.lower) && (words.length === 3 || SETTING_PREPOSITIONS.has((words[3] as Token).lower))) return 'strong';
  // "Text from Dad to the school cell": a writing label may run longer.
  const fromAt = words.findIndex((w) => w.lower === 'from');
  const writingFrom = (fromAt > 0 && words.slice(0, fromAt).some((w) => WRITINGS.has(w.base))) || words.slice(0, 3).some((w) => WRITINGS.has(w.base));
  if ((words.length > 4 && !writingFrom) || words.length > 8 || words.some((w) => w.type !== 'word')) return null;
  // "My email to Dr. Feld", "Student's DM to a friend", "Mom's reply": a person's message.
  // ("Pickup chat with Mr. Ames" is a talk, not a message.)
  const talk = words.some((w, i) => w.lower === 'chat' && words[i + 1]?.lower === 'with');
  if (!talk && words.some((w) => WRITINGS.has(w.base)) && !HEADINGS.has(first.lower) && !words.some((w) => CLINICIANS.has(w.base) && DOCUMENTS.has(w.base))) {
    const person = words.some((w, i) => ROLES.has(w.base) || HONORIFIC.has(w.lower) || (i === 0 && OWNER_WORDS.has(w.lower)) || (w.text.endsWith("'s") && isCapitalized(w)) || (i > 0 && WRITINGS.has((words[i - 1] as Token).base) && isCapitalized(w)));
    if (person) return 'strong';
  }
  // "Teacher email", "Mom's text", "Coach text": what that person wrote.
  if (words.length >= 2 && WRITINGS.has(last.base) && !HEADINGS.has(first.lower) && !words.some((w) => CLINICIANS.has(w.base)) && classifyLabel(words.slice(0, -1)) === 'strong') return 'strong';
  // "Note from dad:", "Text from Ms. Kim:", "Email from grandma:" — what that person wrote.
  const from = words.findIndex((w) => w.lower === 'from' || w.lower === 'by' || w.lower === 'de');
  if (words.slice(0, Math.max(from, 0)).some((w) => WRITINGS.has(w.base)) && from > 0 && from < words.length - 1) {
    let who = words.slice(from + 1);
    // "Text from Dad to the school cell": the writer is before "to".
    const to = who.findIndex((w, i) => i > 0 && w.lower === 'to');
    if (to > 0) who = who.slice(0, to);
    const lastWho = who[who.length - 1] as Token;
    // "Email from PTA": an organisation's letters, not a person.
    const organisation = who.length === 1 && lastWho.text.length >= 3 && lastWho.text === lastWho.text.toUpperCase() && !ROLES.has(lastWho.base);
    if (!organisation && (ROLES.has(lastWho.base) || who.every((w) => isCapitalized(w) || HONORIFIC.has(w.lower)))) return 'strong';
    // "Email from the pediatrician's office": a person's office writing.
    if (who.some((w) => ROLES.has(w.base) || CLINICIANS.has(w.base))) return 'strong';
    // "text from mr. pellegrino": a title makes the lower-case name a person's.
    if (who.length >= 2 && HONORIFIC.has((who[0] as Token).lower)) return 'strong';
  }
  // "His words:", "Kevin's exact words:", "My reply:", "Her answer:"
  if (OWN_WORDS.has(last.lower) && words.length <= 3 && (['his', 'her', 'their', 'my'].includes(first.lower) || first.base !== first.lower)) return 'strong';
  // "anh trai (older brother) translating:", "Aunt, interpreting:": someone relaying words as said.
  if (EXACT_WORDS.has(last.lower) && last.lower.endsWith('ing')) return 'strong';
  if (HEADINGS.has(first.lower)) return null;
  if (MONTHS.has(first.lower) || DAYS.has(first.lower)) return null;
  // "from Mr. Kline", "From me", "De la mamá": what that person wrote, in a pasted reply.
  if ((first.lower === 'from' || first.lower === 'de') && words.length > 1) {
    const rest = words.slice(words[1]?.lower === 'la' || words[1]?.lower === 'el' ? 2 : 1);
    if (rest.length > 0 && classifyLabel(rest) !== null) return 'strong';
  }
  // "Mom to the nurse:" — a speaker and whom they spoke to.
  const to = words.findIndex((w) => w.lower === 'to');
  if (to > 0 && to < words.length - 1 && classifyLabel(words.slice(0, to)) === 'strong') {
    const listener = words[words.length - 1] as Token;
    if (ROLES.has(listener.base) || isCapitalized(listener)) return 'strong';
  }
  // "Mr. Ortega", "Dr. Lowe", "Coach Ellis"
  // "mr. gill" in a note typed all in lower case.
  if (HONORIFIC.has(first.lower) && words.length <= 3 && words.length >= 2 && words.slice(1).every((w) => isCapitalized(w) || w.text === w.lower)) return 'strong';
  // "S", "T", "J", "J R"
  if (words.every((w) => w.text.length === 1 && w.text !== w.lower) && words.length <= 2) return 'strong';
  // "s: i'm pregnant", typed in lower case: a speaker only when the words are in their own voice.
  if (words.length === 1 && first.text.length === 1 && first.text !== first.text.toUpperCase()) return 'weak';
  // "Mom", "Foster mom", "Kevin's mom", "Math teacher", "AP"
  if (ROLES.has(last.lower) || ROLES.has(last.base)) {
    const rest = words.slice(0, -1);
    if (rest.every((w) => MODIFIERS.has(w.lower) || w.base !== w.lower || (isCapitalized(w) && words.length <= 3))) return 'strong';
    return null;
  }
  if (HEADINGS.has(last.lower)) return null;
  // "Mom tearful", "Dad, angry": a speaker and how they were; only their own voice makes it their words.
  if (words.length === 2 && ROLES.has(first.base) && !UNNAMED_ROLES.includes(first.base) && last.text === last.lower && last.type === 'word') return 'weak';
  // "Shelter staff Jenn", "Bus driver Hank": a role, then the person's name.
  if (words.length >= 2 && words.length <= 4 && isCapitalized(last) && last.text !== last.text.toUpperCase() && ROLES.has((words[words.length - 2] as Token).base) && !words.some((w) => HEADINGS.has(w.lower) || ERRANDS.has(w.lower))) return 'strong';
  // A name: "Kevin", "Ms Kim" without the dot, "Jada M"
  if (words.length <= 2 && words.every((w) => isCapitalized(w) && !(w.text.length > 2 && w.text === w.text.toUpperCase()))) return 'weak';
  return null;
}

export function whoFromLabel(words: readonly Token[]): string | undefined {
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  if (STUDENT_WORDS.has(last.base)) return 'the student';
  if (ROLES.has(last.base) && last.base !== 'me') return describeRole(last.base);
  return undefined;
}
