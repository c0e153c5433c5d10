import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations as englishTranslations } from '@zxcvbn-ts/language-en';
import type { PassphraseStrength } from '../../../shared/api/schemas';
import { VaultError } from '../errors';

export const MIN_PASSPHRASE_LENGTH = 10;
export const MIN_PASSPHRASE_SCORE = 3;

/** Words a guesser would try first against this app. */
const APP_WORDS = ['sole', 'notes', 'solenotes', 'sole notes', 'school', 'social', 'worker', 'socialworker', 'student', 'students', 'counselor', 'vault'];

/** zxcvbn's feedback reworded for a social worker: no jargon, "passphrase" not "password". */
const PLAIN_WORDS = {
  warnings: {
    straightRow: 'Keys next to each other on the keyboard are easy to guess.',
    keyPattern: 'Short keyboard patterns are easy to guess.',
    simpleRepeat: 'Repeated letters like "aaa" are easy to guess.',
    extendedRepeat: 'Repeated patterns like "abcabcabc" are easy to guess.',
    sequences: 'Runs like "abc" or "123" are easy to guess.',
    recentYears: 'Recent years are easy to guess.',
    dates: 'Dates are easy to guess.',
    topTen: 'This is one of the most used passwords in the world.',
    topHundred: 'This is a very often used password.',
    common: 'This is a commonly used password.',
    similarToCommon: 'This is close to a commonly used password.',
    wordByItself: 'A single word is easy to guess.',
    namesByThemselves: 'Names on their own are easy to guess.',
    commonNames: 'Common first names and surnames are easy to guess.',
    userInputs: 'Avoid words about this app or your work, like "Sole Notes" or "school".',
    pwned: 'This passphrase has appeared in lists of stolen passwords.',
  },
  suggestions: {
    l33t: 'Swapping letters for look-alike symbols, like @ for a, does not fool anyone.',
    reverseWords: 'Spelling a word backwards does not make it harder to guess.',
    allUppercase: 'Capitals everywhere do not help much; more words help more.',
    capitalization: 'A capital first letter does not help much; more words help more.',
    dates: 'Leave out dates and years that mean something to you.',
    recentYears: 'Leave out recent years.',
    associatedYears: 'Leave out years that mean something to you.',
    sequences: 'Leave out runs like "abc" or "123".',
    repeated: 'Leave out repeated words and letters.',
    longerKeyboardPattern: 'Keyboard patterns are easy to guess; use words instead.',
    anotherWord: 'Add another word or two that people would not expect together.',
    useWords: 'Use several unrelated words, not a well-known phrase.',
    noNeed: 'You do not need symbols, digits or capitals: a few unrelated words are enough.',
    pwned: 'If you use this passphrase anywhere else, choose a new one there too.',
  },
  timeEstimation: englishTranslations.timeEstimation,
};

const TOO_SHORT_WARNING = `It is shorter than ${MIN_PASSPHRASE_LENGTH} characters.`;
const TOO_SHORT_SUGGESTION = 'Use at least four unrelated words, like a short odd sentence only you would think of.';
const GENERIC_WARNING = 'This passphrase would be too easy to guess.';

let factory: ZxcvbnFactory | undefined;

/** The dictionaries are large: build the checker on first use, then keep it. */
function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: PLAIN_WORDS,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
  });
  return factory;
}

export function judgePassphrase(passphrase: string): PassphraseStrength {
  const result = checker().check(passphrase, APP_WORDS);
  const tooShort = [...passphrase].length < MIN_PASSPHRASE_LENGTH;
  const acceptable = result.score >= MIN_PASSPHRASE_SCORE && !tooShort;

  let warning = result.feedback.warning || null;
  const suggestions = result.feedback.suggestions.filter((suggestion) => suggestion.length > 0);
  if (tooShort) {
    warning ??= TOO_SHORT_WARNING;
    if (!suggestions.includes(TOO_SHORT_SUGGESTION)) suggestions.unshift(TOO_SHORT_SUGGESTION);
  }
  if (!acceptable) {
    warning ??= GENERIC_WARNING;
    if (suggestions.length === 0) suggestions.push(PLAIN_WORDS.suggestions.anotherWord);
  }
  return { score: result.score, acceptable, warning, suggestions };
}

/** Throws WEAK_PASSPHRASE, with the reason in plain words, unless the passphrase is acceptable. */
export function assertStrongPassphrase(passphrase: string): void {
  const strength = judgePassphrase(passphrase);
  if (strength.acceptable) return;
  const advice = strength.suggestions[0];
  throw new VaultError('WEAK_PASSPHRASE', `Please choose a stronger passphrase. ${strength.warning ?? GENERIC_WARNING}${advice ? ` ${advice}` : ''}`);
}
