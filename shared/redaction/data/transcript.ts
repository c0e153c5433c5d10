// Source: POLICY.md, "Cases decided" (transcript-shaped lines that record actions are
// clean: "Mom: LVM 6:05", "AP: will send letters", "no answer x2", "Plan: f/u Fri"; a
// transcript answer of one word is verbatim; scare quotes are clean), and the speech cues
// of informal English reported speech ("she was like …", "he goes …"), as described in
// the quotative-"like" literature (e.g. Tagliamonte & D'Arcy, 2004). Written for this
// project from those classes, not from any note.

/** First words of a line that records what was done, not what was said ("LVM 9:10", "sent it", "will call back"). */
export const ACTION_OPENERS: readonly string[] = [
  'lvm', 'lm', 'vm', 'lmtc', 'left', 'sent', 'will', 'called', 'emailed', 'faxed', 'mailed', 'gave', 'dropped', 'scheduled',
  'rescheduled', 'confirmed', 'signed', 'returned', 'completed', 'done', 'picked', 'f/u', 'fu', 'followed', 'see',
  'attached', 'forwarded', 'declined', 'cancelled', 'canceled', 'rsvp', 'rsvpd', 'n/a', 'na', 'tbd', 'pending', 'absent',
  'out', 'unavailable', 'voicemail', 'busy', 'disconnected',
  // to-do lines: an imperative for the team ("Staff: remind teachers about …")
  'remind', 'ask', 'check', 'call', 'email', 'send', 'schedule', 'review', 'update', 'notify', 'contact', 'print',
  'bring', 'set', 'invite', 'share', 'coordinate', 'document', 'monitor', 'refer', 'request', 'submit', 'file',
  // what the worker did, written after "Me:" ("Me: let him finish the worksheet at my table")
  'let', 'offered', 'walked', 'moved', 'helped', 'redirected', 'validated', 'praised', 'prompted', 'modeled',
];

/** Verbs after which what follows is what someone wrote ("mom texted 📱 she got in!!! thank u"). */
export const WRITING_VERBS: readonly string[] = ['texted', 'txted', 'wrote', 'emailed', 'messaged', 'posted', 'dmd', "dm'd", 'typed', 'replied', 'commented'];

/** "no answer", "no callback": the second word after "no" that makes a line an action record. */
export const NO_ACTION_AFTER: readonly string[] = ['answer', 'callback', 'call', 'response', 'reply', 'show', 'contact', 'vm', 'voicemail', 'pickup'];

/** Words of the speaker's own voice: the singular first person and the person spoken to. */
export const OWN_VOICE_WORDS: readonly string[] = [
  'i', "i'm", "i've", "i'll", "i'd", 'im', 'ive', 'me', 'my', 'mine', 'myself', 'you', "you're", "you've", "you'll",
  "you'd", 'your', 'yours', 'yourself', 'u', 'ur', 'ya', 'y\'all',
  // a young child's own words for their parents ("mommy only holds the baby now")
  'mommy', 'daddy',
  // texting and slang that only someone's own message has ("bro shes literally …", "fr", "ngl")
  'bro', 'bruh', 'fr', 'ngl', 'tbh', 'lol', 'lmao', 'lmfao', 'omg', 'idk', 'smh', 'istg',
];

/** Quotatives that introduce words as said, informally ("he goes you can't prove it", "she was like i'm done"). */
export const DIRECT_SPEECH_CUES: readonly string[] = ['goes', 'go', 'went', 'like', 'kept saying', 'keeps saying', 'was all', 'is all'];

/** Forms of "be" before the quotative "like" ("was like", "is like", "'s like"). */
export const BE_FORMS: readonly string[] = ['was', 'is', 'were', 'are', 'am', "'m", "'s", "he's", "she's", "i'm", "they're", 'be', 'being', 'been', 'just', 'literally', 'all'];

/** Words that open what was said after a quotative: a person, a contraction, an answer word. */
export const DIRECT_OPENERS: readonly string[] = [
  'i', "i'm", "i've", "i'll", "i'd", 'im', 'my', 'we', "we're", 'you', "you're", "you'll", 'u', 'ur', "don't", "can't",
  "won't", "ain't", "didn't", "it's", "that's", 'no', 'yes', 'yeah', 'nah', 'whatever', 'why', 'what', 'leave', 'stop',
  'omg', 'ugh', 'bro', 'dude', 'nobody', 'everybody',
];

/** Determiners before a quotation used as a modifier ("the 'we miss you' tone"). */
export const ATTRIBUTIVE_DETERMINERS: readonly string[] = ['the', 'a', 'an', 'that', 'this', 'his', 'her', 'their', 'our'];

/** "Mom called:", "Dad phoned:": the words after are what was said on the call. */
export const CALL_VERBS: readonly string[] = ['called', 'phoned', 'rang', 'calling', 'phoning', 'called back', 'called in'];

/**
 * A line that opens with a verb about the speaker ("wants attendance before
 * the review", "asks to move the meeting") sums up what they said or wrote;
 * it is not their words.
 */
export const SUMMARY_OPENERS: readonly string[] = [
  'wants', 'needs', 'asks', 'asked', 'says', 'thinks', 'agrees', 'agreed', 'requests', 'requested', 'prefers', 'reports',
  'states', 'feels', 'hopes', 'plans', 'expects', 'suggests', 'suggested', 'recommends', 'recommended', 'confirms',
  'declines', 'denies', 'reminds',
];

