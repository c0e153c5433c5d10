import { EMAIL_AT_WORDS, EMAIL_DOT_WORDS } from '../data/identifiers';
import { wordSet } from '../lexicon';
import { isLatinWord } from '../fuzzy';
import type { RawSpan } from '../spans';
import { isCapitalized, isSentenceEnd, isSpaceCode, type Token, type Tokens } from '../text';
import { chatTurns, isPictograph } from './chatLogs';
import { introducesWriting, isWritingWord, namesWritingFrom, stoppedMe, wroteTo } from './introducers';
import { exactClause, fieldRecordLines, lineOf, noteSections, STAFF_ROLES, staffMinutes } from './noteShapes';
import { classifyLabel, isTimePart, type Label, labelBefore, type Strength, whoFromLabel } from './speakers';
import { ACTIONS, CALLS, DAYS, EXACT_WORDS, HEADINGS, HONORIFIC, NO_ACTION, NO_WORDS, OWN_VOICE, PRONOUNS, ROLES, SPEECH, SPEECH_LIKE, SUMMARY_OPEN, WRITING, WRITINGS, YES_NO } from './vocabulary';

/**
 * Transcript lines: the words after a speaker's label ("Mom: he never listens
 * to me", "SW - how was lunch?"), flagged as verbatim.transcript; lines that
 * record what was done ("Mom: LVM 6:05") are not.
 */

/** Words that make the word after them the object of a phrase, not a speaker ("the plan for Kevin:", "call w/ mom:"). */
const NOT_BEFORE_LABEL = wordSet(['for', 'with', 'w', 'to', 'about', 're', 'of', 'from', 'and', 'or', 'the', 'a', 'an', 'his', 'her', 'their', 'my', 'your', 'our', 'by', 'on', 'at', 'as', 'per', 'than', 'like', 'is', 'was', 'are', 'were', 'be', 'called', 'told', 'asked', 'emailed', 'texted', 'met', 'saw', 'see']);
/** How far back a run-on turn ("… Me: …") looks for the labelled turn before it, in tokens. */
const MAX_TURN_TOKENS = 80;
const AT_WORDS = wordSet(EMAIL_AT_WORDS);
const DOT_WORDS = wordSet(EMAIL_DOT_WORDS);

/** "Mom: he never listens to me" — the words after the speaker's colon. */
export function findTranscriptLines(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  let lastTurn: Token | undefined; // the colon of the last turn with a speaker's label
  const chat = chatTurns(t);
  let thread: Token | undefined; // the colon of the last label of someone's writing
  const firstWriting = tokens.findIndex(isWritingWord); // once per note: the time-stamp rule asks it at every colon
  const sections = noteSections(t);
  const meeting = staffMinutes(t);
  const formLines = fieldRecordLines(t);
  for (const colon of tokens) {
    // "Mom colon she talks to her cousins all day": a colon said aloud to dictation.
    if (colon.lower === 'colon' && colon.type === 'word') {
      spokenColon(t, colon, out);
      continue;
    }
    if (colon.text !== ':') continue;
    const next = tokens[colon.index + 1];
    if (next === undefined || !next.spaceBefore || next.lineBefore || colon.spaceBefore) continue;
    // "Texted mom re: meeting time": "re:" is "about", never a speaker.
    if (tokens[colon.index - 1]?.lower === 're') continue;
    // "SOAP — S: … O: … A: anger at home … P: nurse to call", "D: … A: … P: …": the note's sections, not speakers.
    if (sections.size > 0 && sections.has(tokens[colon.index - 1]?.text ?? '')) {
      // S, the student's own account in a SOAP note, is theirs when it is in their own voice.
      if (tokens[colon.index - 1]?.text === 'S') emitUtterance(t, colon.index + 1, 'weak', 'the student', 'verbatim.transcript', out);
      continue;
    }
    // "Interpreter relayed word for word from father:", "Bullying report form, in the student's handwriting:": exact words follow.
    if (exactClause(t, colon)) {
      emitUtterance(t, colon.index + 1, 'strong', undefined, 'verbatim.transcript', out, { lenient: true, message: true });
      continue;
    }
    let label = labelBefore(t, colon) ?? runOnLabel(t, colon, lastTurn);
    // "[9:41 PM] tayy_b: nobody invite her / [9:42 PM] kels.o: …": a chat's messages, whoever the handle is.
    const handle = chat.get(colon.index);
    if (handle !== undefined && (label === undefined || classifyLabel(label.words) !== 'strong')) {
      emitUtterance(t, colon.index + 1, 'strong', undefined, 'verbatim.transcript', out, { lenient: true, chat: true });
      continue;
    }
    // "Date: 12/2 | Student: Delia R. | Contact type: group": a form's fields; a field for someone's words
    // ("| Student quote: …", "| In her words: …", "| Mom said: …") still holds them.
    if (formLines.size > 0 && formLines.has(lineOf(t)[colon.index] as number) && !(label?.words.some(namesWords) ?? false)) continue;
    // "Sat 9:12p:", "7:15am:" after "Texts Mom sent me …": a message's time stamp, in a note about messages.
    if (label !== undefined && label.words.every((w) => DAYS.has(w.lower) || isTimePart(w)) && timeStamped(t, colon) && firstWriting >= 0 && firstWriting < colon.index) {
      emitUtterance(t, colon.index + 1, 'strong', undefined, 'verbatim.transcript', out, { lenient: true, chat: true, message: true });
      continue;
    }
    // "Phone call this morning Ms Reyes:": when the clause is no label, its last words may still be one.
    // "Text Marco 2:14am:": a message's time after its writer, though "Text:" alone heads a to-do.
    const timedWriting = label !== undefined && label.timed === true && label.words.length >= 2 && WRITINGS.has((label.words[0] as Token).base);
    const runIn = !timedWriting && (label === undefined || classifyLabel(label.words) === null);
    if (runIn) label = runInLabel(t, colon);
    // "> On Mon, Dec 7 … Ms. Tran wrote:", "Jordan showed me a note he keeps on his phone:": what follows was written.
    // "Ms. Tran wrote:", "Teacher texted me:": what follows was written.
    const beforeColon = tokens[colon.index - 1];
    const wrote = beforeColon !== undefined && OBJECTS_AFTER_WRITING.has(beforeColon.lower) ? tokens[colon.index - 2] : beforeColon;
    // "Neighbor Bev Tucker stopped me at the post office:", "Coach pulled me aside after practice:": they spoke to the worker.
    if ((label === undefined || classifyLabel(label.words) === null) && stoppedMe(t, colon)) {
      emitUtterance(t, colon.index + 1, 'strong', undefined, 'verbatim.transcript', out);
      continue;
    }
    if ((wrote !== undefined && WRITING.has(wrote.lower)) || wroteTo(t, colon) || ((label === undefined || classifyLabel(label.words) !== 'strong') && (introducesWriting(t, colon) || namesWritingFrom(t, colon)))) {
      emitUtterance(t, colon.index + 1, 'strong', undefined, 'verbatim.transcript', out, { lenient: true, message: true });
      continue;
    }
    if (label === undefined) continue;
    let strength = classifyLabel(label.words);
    if (strength === null && timedWriting) strength = 'strong';
    if (strength === null) continue;
    // A label run into the sentence before it needs the speaker's own "I" or "you", or a question.
    if (runIn) strength = 'weak';
    // "Jade, about her older sister:": a name with an aside about the moment is a speaker, not a heading.
    if (strength === 'weak' && label.aside === true) strength = 'strong';
    if (strength === 'strong') lastTurn = colon;
    // What a text, note or voicemail said, or an answer to a question just asked, is someone's words whatever they hold;
    // so is each later turn of a text thread ("Txt Brianna 6:10am: … Me: call L&D if …").
    const lenient = strength === 'strong' && (label.written === true || answersQuestion(t, label.words[0] as Token) || (thread !== undefined && lineOf(t)[thread.index] === lineOf(t)[colon.index]));
    if (label.written === true) thread = colon;
    // Minutes: three or more staff roles speak in turn ("Principal: drill ran 11 min. Custodian: door 4 didn't latch. Nurse: no injuries.").
    const staffTurn = meeting && STAFF_ROLES.has((label.words[label.words.length - 1] as Token).base);
    emitUtterance(t, colon.index + 1, strength, label.who, 'verbatim.transcript', out, { lenient, named: namedLabel(label.words), chat: handle !== undefined, minutes: staffTurn, message: label.written === true || label.words.some((w) => WRITINGS.has(w.base)) });
  }
  findDashTurns(t, out);
}

/**
 * "… the whole time Me: How was that for you?": turns run together on one
 * line. A one-word speaker label in capitals ("Me", "SW", "S", "Mom") counts
 * mid-line when an earlier turn of the same line had a label of its own.
 */
function runOnLabel(t: Tokens, colon: Token, lastTurn: Token | undefined): Label | undefined {
  const word = t.tokens[colon.index - 1];
  if (lastTurn === undefined || word === undefined || word.type !== 'word' || word.lineBefore) return undefined;
  if (word.text.length !== 1 && !ROLES.has(word.lower)) return undefined;
  // In lower case only when the turn before was labelled in lower case too ("s: … sw: …").
  if (!isCapitalized(word) && isCapitalized(t.tokens[lastTurn.index - 1] as Token)) return undefined;
  if (word.index - lastTurn.index > MAX_TURN_TOKENS) return undefined;
  for (let index = word.index; index > lastTurn.index; index -= 1) if ((t.tokens[index] as Token).lineBefore) return undefined;
  return { words: [word], who: whoFromLabel([word]) };
}

const OBJECTS_AFTER_WRITING = new Set(['me', 'us', 'back']);
/** Imperatives that, in a text or an answer, are someone telling someone to do something ("call L&D or 911 if …"); "sent it" stays a record. */
const TO_DO = new Set(['call', 'email', 'send', 'check', 'ask', 'bring', 'come', 'go', 'text', 'remind', 'tell']);
/** Past-tense verbs that open an account of what someone did ("Mom — brought his meds list"). */
const PAST_ACCOUNT = new Set(['brought', 'came', 'went', 'took', 'showed', 'arrived', 'left', 'stayed', 'signed', 'dropped', 'picked', 'refused', 'agreed', 'declined', 'attended', 'missed', 'returned', 'handed']);

/** After a colon said aloud, a speaker's words when the word before it is a speaker (a role, or a name and title). */
function spokenColon(t: Tokens, colon: Token, out: RawSpan[]): void {
  const speaker = t.tokens[colon.index - 1];
  if (speaker === undefined || speaker.type !== 'word' || !ROLES.has(speaker.base) || HEADINGS.has(speaker.lower)) return;
  emitUtterance(t, colon.index + 1, 'strong', whoFromLabel([speaker]), 'verbatim.transcript', out);
}

/** The colon closes a time ("9:12p:", "10:02:"), not a word. */
function timeStamped(t: Tokens, colon: Token): boolean {
  const before = t.tokens[colon.index - 1];
  return before !== undefined && (before.type === 'num' || isTimePart(before));
}

/**
 * "… and an aunt had selective mutism as a kid Mom: I was exactly the same",
 * "sw: how was lunch? s: fine i guess": a speaker's label with no sentence
 * punctuation before it, as dictation and hurried typing leave it. Only a
 * role word ("Mom", "Uncle", "receptionist"), a title and name ("Mr Park")
 * or a single letter ("s"), and never the object of a phrase ("plan for
 * Kevin:"). The caller then asks for the speaker's own voice.
 */
function runInLabel(t: Tokens, colon: Token): Label | undefined {
  const tokens = t.tokens;
  let index = colon.index - 1;
  const last = tokens[index];
  if (last === undefined || last.type !== 'word' || last.lineBefore) return undefined;
  const words: Token[] = [last];
  index -= 1;
  // "Asked what he wants to do after high school, Marco: fix cars with my uncle": a name after a comma.
  const before = tokens[index];
  if (before?.text === ',' && isCapitalized(last) && !HEADINGS.has(last.lower) && !DAYS.has(last.lower)) return { words, who: whoFromLabel(words) };
  if (!ROLES.has(last.base) && !(last.text.length === 1 && last.text.toLowerCase() !== last.text.toUpperCase())) {
    // "Mr Park", "Ms. Baker": a title before a capitalised name.
    let k = index;
    if (tokens[k]?.text === '.' && !tokens[k]?.spaceBefore) k -= 1;
    const title = tokens[k];
    if (title === undefined || title.type !== 'word' || !HONORIFIC.has(title.lower) || !isCapitalized(last)) return undefined;
    words.unshift(title);
    index = k - 1;
  }
  const previous = tokens[index];
  if (previous !== undefined && (previous.type !== 'word' || NOT_BEFORE_LABEL.has(previous.lower) || previous.text === '/')) return undefined;
  if (previous !== undefined && t.text.charAt(previous.end) === '/') return undefined;
  return { words, who: whoFromLabel(words) };
}

/**
 * "Jordan showed me a note he keeps on his phone: …", "She forwarded the
 * text her friend sent: …": a clause that shows or passes on someone's
 * writing, ending in a colon, introduces that writing word for word.
 */

/** The turn before this label ended with a question mark ("SW: What happens at lunch? S: nothing."). */
function answersQuestion(t: Tokens, labelStart: Token): boolean {
  let p = labelStart.start - 1;
  while (p >= 0 && (isSpaceCode(t.text.charCodeAt(p)) || '/|-\u2013\u2014'.includes(t.text.charAt(p)))) p -= 1;
  return p >= 0 && t.text.charAt(p) === '?';
}

/** "Mr. Espinoza", "Dr. Lowe": a named adult, as in meeting minutes. */
function namedLabel(words: readonly Token[]): boolean {
  return words.length >= 2 && HONORIFIC.has((words[0] as Token).lower);
}

/**
 * "Mom - he finally slept in his own bed / SW - that sounds hard": turns of a
 * conversation written with a dash after the speaker, at the start of a line
 * or after a slash.
 */
function findDashTurns(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (const dash of tokens) {
    if (dash.text !== '-' && dash.text !== '\u2013' && dash.text !== '\u2014') continue;
    const next = tokens[dash.index + 1];
    if (!dash.spaceBefore || next === undefined || !next.spaceBefore || next.lineBefore) continue;
    const words: Token[] = [];
    let index = dash.index - 1;
    // "FM 7:45 — …": a time after the speaker.
    while (index > 0 && (isTimePart(tokens[index] as Token) || ((tokens[index] as Token).text === ':' && !(tokens[index] as Token).spaceBefore && tokens[index - 1]?.type === 'num'))) index -= 1;
    while (index >= 0 && words.length <= 3) {
      const token = tokens[index] as Token;
      if (token.type === 'punct') break;
      words.unshift(token);
      if (token.lineBefore) break;
      index -= 1;
    }
    const first = words[0];
    if (first === undefined || words.length > 3) continue;
    const before = tokens[first.index - 1];
    // A turn starts the text, a line, or follows " / " ("Ms. Yoon/AP" is one item of a list).
    const separator = before !== undefined && (before.text === '/' || before.text === '|') && before.spaceBefore && first.spaceBefore;
    if (!(before === undefined || first.lineBefore || separator)) continue;
    if (classifyLabel(words) !== 'strong' || words.some((w) => SPEECH.has(w.lower) || CALLS.has(w.lower))) continue;
    emitUtterance(t, dash.index + 1, 'strong', whoFromLabel(words), 'verbatim.transcript', out, { lenient: answersQuestion(t, first), named: namedLabel(words) });
  }
}

/**
 * Emits the utterance that starts at token `startIndex` when it reads as
 * speech: up to the end of the sentence, a dash, a slash or a new line.
 */
export function emitUtterance(
  t: Tokens,
  startIndex: number,
  strength: Strength,
  who: string | undefined,
  rule: RawSpan['rule'],
  out: RawSpan[],
  options: { lenient?: boolean; named?: boolean; chat?: boolean; minutes?: boolean; message?: boolean } = {},
  spanStart?: number,
): void {
  const tokens = t.tokens;
  // "> He was asleep …": the marks of a quoted reply are not part of the words.
  if (options.lenient === true) while (tokens[startIndex]?.text === '>' && !tokens[startIndex]?.lineBefore) startIndex += 1;
  const first = tokens[startIndex];
  if (first === undefined || first.lineBefore) return;
  // "💀💀 she thinks shes cute": a chat message may open with emoji.
  if (options.chat === true && first.type === 'punct' && isPictograph(first.text)) {
    let k = startIndex;
    while (tokens[k] !== undefined && (tokens[k] as Token).type === 'punct' && isPictograph((tokens[k] as Token).text)) k += 1;
    if (tokens[k] !== undefined && !(tokens[k] as Token).lineBefore) return emitUtterance(t, k, strength, who, rule, out, options, startIndex);
  }
  if (first.type === 'punct' && first.text !== '\u00bf' && first.text !== '\u00a1') return; // a quote, a number in brackets, a list
  if (first.type === 'num' && options.chat !== true) return; // "Phone: 614…", "Time: 3:15"
  // "re: investigation: Mr. Pratt: no answer": a label opens the words; that turn is read at its own colon.
  if (options.chat !== true && opensWithLabel(t, startIndex)) return;
  let end = first.end;
  let index = startIndex;
  const words: Token[] = [];
  let question = false;
  for (; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (index > startIndex && token.lineBefore) break;
    if (token.type === 'punct') {
      const ch = token.text;
      if (ch === '?' || ch === '!') {
        end = token.end;
        question = true;
        if (isSentenceEnd(t, token)) break;
        continue;
      }
      if (ch === '.' && isSentenceEnd(t, token)) break;
      if (ch === ';') break;
      if ((ch === '\u2014' || ch === '\u2013' || ch === '/' || ch === '(' || ch === '-') && token.spaceBefore) break;
      // A quotation inside someone's writing is part of it ("FYI he told the class he "doesn't need his meds"").
      if ((ch === '"' || ch === '\u201c') && options.lenient !== true) break;
      continue;
    }
    words.push(token);
    end = token.end;
    if (token.end - first.start > 600) break;
  }
  if (words.length === 0 || addressOnly(t, first.start, end, words)) return;
  // "Text from Mr. Bui: … can school test him? We want to help him. Called dad back …": a message runs on while its writer speaks.
  if (options.message === true) end = messageEnd(t, index, end, first.start);
  // "Devon: why do they get a pep rally and we don't": a question typed without its question mark.
  if (!question && unmarkedQuestion(first.lower, words[1]?.lower ?? '')) question = true;
  // "Interpreter: no." in a form: a one-word yes or no is an answer only after a question.
  if (words.length === 1 && YES_NO.has(first.lower) && options.lenient !== true) return;
  const ownVoice = words.some((w) => OWN_VOICE.has(w.lower));
  // A text or an answer is someone's words even when it reads like a to-do ("call L&D or 911 if …").
  if (!question && !ownVoice && recordsAction(words) && !(options.lenient === true && TO_DO.has(first.lower))) return;
  // "Nurse: no fever", "Dad: no marks seen": a finding recorded after a name, not words.
  if (!question && options.lenient !== true && words.length <= MAX_FINDING_WORDS && first.lower === 'no' && !words.some((w) => PRONOUNS.has(w.lower) || OWN_VOICE.has(w.lower))) return;
  // "wants attendance + grades before the review": a summary of what they said, in the third person.
  if (!question && !ownVoice && SUMMARY_OPEN.has(first.lower)) return;
  // "Mom in person — brought his meds list": what the person did, with the subject left out, not their words.
  if (options.lenient !== true && !question && !ownVoice && PAST_ACCOUNT.has(first.lower)) return;
  // "Via interpreter: mom shared she's been working double shifts": the worker's account of what someone said.
  const second = words[1];
  if (!question && options.lenient !== true && second !== undefined && ROLES.has(first.base) && !OWN_VOICE.has(first.lower) && SPEECH.has(second.lower)) return;
  // "Panel: AP, dean, me": who was there, not words.
  if (!question && listsPeople(words)) return;
  const hasPronoun = words.some((w) => PRONOUNS.has(w.lower));
  const contraction = words.some((w) => w.lower.includes("'") && !w.lower.endsWith("'s"));
  // "Він постійно кричить уві сні": in another script, English cues say nothing; a speaker's label says it.
  const otherScript = words.filter((w) => !isLatinWord(w.lower)).length * 2 > words.length;
  const speechy = hasPronoun || contraction || question || otherScript || words.some((w) => SPEECH_LIKE.has(w.lower));
  // Minutes: "Mr. Espinoza: Matteo has been crying at drop-off" reports about a student in the third person.
  const minutes =
    (options.named === true || options.minutes === true) && options.lenient !== true && !question && !ownVoice && first.lower !== 'i' && !PRONOUNS.has(first.lower) && (isCapitalized(first) || options.minutes === true);
  // A bare name or heading ("Factors:", "Graduation:") needs the speaker's own "I" or "you", or a question.
  const ok = strength === 'strong' ? (speechy || options.lenient === true) && !minutes : ownVoice || question;
  if (!ok) return;
  const span: RawSpan = { kind: 'verbatim', rule, start: spanStart === undefined ? first.start : (tokens[spanStart] as Token).start, end };
  if (who !== undefined) span.speaker = who;
  out.push(span);
}

/** A field's name that says its value is someone's words: "quote", "words", "said", "verbatim". */
function namesWords(word: Token): boolean {
  return SPEECH.has(word.lower) || EXACT_WORDS.has(word.lower) || FIELD_WORDS.has(word.lower) || WRITINGS.has(word.base);
}
const FIELD_WORDS = new Set(['quote', 'quotes', 'words', 'statement', 'reply', 'response', 'answer']);

/**
 * The first two words of a question whose question mark was not typed: a
 * question word and a helping verb ("why do", "how come", "where is"), or a
 * helping verb and a person ("can I", "do you", "are we"). "what she
 * describes" and "will do ed eval" are not questions.
 */
function unmarkedQuestion(first: string, second: string): boolean {
  return (QUESTION_WORDS.has(first) && HELPING_VERBS.has(second)) || (HELPING_VERBS.has(first) && PERSONS.has(second)) || (first === 'how' && second === 'come');
}
const QUESTION_WORDS = new Set(['why', 'how', 'what', 'where', 'when', 'who']);
const HELPING_VERBS = new Set(['do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'is', 'are', 'am']);
const PERSONS = new Set(['i', 'you', 'u', 'we', 'they', 'he', 'she']);

/** Most words of a finding after a name ("no fever", "no new marks seen"). */
const MAX_FINDING_WORDS = 4;

/** A speaker's label of up to three words (a title's dot allowed) and its colon open the words at `startIndex`. */
function opensWithLabel(t: Tokens, startIndex: number): boolean {
  for (let index = startIndex; index < startIndex + 5; index += 1) {
    const token = t.tokens[index];
    if (token === undefined || (index > startIndex && token.lineBefore)) return false;
    if (token.type === 'word') continue;
    if (token.text === '.' && t.tokens[index - 1]?.type === 'word' && HONORIFIC.has((t.tokens[index - 1] as Token).lower)) continue;
    if (token.text !== ':' || token.spaceBefore || index === startIndex) return false;
    const next = t.tokens[index + 1];
    return next !== undefined && next.spaceBefore && !next.lineBefore && classifyLabel(t.tokens.slice(startIndex, index).filter((w) => w.type === 'word')) === 'strong';
  }
  return false;
}

/** Most sentences a message is followed into after its first. */
const MAX_MESSAGE_SENTENCES = 4;
/** Words that open the worker's own account after a pasted message ("Called dad back", "Will check", "Plan: …"). */
const ACCOUNT_OPENERS = new Set(['will', 'plan', 'next', 'f/u', 'fu', 'follow', 'note', 'sent', 'gave', 'told', 'explained', 'replied', 'responded', 'called', 'spoke', 'met', 'emailed', 'texted', 'scheduled', 'forwarded', 'let', 'per']);

/**
 * The end of a written message that goes on past its first sentence: each next
 * sentence on the same line belongs to it while it speaks in the writer's
 * voice (I, we, you, a question), does not open the worker's own account and
 * has no label of its own.
 */
function messageEnd(t: Tokens, index: number, end: number, start: number): number {
  const tokens = t.tokens;
  let k = index + 1;
  for (let sentences = 0; sentences < MAX_MESSAGE_SENTENCES; sentences += 1) {
    const opener = tokens[k];
    if (opener === undefined || opener.lineBefore || opener.type !== 'word' || ACCOUNT_OPENERS.has(opener.lower) || PAST_ACCOUNT.has(opener.lower)) return end;
    let voice = false;
    let sentenceEnd = k;
    for (; sentenceEnd < tokens.length; sentenceEnd += 1) {
      const token = tokens[sentenceEnd] as Token;
      if (sentenceEnd > k && token.lineBefore) return end;
      if (token.type === 'word' && (OWN_VOICE.has(token.lower) || token.lower === 'we' || token.lower === 'our' || token.lower === 'us')) voice = true;
      if (token.type === 'punct' && (token.text === '?' || token.text === '!')) voice = true;
      if (token.type === 'punct' && isSentenceEnd(t, token)) break;
      // "My reply: …", "Me: …": the next turn has a label of its own.
      if (token.text === ':' || token.text === '>' || token.end - start > MAX_MESSAGE_CHARS) return end;
    }
    if (!voice) return end;
    const last = tokens[Math.min(sentenceEnd, tokens.length - 1)] as Token;
    end = last.type === 'punct' && last.text === '.' ? (tokens[sentenceEnd - 1] as Token).end : last.end;
    k = sentenceEnd + 1;
  }
  return end;
}
const MAX_MESSAGE_CHARS = 1200;

/** "AP, dean, me", "Mom, Dad and me": names and roles only. */
function listsPeople(words: readonly Token[]): boolean {
  return words.length >= 2 && words.every((w) => ROLES.has(w.base) || HONORIFIC.has(w.lower) || w.lower === 'and' || (isCapitalized(w) && !OWN_VOICE.has(w.lower)));
}

/** "Correo de la mamá: lupita.garza at example dot org": an address given after the label, not words said. */
function addressOnly(t: Tokens, start: number, end: number, words: readonly Token[]): boolean {
  if (words.length > 8 || words.some((w) => PRONOUNS.has(w.lower))) return false;
  if (t.text.slice(start, end).includes('@')) return words.length <= 4;
  return words.some((w) => AT_WORDS.has(w.lower)) && words.some((w) => DOT_WORDS.has(w.lower));
}

/** "LVM 9:10", "sent it", "will send letters", "no answer x2": a record of what was done. */
function recordsAction(words: readonly Token[]): boolean {
  const first = words[0] as Token;
  if (ACTIONS.has(first.lower)) return true;
  const second = words[1];
  if (NO_WORDS.has(first.lower) && second !== undefined && NO_ACTION.has(second.lower)) return true;
  // "f/u Fri": a slash inside the first word is read as two words.
  return first.lower === 'f' && second?.lower === 'u';
}
