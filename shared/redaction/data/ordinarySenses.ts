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

/**
 * POLICY.md, "Cases decided": "criteria" that decide eligibility for a program or a
 * service, not a diagnosis ("meets criteria for McKinney-Vento", "met criteria for free
 * lunch", "criteria for special education services"). From US school eligibility
 * vocabulary (McKinney-Vento Act, NSLP free and reduced-price meals, IDEA, Section 504,
 * Title I, ELL programs).
 */
export const ELIGIBILITY_WORDS: readonly string[] = [
  'free', 'reduced', 'lunch', 'meals', 'services', 'service', 'special', 'education', 'sped', 'eligibility', 'eligible',
  'homeless', 'homelessness', 'housing', 'transportation', 'program', 'programs', 'support', 'supports', 'tier',
  'intervention', 'interventions', 'placement', 'retention', 'promotion', 'graduation', 'credit', 'credits', 'gifted',
  'talented', 'honors', 'ell', 'esl', 'esol', 'el', 'title', '504', 'iep', 'iep services', 'speech', 'ot', 'pt',
  'therapy', 'counseling', 'medicaid', 'snap', 'wic', 'assistance', 'aid', 'scholarship', 'truancy', 'chronic absence',
  'attendance', 'referral', 'enrollment', 'residency', 'foster', 'kinship', 'the', 'a', 'an', 'this', 'that', 'our',
  'their', 'his', 'her', 'mckinney', 'mckinney-vento', 'mv', 'fapi', 'summer', 'after-school', 'afterschool',
];

/**
 * "heard voices arguing in the locker room": real voices somewhere in the building,
 * not hallucinations. After "heard voices", an -ing verb of people talking aloud, or a
 * place within a few words, reads as hearing people nearby (general English usage; the
 * places are the rooms of a school). "hearing voices in his head" stays flagged.
 */
export const REAL_VOICES_VERBS: readonly string[] = [
  'arguing', 'yelling', 'shouting', 'laughing', 'screaming', 'fighting', 'chatting', 'singing', 'cheering', 'giggling',
];
export const REAL_VOICES_PLACES: readonly string[] = [
  'hallway', 'hall', 'room', 'gym', 'locker', 'outside', 'door', 'wall', 'upstairs', 'downstairs', 'classroom',
  'cafeteria', 'bathroom', 'restroom', 'stairwell', 'office', 'lobby', 'parking', 'field', 'playground', 'courtyard',
];
/** A voice place that makes them inside the person after all. */
export const INNER_VOICES_WORDS: readonly string[] = ['head', 'mind', 'telling', 'told', 'tell', 'command', 'commanding'];

/** Before "HI": words of place and travel that make it the state ("moving to HI", "family in HI"). */
export const PLACE_BEFORE_STATE: readonly string[] = ['to', 'in', 'from', 'visiting', 'moved', 'moving', 'flew', 'flying', 'relocating', 'relocated', 'near'];

/**
 * IDEA eligibility categories that name no condition of a person (34 CFR 300.8):
 * "found eligible under Specific Learning Disability", "OHI eligibility". The
 * categories that do name one (autism, intellectual disability) are not here.
 */
export const SCHOOL_CATEGORY_NAMES: readonly string[] = [
  'specific learning disability', 'learning disability', 'other health impairment', 'emotional disturbance',
  'emotional disability', 'speech or language impairment', 'speech language impairment', 'developmental delay',
];
/** Words around a category that make it the school's ("eligible under …", "… eligibility"). */
export const SCHOOL_CATEGORY_CUES: readonly string[] = ['eligible', 'eligibility', 'category', 'qualifies', 'qualified', 'qualify', 'classification'];

