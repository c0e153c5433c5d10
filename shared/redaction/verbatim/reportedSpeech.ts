import { MANNER_TIME_ADVERBS } from '../data/grammar';
import type { RawSpan } from '../spans';
import { isSentenceEnd, type Token, type Tokens } from '../text';
import { isTimePart, roleNear } from './speakers';
import { emitUtterance } from './transcripts';
import {
  ADVERBS,
  ALWAYS_BACKSHIFT,
  BACKSHIFT_AFTER_OBJECT,
  BE,
  CLAUSE_VERBS,
  CONJUNCTIONS,
  DIRECT_CUES,
  DIRECT_OPEN,
  DOUBLE_CLOSE,
  DOUBLE_OPEN,
  FINITE,
  type Gender,
  LISTENER,
  NON_STARTERS,
  OBJECTS,
  OPENERS,
  OWN_VOICE,
  RECIPIENT_PREPOSITIONS,
  RESUMERS,
  SETTING_DETERMINERS,
  SETTING_PREPOSITIONS,
  SETTINGS,
  SPEAKER_GENDER,
  SPEAKER_SELF,
  SPEECH,
  THIRD_PERSON,
  WORKER_THINGS,
  WRITING,
} from './vocabulary';

/**
 * Unquoted reported speech: someone's words in their own first person after a
 * speech verb ("Student stated I hate it here", "he goes you can't prove
 * nothing"), flagged as verbatim.reported; indirect speech ("said that she
 * would call") is not.
 */

/** A clause that says what follows is put in the worker's words ("Paraphrasing what the aunt said:", "The gist of what mom said:"). */
function paraphraseBefore(t: Tokens, verb: Token): boolean {
  for (let k = verb.wordIndex - 1; k >= 0 && verb.wordIndex - k <= 6; k -= 1) {
    const word = t.words[k] as Token;
    if (PARAPHRASE.has(word.lower)) return true;
    if (isSentenceEnd(t, t.tokens[word.index + 1] as Token)) return false;
  }
  return false;
}

const PARAPHRASE = new Set(['paraphrasing', 'paraphrase', 'paraphrased', 'gist', 'summarizing', 'summarising', 'summary', 'roughly']);

const WRITINGS_NAMED = new Set(['text', 'email', 'message', 'note', 'letter', 'call', 'voicemail', 'question', 'questions']);

/** How many words a look through one clause goes: to the speaker's "I" or "me", or back to the worker's "I". */
const MAX_CLAUSE_WORDS = 20;

/** "Student stated I hate it here" — first-person words right after a speech verb. */
/** Prepositions after which "my …" is a place or a thing ("added to my contacts"). */
const PLACE_PREPOSITIONS = new Set(['to', 'on', 'in', 'at', 'into', 'onto', 'from', 'for']);
/** Prepositions of time, and the determiners a time noun takes after them ("after the meeting", "before her test"). */
const TIME_PREPOSITIONS = new Set(['after', 'before', 'during', 'since', 'until']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'this', 'that', 'each', 'every']);

export function findReportedSpeech(t: Tokens, out: RawSpan[]): void {
  const tokens = t.tokens;
  for (const verb of t.words) {
    const direct = isDirectCue(t, verb);
    if (!SPEECH.has(verb.lower) && !direct) continue;
    if (workerIsSubject(t, verb)) {
      emitWorkerAddress(t, verb, out);
      continue;
    }
    if (direct && emitAfterDirectCue(t, verb, out)) continue;
    if (WRITING.has(verb.lower) && emitWrittenWords(t, verb, out)) continue;
    if (SIGNING.has(verb.lower) && emitSignedGloss(t, verb, out)) continue;
    let index = verb.index + 1;
    let next = tokens[index];
    if (next === undefined) continue;
    if (next.text === ':' && !next.spaceBefore) {
      // "Paraphrasing what the aunt said:": the worker's summary follows.
      if (paraphraseBefore(t, verb)) continue;
      emitUtterance(t, index + 1, 'strong', roleNear(t, verb.index - 1), 'verbatim.reported', out);
      continue;
    }
    let hadObject = false;
    let skipped = 0;
    while (next !== undefined && skipped < 6) {
      if (next.type === 'punct') {
        if (next.text !== ',') break;
      } else {
        // "added to my contacts", "said in my office I'm scared": "my" after a preposition names a place or a thing, not the speaker.
        const owner = tokens[index + 1];
        // "told me after the transplant everyone treats me …": when it was said, a preposition, a determiner and a noun.
        if ((PLACE_PREPOSITIONS.has(next.lower) || TIME_PREPOSITIONS.has(next.lower)) && owner !== undefined && (owner.lower === 'my' || owner.lower === 'our' || (TIME_PREPOSITIONS.has(next.lower) && DETERMINERS.has(owner.lower))) && tokens[index + 2]?.type === 'word') {
          skipped += 1;
          index += 3;
          next = tokens[index];
          continue;
        }
        if (OPENERS.has(next.lower)) break;
        // "told me at recess I don't got a bed", "said in English I am fine": where or how it was said.
        if (!ADVERBS.has(next.lower) && !OBJECTS.has(next.lower) && !SETTINGS.has(next.lower)) break;
        if (OBJECTS.has(next.lower)) hadObject = true;
      }
      skipped += 1;
      index += 1;
      next = tokens[index];
    }
    // "He said what if I can't breathe": a question in his words, not "said what he needed".
    const whatIf = next !== undefined && next.lower === 'what' && t.tokens[index + 1]?.lower === 'if' && OPENERS.has(t.tokens[index + 2]?.lower ?? '');
    if (!whatIf && (next === undefined || next.type === 'punct' || !OPENERS.has(next.lower))) {
      findSpeakerClause(t, verb, out);
      continue;
    }
    if (next === undefined) continue;
    if (next.lineBefore) continue;
    const after = t.words[next.wordIndex + 1];
    if (after !== undefined && (next.lower === 'i' || next.lower === 'we')) {
      if (ALWAYS_BACKSHIFT.has(after.lower)) continue;
      if ((hadObject || verb.lower === 'told' || verb.lower === 'asked') && BACKSHIFT_AFTER_OBJECT.has(after.lower)) continue;
    }
    // "told her I'd avoid that word": after a listener, "I'd" is the reporter's own "I" in the past.
    if ((hadObject || verb.lower === 'told' || verb.lower === 'asked') && (next.lower === "i'd" || next.lower === "we'd")) continue;
    if ((next.lower === 'my' || next.lower === 'our') && possessiveBackshift(t, next.wordIndex)) continue;
    // "Dad answered my text with …": the worker's message named, not words.
    if (next.lower === 'my' && WRITINGS_NAMED.has(t.words[next.wordIndex + 1]?.lower ?? '')) continue;
    const end = reportedEnd(t, next.index);
    if (end <= next.start) continue;
    const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: next.start, end };
    const who = roleNear(t, verb.index - 1);
    if (who !== undefined) span.speaker = who;
    out.push(span);
  }
}

/** Verbs of signed language; what was signed is often written as a gloss in capitals. */
const SIGNING = new Set(['signed', 'signing']);
/** Words a gloss is read through, or a skip after the verb ("signed at pickup …"), at most this many. */
const MAX_GLOSS_LEAD = 4;

/**
 * "Eli signed I WANT DIE during lunch", "he signed NOTHING. JUST KNOW": a run
 * of two or more words in capitals after a verb of signing is the signed words,
 * as glosses are written. "Mom signed the release" has none.
 */
function emitSignedGloss(t: Tokens, verb: Token, out: RawSpan[]): boolean {
  const tokens = t.tokens;
  let index = verb.index + 1;
  while (index < verb.index + 1 + MAX_GLOSS_LEAD && tokens[index] !== undefined && !glossWord(tokens[index] as Token) && (tokens[index] as Token).type === 'word') index += 1;
  const first = tokens[index];
  if (first === undefined || !glossWord(first) || first.lineBefore) return false;
  let last = first;
  let words = 0;
  for (let k = index; k < tokens.length; k += 1) {
    const token = tokens[k] as Token;
    if (k > index && token.lineBefore) break;
    if (token.type === 'punct') {
      if (!GLOSS_PUNCTUATION.has(token.text)) break;
      continue;
    }
    if (!glossWord(token)) break;
    words += 1;
    last = token;
  }
  if (words < 2) return false;
  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: first.start, end: last.end };
  const who = roleNear(t, verb.index - 1);
  if (who !== undefined) span.speaker = who;
  out.push(span);
  return true;
}

function glossWord(token: Token): boolean {
  return token.type === 'word' && token.text === token.text.toUpperCase() && token.text !== token.lower;
}
const GLOSS_PUNCTUATION = new Set(['.', ',', '-', '!', '?']);

/**
 * "Annika's mom texted 📱 she got into the art magnet!!! thank u": after a
 * verb of writing, the words that follow (past emoji) are what was written
 * when the sentence holds the writer's own voice ("u", "I", "my") and an
 * exclamation or a question, as messages do. "Mom texted that she'll be late"
 * stays indirect.
 */
function emitWrittenWords(t: Tokens, verb: Token, out: RawSpan[]): boolean {
  let index = verb.index + 1;
  while (t.tokens[index] !== undefined && t.tokens[index]?.type === 'punct' && isSymbol(t.tokens[index] as Token)) index += 1;
  const first = t.tokens[index];
  if (first === undefined || first.type !== 'word' || first.lineBefore || NON_STARTERS.has(first.lower) || first.lower === 'that') return false;
  let voice = false;
  let exclaimed = false;
  let end = first.end;
  for (let k = index; k < t.tokens.length && k < index + 60; k += 1) {
    const token = t.tokens[k] as Token;
    if (k > index && token.lineBefore) break;
    if (token.type === 'punct') {
      if (token.text === '.' && isSentenceEnd(t, token)) break;
      if (token.text === '"' || token.text === '\u201c' || (token.text === '/' && token.spaceBefore)) break;
      if (token.text === '!' || token.text === '?') exclaimed = true;
      if (token.text === '!' || token.text === '?' || isSymbol(token)) end = token.end;
      continue;
    }
    if (OWN_VOICE.has(token.lower)) voice = true;
    end = token.end;
  }
  if (!voice || !exclaimed) return false;
  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: first.start, end };
  const who = roleNear(t, verb.index - 1);
  if (who !== undefined) span.speaker = who;
  out.push(span);
  return true;
}

/** An emoji or another symbol: not a letter, digit or ASCII punctuation. */
function isSymbol(token: Token): boolean {
  return token.text.charCodeAt(0) > 0x2000 && !DOUBLE_OPEN.has(token.text) && !DOUBLE_CLOSE.has(token.text) && token.text !== '\u2014' && token.text !== '\u2013';
}

/** "goes", "went", "was like", "kept saying": a quotative that introduces words as said. */
function isDirectCue(t: Tokens, verb: Token): boolean {
  // "kept saying", "keeps saying": said over and over, word for word.
  if (verb.lower === 'saying') return ['kept', 'keeps', 'keep'].includes(t.words[verb.wordIndex - 1]?.lower ?? '');
  if (!DIRECT_CUES.has(verb.lower)) return false;
  if (verb.lower !== 'like') return true;
  const prev = t.words[verb.wordIndex - 1];
  return prev !== undefined && verb.join === 'space' && BE.has(prev.lower);
}

/** "he goes you can't prove nothing", "she was like i'm done": the words right after the quotative. */
function emitAfterDirectCue(t: Tokens, verb: Token, out: RawSpan[]): boolean {
  let next = t.tokens[verb.index + 1];
  if (next !== undefined && next.text === ',') next = t.tokens[next.index + 1];
  if (next === undefined || next.type === 'punct' || next.lineBefore) return false;
  // "he kept saying nobody would even notice if I was gone", "she was like ngl I'm so done":
  // the words need not open with a person when the speaker's own "I" follows in the clause.
  if (!DIRECT_OPEN.has(next.lower) && (NON_STARTERS.has(next.lower) || !ownVoiceAhead(t, next.index))) return false;
  const end = reportedEnd(t, next.index);
  if (end <= next.start) return false;
  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: next.start, end };
  const who = roleNear(t, verb.index - 1);
  if (who !== undefined) span.speaker = who;
  out.push(span);
  return true;
}

/** The speaker's own first person within the next few words of the same clause. */
function ownVoiceAhead(t: Tokens, startIndex: number): boolean {
  for (let index = startIndex, words = 0; index < t.tokens.length && words < 12; index += 1) {
    const token = t.tokens[index] as Token;
    if (index > startIndex && token.lineBefore) return false;
    if (token.type === 'punct') {
      if (isSentenceEnd(t, token) || token.text === ',' || token.text === ';') return false;
      continue;
    }
    words += 1;
    if (SPEAKER_SELF.has(token.lower)) return true;
    // "she went quiet when I asked", "he went home and I called": the worker's "I" in a clause of the note.
    if (index > startIndex && (NON_STARTERS.has(token.lower) || CONJUNCTIONS.has(token.lower))) return false;
  }
  return false;
}

/**
 * "stdnt stated nobody at home even notices if I'm gone": after a reporting
 * verb whose subject is someone other than the worker, an unquoted clause that
 * holds the speaker's own first person ("I'm", "me", "my") or speaks to the
 * listener ("you") records their words as said. The span runs from the start
 * of the clause to the end of the sentence.
 *
 * Indirect speech stays unflagged (POLICY.md): "said that …", "asked if …",
 * and clauses that refer to the speaker in the third person — "She said she'll
 * let me know", "He said she'd call me back" — where "me" is the worker.
 */
function findSpeakerClause(t: Tokens, verb: Token, out: RawSpan[]): void {
  if (!CLAUSE_VERBS.has(verb.lower) || !hasOwnSubject(t, verb)) return;
  const tokens = t.tokens;
  let index = verb.index + 1;
  for (let skipped = 0; skipped < 4; skipped += 1) {
    const token = tokens[index];
    if (token === undefined) return;
    const object = token.lower === 'me' || token.lower === 'us' || ((verb.lower === 'told' || verb.lower === 'tells') && OBJECTS.has(token.lower));
    if (token.text === ',' || (token.type === 'word' && (object || isMannerAdverb(token)))) {
      index += 1;
      continue;
    }
    const setting = settingEnd(t, index);
    if (setting === index) break;
    index = setting;
  }
  const first = tokens[index];
  if (first === undefined || first.type !== 'word' || first.lineBefore || NON_STARTERS.has(first.lower) || OPENERS.has(first.lower)) return;
  if (!speakerVoiceIn(t, first.index, speakerGender(t, verb))) return;
  const end = reportedEnd(t, first.index);
  if (end <= first.start) return;
  const span: RawSpan = { kind: 'verbatim', rule: 'verbatim.reported', start: first.start, end };
  const who = roleNear(t, verb.index - 1);
  if (who !== undefined) span.speaker = who;
  out.push(span);
}

/** Past "on her exit ticket", "in group", "over the phone": the index after it, or `index` when there is none. */
function settingEnd(t: Tokens, index: number): number {
  const tokens = t.tokens;
  if (!SETTING_PREPOSITIONS.has(tokens[index]?.lower ?? '')) return index;
  let k = index + 1;
  if (SETTING_DETERMINERS.has(tokens[k]?.lower ?? '')) k += 1;
  const nounsFrom = k;
  while (k < tokens.length && k - nounsFrom < 3 && SETTINGS.has((tokens[k] as Token).lower)) k += 1;
  return k > nounsFrom ? k : index;
}

function isMannerAdverb(token: Token): boolean {
  return ADVERBS.has(token.lower) && (token.lower.endsWith('ly') || MANNER_TIME_ADVERBS.includes(token.lower));
}

/**
 * The verb has a subject of its own right before it ("stdnt stated", "Mom,
 * crying, said"), not none at all ("… — told her …"). Called once
 * `workerIsSubject` has ruled out the worker.
 */
function hasOwnSubject(t: Tokens, verb: Token): boolean {
  const prev = t.tokens[verb.index - 1];
  if (prev === undefined) return false;
  return prev.type !== 'punct' || prev.text === ',' || prev.text === ')';
}

/** "Mom", "Kevin's dad", "she", "parents": who spoke, by the nearest word that tells. */
function speakerGender(t: Tokens, verb: Token): Gender | undefined {
  for (let k = verb.wordIndex - 1, seen = 0; k >= 0 && seen < 5; k -= 1, seen += 1) {
    const word = t.words[k] as Token;
    const after = t.tokens[word.index + 1] as Token;
    if (after.type === 'punct' && isSentenceEnd(t, after)) break;
    const gender = SPEAKER_GENDER.get(word.base);
    if (gender !== undefined) return gender;
  }
  return undefined;
}

/**
 * Whether the clause that starts at `startIndex` speaks in the speaker's own
 * voice before it ends (a comma, any sentence punctuation, a bracket, a dash,
 * "and", "then", "so", "but"): a first-person word that is theirs, or "you".
 * A third-person word for the speaker first makes it indirect speech.
 */
function speakerVoiceIn(t: Tokens, startIndex: number, gender: Gender | undefined): boolean {
  const tokens = t.tokens;
  let finite = false;
  let words = 0;
  for (let index = startIndex; index < tokens.length && words < MAX_CLAUSE_WORDS; index += 1) {
    const token = tokens[index] as Token;
    if (index > startIndex && token.lineBefore) return false;
    if (token.type === 'punct') {
      if ((token.text === '-' || token.text === '\u2010') && !token.spaceBefore) continue;
      return false;
    }
    words += 1;
    if (token.type !== 'word') continue;
    const lower = token.lower;
    if (index > startIndex && ['and', 'then', 'so', 'but'].includes(lower)) return false;
    const third = THIRD_PERSON.get(lower);
    if (third !== undefined && refersToSpeaker(t, token, third, gender)) return false;
    if ((SPEAKER_SELF.has(lower) || LISTENER.has(lower)) && speakersOwn(t, token, finite)) return true;
    if (FINITE.has(lower) || lower.endsWith("n't")) finite = true;
  }
  return false;
}

/**
 * "she'd call me back", "he was …": a backshifted third person reports
 * indirectly; otherwise a third person of the speaker's gender ("Mom said she
 * …", "Student said he …") is the speaker, so the clause is indirect.
 */
function refersToSpeaker(t: Tokens, token: Token, third: Gender, speaker: Gender | undefined): boolean {
  const subject = ['he', 'she', 'they'].includes(token.lower) || token.lower.includes("'");
  if (subject) {
    if (token.lower.endsWith("'d")) return true;
    const next = t.words[token.wordIndex + 1];
    if (next !== undefined && ALWAYS_BACKSHIFT.has(next.lower)) return true;
  }
  if (speaker === undefined) return third !== 'plural';
  return third === speaker;
}

/**
 * A first-person word that is the speaker's, not the worker's: not "I" before
 * a backshifted or past-tense verb, as the worker narrates ("the form I had
 * sent", "since I called"), not "my office", and not "to me" after an object
 * with no verb of its own ("reported the incident to me").
 */
function speakersOwn(t: Tokens, token: Token, finite: boolean): boolean {
  const next = t.words[token.wordIndex + 1];
  if (token.lower === 'i' && next !== undefined && (ALWAYS_BACKSHIFT.has(next.lower) || pastTense(next))) return false;
  if (token.lower === 'my' && next !== undefined && WORKER_THINGS.has(next.base)) return false;
  const prev = t.words[token.wordIndex - 1];
  return finite || prev === undefined || !RECIPIENT_PREPOSITIONS.has(prev.lower);
}

/** "called", "mentioned" — not "need", "feed". */
function pastTense(word: Token): boolean {
  return word.type === 'word' && word.lower.length > 3 && word.lower.endsWith('ed') && !word.lower.endsWith('eed');
}

/** "Mom said my voicemail was full": "my" is the worker's; the verb is backshifted. */
function possessiveBackshift(t: Tokens, wordIndex: number): boolean {
  for (let k = wordIndex + 1; k <= wordIndex + 3 && k < t.words.length; k += 1) {
    const word = t.words[k] as Token;
    if (ALWAYS_BACKSHIFT.has(word.lower)) return k > wordIndex + 1;
  }
  return false;
}

/** "I told her …" / "Told him …" at the start of a sentence: the worker speaking, not someone quoted. */
/** Verbs a worker writes of the student with the subject left out ("stated I'm done with this place"), never of themselves. */
const STUDENT_VERBS = new Set(['stated', 'states', 'verbalized', 'verbalizes', 'disclosed', 'discloses', 'endorsed', 'endorses', 'expressed', 'expresses', 'reported', 'reports']);

function workerIsSubject(t: Tokens, verb: Token): boolean {
  if (STUDENT_VERBS.has(verb.lower)) return false;
  const prevWord = t.words[verb.wordIndex - 1];
  if (prevWord !== undefined && ['i', 'we'].includes(prevWord.lower) && verb.index - prevWord.index <= 2) return true;
  let prev = t.tokens[verb.index - 1];
  if (prev === undefined || verb.lineBefore) return true;
  // "… an anger disorder?" Told him I can't share": a sentence that ended inside a quotation.
  if ((prev.text === '"' || prev.text === '\u201d') && ['?', '!', '.'].includes(t.tokens[verb.index - 2]?.text ?? '')) prev = t.tokens[verb.index - 2] as Token;
  if (isSentenceEnd(t, prev) || ['?', '!'].includes(prev.text) || prev.text === ':' || prev.text === ';') return true;
  return prevWord !== undefined && prevWord === prev && CONJUNCTIONS.has(prev.lower) && workerEarlierInSentence(t, prev);
}

/**
 * "I said it sounds like you're carrying a lot", "Told Jaden your mom's worried
 * about you": the worker's own words to someone, unquoted, known by "you" in
 * the present tense right after the verb and its listener (POLICY.md: the
 * worker's own spoken lines are verbatim). "I told mom I would call" and "told
 * him that …" stay indirect.
 */
function emitWorkerAddress(t: Tokens, verb: Token, out: RawSpan[]): void {
  let index = verb.index + 1;
  // "Replied 7:10am, come see me when u get in": the worker's written reply, after its time.
  if (WRITING.has(verb.lower)) {
    while (t.tokens[index] !== undefined && (isTimePart(t.tokens[index] as Token) || (t.tokens[index] as Token).text === ':' || (t.tokens[index] as Token).text === ',')) index += 1;
    if (index === verb.index + 1) return;
  }
  // the listener: "him", "Jaden", "the sub", "the substitute I'd be out Friday:" is not one
  const listener = t.tokens[index];
  if (listener !== undefined && (OBJECTS.has(listener.lower) || (listener.type === 'word' && listener.text !== listener.lower && !LISTENER.has(listener.lower)))) index += 1;
  const first = t.tokens[index];
  // "it sounds like you're …" opens a sentence said to someone, though "it" opens no reported clause elsewhere.
  if (first === undefined || first.type !== 'word' || first.lineBefore || (NON_STARTERS.has(first.lower) && first.lower !== 'it') || first.lower === 'that') return;
  let addressed = false;
  for (let k = index; k < t.tokens.length && k < index + 6; k += 1) {
    const token = t.tokens[k] as Token;
    if (token.type === 'punct' && (isSentenceEnd(t, token) || token.text === ',')) break;
    if (ALWAYS_BACKSHIFT.has(token.lower) || token.lower.endsWith("'d")) return;
    if (LISTENER.has(token.lower)) addressed = true;
  }
  if (!addressed) return;
  const end = reportedEnd(t, first.index);
  if (end > first.start) out.push({ kind: 'verbatim', rule: 'verbatim.reported', start: first.start, end });
}

/** "I called mom and said …": the subject carried over the conjunction is the worker. */
function workerEarlierInSentence(t: Tokens, from: Token): boolean {
  for (let k = from.wordIndex - 1; k >= 0 && from.wordIndex - k <= MAX_CLAUSE_WORDS; k -= 1) {
    const word = t.words[k] as Token;
    const after = t.tokens[word.index + 1] as Token;
    if (isSentenceEnd(t, after) || after.lineBefore) return false;
    if (word.lower === 'i' || word.lower === 'we') return true;
  }
  return false;
}

/** Where unquoted reported speech stops: sentence end, a dash, ", then …", "and cried". */
function reportedEnd(t: Tokens, startIndex: number): number {
  const tokens = t.tokens;
  const first = tokens[startIndex] as Token;
  let end = first.end;
  for (let index = startIndex; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (index > startIndex && token.lineBefore) break;
    if (token.end - first.start > 500) break;
    if (token.type === 'punct') {
      const ch = token.text;
      if (ch === '?' || ch === '!') {
        end = token.end;
        if (isSentenceEnd(t, token)) break;
        continue;
      }
      if (ch === '.' && isSentenceEnd(t, token)) break;
      if (ch === ';' || ch === ')' || ch === '"' || ch === '\u201c') break;
      if ((ch === '\u2014' || ch === '\u2013' || ch === '(' || ch === '/' || ch === '-') && token.spaceBefore) break;
      if (ch === ',') {
        const following = tokens[index + 1];
        if (following !== undefined && (following.lower === 'then' || following.lower === 'and' && tokens[index + 2]?.lower === 'then')) break;
        if (following !== undefined && ['she', 'he', 'they'].includes(following.lower) && SPEECH.has(tokens[index + 2]?.lower ?? '')) break;
      }
      continue;
    }
    if (index > startIndex && token.lower === 'and') {
      const following = tokens[index + 1];
      if (following !== undefined && following.type !== 'punct' && RESUMERS.has(following.lower)) break;
    }
    if (index > startIndex && token.lower === 'then' && tokens[index - 1]?.text === ',') break;
    end = token.end;
  }
  return end;
}
