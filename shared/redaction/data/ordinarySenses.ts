// Source: POLICY.md, "Cases decided": casual clinical words are flagged when applied to a
// person and not when applied to things, days or weather ("manic Monday", "bipolar
// weather"); "ADD to agenda" is the verb. The nouns below are the everyday things such
// words describe (days and times, weather, energy and pace), from general English usage.

/** After "manic", "bipolar", "psychotic": the word describes a thing, a day or the weather, not a person. */
export const THING_NOUNS_AFTER: readonly string[] = [
  'monday', 'mondays', 'tuesday', 'wednesday', 'thursday', 'friday', 'fridays', 'saturday', 'sunday', 'day', 'days',
  'week', 'weeks', 'weekend', 'morning', 'mornings', 'afternoon', 'evening', 'night', 'season', 'month', 'year',
  'energy', 'pace', 'vibe', 'vibes', 'weather', 'schedule', 'traffic', 'rush', 'schedules', 'kind', 'mode', 'cleaning',
  'bear', 'bears', 'magnet', 'magnets', 'molecule', 'molecules', 'cell', 'cells', 'spirit', 'pixie', 'playlist', 'song',
  'music', 'beat', 'speed', 'shopping', 'scramble', 'mess', 'dash',
];

/** After a capital abbreviation that is also an English word (ADD, ODD): a verb or an adjective ("ADD to agenda", "ODD numbers"). */
export const WORD_SENSE_AFTER: readonly string[] = [
  'to', 'it', 'them', 'this', 'that', 'these', 'those', 'a', 'an', 'the', 'him', 'her', 'me', 'us', 'more', 'some',
  'up', 'your', 'my', 'his', 'their', 'our', 'one', 'ones', 'number', 'numbers', 'socks', 'shoe', 'page',
  'pages', 'items', 'item', 'rows', 'days', 'weeks', 'jobs', 'job', 'notes', 'names', 'name',
];
