import { isCapitalized, isSentenceEnd, type Token, type Tokens } from '../text';
import { clauseBefore } from './noteShapes';
import { CLINICIANS, DOCUMENTS, HONORIFIC, ROLES, SHOWING, WRITING, WRITINGS } from './vocabulary';

/**
 * Clauses before a colon that introduce someone's words without a speaker's
 * label: a writing shown or passed on ("Jordan showed me a note he keeps on
 * his phone:"), a post named with its sender, someone who wrote to someone,
 * someone who stopped the worker to talk. The transcript rule reads the words
 * after the colon.
 */

/** How far back a clause that introduces a writing ("Jordan showed me a note …:") is read, in words. */
const MAX_INTRO_WORDS = 14;

/** A message noun ("Texts Mom sent me over the weekend"), plural too. */
export function isWritingWord(token: Token): boolean {
  return hasOrPlural(WRITINGS, token.lower);
}

/** The word is in the set, or is the plural of one that is ("texts", "comments"). */
function hasOrPlural(set: ReadonlySet<string>, word: string): boolean {
  return set.has(word) || (word.endsWith('s') && set.has(word.slice(0, -1)));
}

/** Most words between a verb of writing and the colon after it ("texted the school Google Voice:"). */
const MAX_WRITTEN_TO_WORDS = 5;

/**
 * "Mason L texted the school Google Voice:", "Dad emailed the whole team:":
 * someone wrote to someone, and the words follow. The writer must be named
 * before the verb; "Texted mom:" alone is the worker's own to-do.
 */
export function wroteTo(t: Tokens, colon: Token): boolean {
  const clause = clauseBefore(t, colon, MAX_INTRO_WORDS);
  const verb = clause.findIndex((token) => WRITING.has(token.lower));
  return verb > 0 && clause.length - 1 - verb <= MAX_WRITTEN_TO_WORDS && !clause.slice(verb + 1).some((token) => WRITING.has(token.lower) || token.lower === 'about' || token.lower === 're');
}

/** Verbs of someone coming up to the worker to talk ("stopped me", "pulled me aside", "caught me"). */
const STOPPED = new Set(['stopped', 'caught', 'approached', 'pulled', 'grabbed', 'flagged', 'found', 'cornered']);

/**
 * A clause that opens with a person (a role, or a title and a name) who came
 * up to the worker: "Neighbor Bev Tucker stopped me at the post office:". What
 * follows the colon is what they said.
 */
export function stoppedMe(t: Tokens, colon: Token): boolean {
  const clause = clauseBefore(t, colon, MAX_INTRO_WORDS);
  const first = clause[0];
  const stopped = clause.some((token, i) => STOPPED.has(token.lower) && clause[i + 1]?.lower === 'me');
  return first !== undefined && stopped && (ROLES.has(first.base) || HONORIFIC.has(first.lower));
}

/**
 * "Post from a student's TikTok shown by a friend:", "Comment on the class page
 * from an unknown account:": a clause that opens with a post or a comment and
 * names who it came from introduces its words.
 */
export function namesWritingFrom(t: Tokens, colon: Token): boolean {
  const clause = clauseBefore(t, colon, MAX_INTRO_WORDS);
  const first = clause[0];
  if (first === undefined || clause.some((token) => CLINICIANS.has(token.base) || (DOCUMENTS.has(token.base) && !WRITINGS.has(token.base)))) return false;
  const from = clause.some((token) => token.lower === 'from' || token.lower === 'by');
  return from && hasOrPlural(POSTS, first.base);
}
/** Writing that one person posts or sends; an email or a letter "from the PTA" is often a mass message. */
const POSTS = new Set(['post', 'comment', 'caption', 'tweet', 'dm', 'snap', 'reply']);

export function introducesWriting(t: Tokens, colon: Token): boolean {
  let writing = false;
  let shown = false;
  let seen = 0;
  for (let index = colon.index - 1; index >= 0 && seen < MAX_INTRO_WORDS; index -= 1) {
    let token = t.tokens[index] as Token;
    // "Copied from her worksheet (she asked me to keep it):": the aside in brackets is not the clause.
    if (token.text === ')' && index === colon.index - 1) {
      const limit = index - 40;
      while (index > 0 && index > limit && (t.tokens[index] as Token).text !== '(') index -= 1;
      if ((t.tokens[index] as Token).text !== '(') return false;
      index -= 1;
      if (index < 0) return false;
      token = t.tokens[index] as Token;
    }
    if (CLINICIANS.has(token.base)) return false; // "Paediatrician letter received:" is a clinical document
    if (isSentenceEnd(t, token) || token.text === ':') return false;
    if (token.type !== 'punct') {
      seen += 1;
      // "Copied from her self-advocacy worksheet:": a form a person filled in is their writing.
      if (DOCUMENTS.has(token.base) && !WRITINGS.has(token.base) && ownedByPerson(t, token)) writing = true;
      else if (DOCUMENTS.has(token.base) && !WRITINGS.has(token.base)) return false; // "showed me the court order:"
      if (WRITINGS.has(token.base)) writing = true;
      if (SHOWING.has(token.lower)) shown = true;
    }
    if (token.lineBefore) break;
  }
  return writing && shown;
}

/** "her worksheet", "his exit ticket", "Maya's journal": something of a person's (a word or two before it). */
function ownedByPerson(t: Tokens, noun: Token): boolean {
  for (let index = noun.index - 1; index >= 0 && noun.index - index <= 3; index -= 1) {
    const token = t.tokens[index] as Token;
    if (token.type === 'punct' && token.text !== '-' && token.text !== "'" && token.text !== '\u2019') return false;
    if (OWNERS.has(token.lower) || (token.lower === 's' && isCapitalized(t.tokens[index - 2] as Token))) return true;
  }
  return false;
}

const OWNERS = new Set(['his', 'her', 'their', 'my']);
