// Source: the Sole Notes labelling policy (../shared/redaction/POLICY.md, "verbatim": quotations,
// unquoted first-person reported speech after a speech verb, transcript lines "Speaker: words";
// not indirect speech, scare quotes, titles or text quoted from documents), turned into word
// lists of English speech verbs, the people a school social worker talks to, note headings,
// school documents and title cues. Written by hand for this project.

/** Verbs that introduce what someone said or wrote. */
export const SPEECH_VERBS: readonly string[] = [
  'texting', 'messaging', 'emailing',
  'said', 'says', 'say', 'saying', 'stated', 'states', 'stating', 'reported', 'reports', 'reporting', 'told', 'tells',
  'telling', 'asked', 'asks', 'asking', 'replied', 'replies', 'answered', 'answers', 'responded', 'responds', 'yelled',
  'yells', 'shouted', 'shouts', 'screamed', 'screams', 'whispered', 'whispers', 'mumbled', 'mumbles', 'muttered',
  'mutters', 'cried', 'sobbed', 'wrote', 'writes', 'written', 'texted', 'texts', 'emailed', 'emails', 'messaged',
  'added', 'adds', 'explained', 'explains', 'shared', 'shares', 'disclosed', 'discloses', 'admitted', 'admits',
  'announced', 'insisted', 'insists', 'complained', 'complains', 'repeated', 'repeats', 'commented', 'remarked',
  'exclaimed', 'blurted', 'declared', 'claimed', 'claims', 'goes', 'went', 'snapped', 'sighed', 'joked', 'pleaded',
  'begged', 'demanded', 'demands', 'warned', 'threatened', 'vented', 'confided', 'wondered', 'kept saying',
  'keeps saying', 'said to me', 'told me', 'asked me', 'posted', 'typed', 'txt', 'txted', 'txts',
  // signed language: "Eli signed I WANT DIE", "he signed NOTHING. JUST KNOW"
  'signed', 'signing',
];

/** Speech verbs that, said of a person, usually report rather than quote; they still count before "I …". */
export const OBJECT_AFTER_SPEECH: readonly string[] = [
  'me', 'us', 'him', 'her', 'them', 'everyone', 'everybody', 'someone', 'somebody', 'the', 'his', 'her', 'their', 'my',
  'mom', 'dad', 'teacher', 'class', 'group', 'staff',
];

/** Adverbs and short phrases allowed between a speech verb and the words it reports. */
export const SPEECH_ADVERBS: readonly string[] = [
  'quietly', 'softly', 'again', 'twice', 'later', 'today', 'yesterday', 'angrily', 'tearfully', 'calmly', 'loudly',
  'finally', 'then', 'just', 'also', 'repeatedly', 'once', 'sarcastically', 'flatly', 'suddenly', 'immediately',
  'simply', 'only', 'basically', 'literally', 'out', 'loud', 'crying', 'laughing', 'through', 'tears', 'several',
  'times', 'more', 'than', 'under', 'breath', 'his', 'her', 'their', 'on', 'in', 'during', 'at', 'the', 'a', 'an',
  'exit', 'ticket', 'journal', 'note', 'email', 'text', 'group', 'session', 'class', 'end', 'first', 'thing',
  'this', 'morning', 'afternoon', 'to', 'me', 'us', 'him', 'her', 'them', 'worksheet', 'card', 'paper', 'chat',
  'phone', 'call', 'office', 'hallway', 'way', 'out',
  // how it was said ("told him privately, in Somali, I am afraid …")
  'privately', 'openly', 'honestly', 'directly', 'clearly', 'firmly', 'sadly', 'proudly', 'seriously', 'casually',
  'jokingly', 'nervously', 'plainly', 'bluntly', 'quickly', 'slowly', 'politely', 'confidentially', 'separately',
];

/** First words that open direct, first-person speech ("Student stated I hate it here"). */
export const FIRST_PERSON_OPENERS: readonly string[] = [
  'i', "i'm", "i've", "i'll", "i'd", 'im', 'ive', 'ill', 'my', 'me', 'mine', 'myself', 'we', "we're", "we've",
  "we'll", "we'd", 'our', 'ours', 'us',
];

/** After "I", these usually mean indirect speech where "I" is the worker ("she said I could call"). */
export const BACKSHIFT_AFTER_I: readonly string[] = [
  'could', 'would', 'should', 'might', 'had', 'needed', 'wanted', 'was', 'were', 'did', 'must',
];

/** After the speech verb, these start indirect speech ("said that …", "asked if …"). */
export const INDIRECT_OPENERS: readonly string[] = ['that', 'if', 'whether', 'how', 'why', 'what', 'when', 'where', 'who', 'to'];

/** Words that end unquoted reported speech and go back to the note ("…, then walked out"). */
export const NARRATIVE_RESUMERS: readonly string[] = [
  'then', 'walked', 'cried', 'left', 'ran', 'seemed', 'started', 'stopped', 'went', 'got', 'changed', "didn't", 'did',
  'asked', 'said', 'put', 'looked', 'refused', 'turned', 'stormed', 'laughed', 'smiled', 'shrugged', 'sat', 'stood',
  'wouldn\'t', 'would', 'was', 'hung', 'slammed', 'cried', 'broke', 'calmed', 'agreed', 'nodded',
];

/** People whose words a transcript line records ("Mom: …", "Nurse: …"). */
export const SPEAKER_ROLES: readonly string[] = [
  'mom', 'mother', 'mum', 'mama', 'dad', 'father', 'papa', 'stepmom', 'stepdad', 'stepmother', 'stepfather', 'parent',
  'parents', 'guardian', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'granny', 'nana', 'abuela', 'abuelo',
  'aunt', 'auntie', 'uncle', 'cousin', 'brother', 'sister', 'sibling', 'sib', 'foster', 'caregiver', 'caseworker',
  'teacher', 'student', 'kid', 'child', 'boy', 'girl', 'peer', 'friend', 'classmate', 'nurse', 'coach', 'principal',
  'ap', 'counselor', 'counsellor', 'therapist', 'psych', 'psychologist', 'psychiatrist', 'doctor', 'sub', 'aide',
  'para', 'driver', 'officer', 'sro', 'me', 'worker', 'sw', 'interviewer', 'q', 'a', 'admin', 'secretary', 'custodian',
  'librarian', 'interpreter', 'boyfriend', 'girlfriend', 'stepsister', 'stepbrother', 'baby', 'neighbor', 'neighbour',
  'manager', 'pastor', 'tutor', 'mentor', 'clinician', 'provider', 'pediatrician', 'caller', 'staff',
  // office and agency roles a worker talks to
  'receptionist', 'clerk', 'registrar', 'judge', 'attorney', 'lawyer', 'dean', 'vp', 'superintendent', 'coordinator',
  'director', 'liaison', 'advocate', 'dispatcher', 'pharmacist', 'operator', 'landlord', 'employer', 'boss', 'roommate',
  'bestie', 'guardian', 'cw', 'gal', 'casa', 'po',
  // a case manager, and a sibling named by their place ("Oldest: …")
  'mgr', 'oldest', 'youngest', 'eldest', 'paediatrician', 'daughter', 'son', 'niece', 'nephew', 'grandson',
  'granddaughter', 'husband', 'wife', 'stu', 'fm', 'fd', 'fp',
];

/** Titles before a name ("Mr. Ortega:", "Dr. Lowe:"). */
export const HONORIFICS: readonly string[] = [
  'mr', 'ms', 'mrs', 'miss', 'mx', 'dr', 'coach', 'nurse', 'officer', 'aunt', 'uncle', 'grandma', 'grandpa', 'principal', 'pastor', 'sr', 'fr', 'prof',
  // titles of the court and the police before a name ("PO Vance", "Judge Ortiz", "SRO Diaz", "Det. Ruiz")
  'po', 'sro', 'judge', 'det', 'detective', 'sgt', 'deputy',
  // clergy ("Rev. Simms", "Imam Yusuf")
  'rev', 'reverend', 'rabbi', 'imam',
];

/** Words allowed before a role in a speaker label ("Foster mom:", "Math teacher:", "Kevin's mom:"). */
export const SPEAKER_MODIFIERS: readonly string[] = [
  'his', 'her', 'their', 'my', 'the', 'foster', 'step', 'bio', 'birth', 'older', 'younger', 'little', 'big', 'new',
  'homeroom', 'math', 'ela', 'science', 'pe', 'gym', 'music', 'art', 'reading', 'sped', 'ell', 'esl', 'school', 'substitute',
  'assistant', 'other', 'another', 'one', 'second', 'third', 'first', 'outside',
];

/** Labels before a colon that head a note section, never a speaker ("Plan:", "Agenda:", "Note for me:"). */
export const HEADING_WORDS: readonly string[] = [
  'plan', 'plans', 'next', 'steps', 'topics', 'topic', 'agenda', 'present', 'attendees', 'attending', 'team', 'concern',
  // the worker's own planning and reflection ("Reflection: I'm tired", "Icebreaker: would you rather")
  'reflection', 'reflections', 'script', 'icebreaker', 'supervision', 'consult', 'consultation', 'debrief', 'panel',
  'paraphrasing', 'paraphrase', 'paraphrased', 'gist', 'summarizing', 'summarising', 'boundaries',
  'emergency', 'emergencia', 'crisis', 'urgent',
  'warm-up', 'wrap-up', 'closing', 'opening', 'lesson', 'self-care',
  'concerns', 'follow-up', 'followup', 'follow', 'f', 'fu', 'purpose', 'goal', 'goals', 'setting', 'activity',
  'activities', 'reminder', 'reminders', 'note', 'notes', 'action', 'actions', 'agreement', 'agreements', 'agreed', 'accommodations',
  'supports', 'support', 'contact', 'contacts', 'flags', 'new', 'update', 'updates', 'todo', 'to-do', 're', 'subject',
  'summary', 'students', 'kids', 'focus', 'observation', 'observations', 'result', 'results', 'outcome', 'outcomes',
  'carry', 'discussed', 'attendance', 'options', 'strengths', 'questions', 'question', 'answer', 'idea', 'ideas',
  'thought', 'thoughts', 'later', 'afterwards', 'after', 'before', 'today', 'tomorrow', 'tonight', 'morning',
  'afternoon', 'evening', 'ps', 'p.s', 'nb', 'fyi', 'also', 'context', 'background', 'history', 'impression',
  'assessment', 'intervention', 'interventions', 'progress', 'important', 'priority', 'barriers', 'behavior',
  'behaviour', 'mood', 'affect', 'grades', 'schedule', 'homework', 'lunch', 'recess', 'medications', 'meds',
  'diagnosis', 'dx', 'address', 'phone', 'email', 'cell', 'time', 'date', 'dates', 'when', 'where', 'who', 'what',
  'why', 'how', 'location', 'place', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'week', 'day', 'month', 'referral',
  'referrals', 'reason', 'status', 'data', 'scores', 'services', 'service', 'resources', 'tasks', 'task', 'items',
  'item', 'list', 'flag', 'warning', 'caution', 'timeline', 'info', 'information', 'details', 'detail', 'source',
  'sources', 'records', 'record', 'eval', 'evaluation', 'report', 'letter', 'paperwork', 'records', 'sst', 'iep',
  'bip', 'fba', 'mtg', 'meeting', 'call', 'visit', 'session', 'group', 'check-in', 'checkin', 'debrief', 'consult',
  'incident', 'issue', 'issues', 'problem', 'problems', 'request', 'requests', 'response', 'decision', 'decisions',
  'conclusion', 'recommendation', 'recommendations', 'feedback', 'bring', 'need', 'needs', 'ask', 'tell', 'send',
  'call', 'email', 'text', 'remember', 'don\'t', 'do', 'done', 'ok', 'okay', 'yes', 'no', 'maybe', 'pending', 'tbd',
  'step', 'first', 'second', 'third', 'then', 'finally', 'last', 'overall', 'total', 'family', 'home',
  'school', 'class', 'health', 'safety', 'risk', 'strategy', 'strategies', 'tip', 'tips', 'sources', 'med', 'dob',
  'sid', 'id', 'age', 'grade', 'gr', 'reviewed', 'review', 'noticed', 'observed',
  'concerns', 'worries', 'wins', 'highlights', 'challenges', 'celebrations', 'kudos', 'shoutout', 'praise',
];

/** Institutional documents: text quoted from them is not someone's words ("The IEP lists 'extended time'"). */
export const DOCUMENT_NOUNS: readonly string[] = [
  'handbook', 'iep', 'ieps', '504', 'plan', 'policy', 'policies', 'rubric', 'syllabus', 'schedule', 'agenda', 'checklist',
  'contract', 'agreement', 'manual', 'guidelines', 'guideline', 'procedure', 'procedures', 'protocol', 'code', 'law',
  'rule', 'rules', 'sign', 'signs', 'poster', 'posters', 'flyer', 'flier', 'notice', 'memo', 'curriculum', 'worksheet',
  'handout', 'website', 'site', 'order', 'bip', 'fba', 'accommodations', 'accommodation', 'goal', 'goals', 'template',
  'label', 'chart', 'report', 'eval', 'evaluation', 'summary', 'records', 'record', 'paperwork', 'form', 'forms',
  'letter', 'document', 'documents', 'packet', 'referral', 'card', 'certificate', 'brochure', 'newsletter', 'menu',
  'board', 'whiteboard', 'slide', 'slides', 'textbook', 'book', 'standard', 'standards', 'objective', 'objectives',
  'statute', 'regulation', 'regulations', 'ferpa', 'district', 'state', 'guidance', 'instructions', 'directions',
  'prompt', 'assignment', 'question', 'test', 'quiz', 'banner', 'sticker', 'certificate', 'discharge', 'note', 'notes',
  'script', 'scripts', 'puppet', 'puppets', 'comments', 'prompts', 'eligibility', 'criteria', 'requirements',
  'invite', 'invitation', 'calendar',
  // papers and labels a parent brings or reads out, and mass copy
  'papers', 'bottle', 'prescription', 'pharmacy', 'blurb', 'announcement', 'bulletin', 'pamphlet', 'summons', 'decree',
];

/** Writings by a person: text quoted from them is that person's words ("Text from mom: '…'"). */
export const PERSONAL_WRITINGS: readonly string[] = [
  'email', 'note', 'card', 'text', 'txt', 'msg', 'vm', 'texted', 'message', 'journal', 'diary', 'ticket', 'statement', 'post',
  'dm', 'voicemail', 'letter', 'fw', 'fwd', 'notebook', 'reply', 'tip', 'tipline', 'tip-line', 'handwriting',
  'comment', 'caption', 'tweet', 'essay', 'poem',
  // Spanish and Portuguese ("Correo de la mamá:", "Mensagem da mãe:")
  'correo', 'mensaje', 'nota', 'carta', 'recado', 'mensagem', 'bilhete',
  // messaging services
  'chat', 'gchat', 'imessage', 'whatsapp', 'snapchat', 'snap', 'sms', 'im',
];

/**
 * Words of an automated or mass message, which POLICY.md ("Cases decided": documents vs a
 * person's writing) treats as a document, not someone's words: system notices, no-reply
 * senders, out-of-office replies, all-staff announcements.
 */
export const AUTOMATED_MESSAGE_WORDS: readonly string[] = ['automated', 'auto-generated', 'autoreply', 'auto-reply', 'noreply', 'no-reply', 'unsubscribe', 'out-of-office', 'template'];
/** The same, with form letters, as phrases looked for in a header line or a label ("Out-of-office reply from …:"). */
export const AUTOMATED_MESSAGE_PHRASES: readonly string[] = [
  'automated', 'auto-generated', 'autoreply', 'auto-reply', 'noreply', 'no-reply', 'do not reply', 'unsubscribe',
  'out-of-office', 'out of office', 'template', 'form letter', 'reply stop', 'text stop', 'opt out', 'opt-out',
  'msg & data rates', 'message and data rates', 'auto notice', 'auto-notice', 'automatic', 'auto message', 'auto text',
  'robocall',
];

/** Verbs that show or pass on someone's writing ("showed me a note he keeps on his phone:"). */
export const SHOWING_VERBS: readonly string[] = [
  'showed', 'shows', 'forwarded', 'forwards', 'screenshotted', 'pasted', 'sent', 'sends', 'received', 'got', 'keeps', 'kept',
  'pulled', 'handed', 'read', 'copied', 'found', 'slipped', 'left', 'filled', 'wrote', 'written', 'shown', 'posted', 'reposted',
];

/** Quote marks said aloud in dictation ("quote … end quote", "unquote"). */
export const SPOKEN_QUOTE_OPENER = 'quote';
export const SPOKEN_QUOTE_CLOSERS: readonly string[] = ['end quote', 'end of quote', 'close quote', 'unquote', 'end quotes', 'close quotes'];

/** Words in a label's brackets that say the words after it are exact ("Mamá (interpreter, word for word):"). */
export const EXACT_WORD_CUES: readonly string[] = ['verbatim', 'exact', 'exactly', 'interpreter', 'interpreting', 'relaying', 'relayed', 'translating'];

/** Words near a quote that show a title of a book, song, program, lesson or assessment. */
export const TITLE_CUES_BEFORE: readonly string[] = [
  'read', 'reading', 'reread', 're-read', 'book', 'books', 'novel', 'story', 'song', 'songs', 'sang', 'sing', 'video',
  'videos', 'movie', 'movies', 'film', 'show', 'watched', 'watch', 'played', 'program', 'lesson', 'lessons', 'unit',
  'curriculum', 'called', 'titled', 'entitled', 'named', 'game', 'activity', 'handout', 'worksheet', 'poster',
  'assessment', 'scale', 'inventory', 'survey', 'questionnaire', 'screener', 'app', 'club', 'theme', 'campaign',
  // a group chat's or channel's name ("group chat "7th grade gang 😂""), an email's subject
  'chat', 'gc', 'groupchat', 'channel', 'server', 'subject',
  'podcast', 'episode', 'article', 'chapter', 'poem', 'play', 'musical', 'spirit', 'motto', 'slogan', 'pledge',
  'hashtag', 'label', 'labeled', 'labelled', 'titled', 'word', 'words', 'phrase', 'term', 'spell', 'spelled', 'spelling',
  'wrote', 'write', 'writing', 'voted', 'vote', 'chose', 'picked', 'nickname', 'nicknamed', 'dubbed', 'mentioned',
  'about', 'discussed', 'practiced', 'practised', 'taught', 'teach', 'introduced', 'reviewed', 'using', 'used', 'tried',
  'topic', 'strategy', 'skill',
];

export const TITLE_CUES_AFTER: readonly string[] = [
  'lesson', 'lessons', 'program', 'programme', 'handout', 'cards', 'card', 'book', 'books', 'curriculum', 'worksheet',
  'video', 'song', 'game', 'poster', 'mentor', 'mentoring', 'check-in', 'checkin', 'activity', 'activities', 'unit',
  'scale', 'assessment', 'inventory', 'survey', 'screener', 'questionnaire', 'app', 'club', 'day', 'week', 'month',
  'assembly', 'theme', 'campaign', 'initiative', 'model', 'chart', 'board', 'strategy', 'tool', 'kit', 'group', 'time',
  'option', 'options', 'table', 'corner', 'zone', 'rule', 'rules', 'list', 'system', 'sheet', 'box', 'jar', 'bench',
  'starts', 'started', 'begins', 'series', 'podcast', 'episode', 'movie', 'film', 'show', 'article', 'chapter', 'poem',
  'play', 'method', 'approach', 'framework', 'routine', 'slogan', 'motto', 'pledge', 'sign', 'signs', 'posters',
];

/** Small words a title may leave in lower case ("Frog and Toad Are Friends"). */
export const TITLE_SMALL_WORDS: readonly string[] = [
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'vs', 'via', 'into', 'up',
];

/** Pronouns that mark words as someone's speech ("I", "you", "we"). */
export const PERSONAL_PRONOUNS: readonly string[] = [
  'i', "i'm", "i've", "i'll", "i'd", 'im', 'me', 'my', 'mine', 'myself', 'you', "you're", "you've", "you'll", "you'd",
  'your', 'yours', 'yourself', 'we', "we're", "we've", "we'll", "we'd", 'us', 'our', 'ours', 'u', 'ur',
];

/** Words that make a line after a speaker label read as speech ("Mom: he never listens"). */
export const SPEECH_WORDS: readonly string[] = [
  'he', 'she', 'they', 'him', 'her', 'them', 'his', 'their', 'it', 'this', 'that', 'there', 'these', 'those', "he's",
  "she's", "they're", "it's", "that's", "there's", "what's", "where's", "who's", 'is', 'are', 'was', 'were', 'do', 'does',
  'did', 'can', 'will', 'would', 'should', 'could', 'want', 'wants', 'need', 'needs', 'never', 'always', 'not', 'no',
  'yes', 'please', 'why', 'what', 'how', 'where', 'when', 'who', 'just', 'really', 'ok', 'okay', 'thanks', 'thank',
  'sorry', 'hate', 'love', 'like', 'know', 'think', 'feel', 'get', 'got', 'go', 'going', 'tell', 'told', 'let', 'have',
  'has', 'had', 'be', 'been', 'am', 'gonna', 'wanna', 'cannot', 'nobody', 'everybody', 'everyone', 'anyone', 'somebody',
];

/**
 * Nouns for the material a quoted title names ("the 'My Strengths' worksheet",
 * "a book called 'I Am Enough'"): a quotation right next to one is a title,
 * even when its words are first-person.
 */
export const MATERIAL_NOUNS: readonly string[] = [
  'worksheet', 'worksheets', 'workbook', 'form', 'forms', 'book', 'books', 'booklet', 'story', 'stories', 'novel',
  'lesson', 'lessons', 'program', 'programs', 'programme', 'curriculum', 'video', 'videos', 'song', 'songs', 'poster',
  'posters', 'handout', 'handouts', 'chart', 'charts', 'packet', 'packets', 'game', 'games', 'unit', 'units', 'module',
  'modules', 'activity', 'activities', 'app', 'apps', 'movie', 'movies', 'film', 'show', 'series', 'episode', 'podcast',
  'article', 'articles', 'assignment', 'assignments', 'brochure', 'brochures', 'pamphlet', 'flyer', 'flier',
  'cards', 'deck', 'chapter', 'poem', 'comic', 'magazine', 'newsletter', 'slideshow', 'presentation', 'quiz', 'survey',
  'questionnaire', 'scale', 'inventory', 'screener', 'assessment', 'checklist', 'template', 'sheet', 'curricula',
  'bingo', 'kit', 'website', 'playlist', 'album',
];

/** Words between a material noun and the quoted title it names ("the book called '…'", "the video, '…'"). */
export const MATERIAL_LINKS: readonly string[] = ['the', 'a', 'an', 'called', 'titled', 'entitled', 'named', 'new', 'our', 'his', 'her', 'their'];

/**
 * Reporting verbs that introduce someone's words without quote marks or
 * "that" ("stdnt stated nobody at home even notices if I'm gone"). Verbs
 * that mostly take an object or narrate ("shared the news", "cried", "went")
 * are left out.
 */
export const CLAUSE_REPORTING_VERBS: readonly string[] = [
  'said', 'says', 'stated', 'states', 'reported', 'reports', 'told', 'tells', 'wrote', 'writes', 'texted', 'texts',
  'txt', 'txted', 'txts', 'messaged', 'yelled', 'yells', 'shouted', 'shouts', 'screamed', 'screams', 'whispered',
  'whispers', 'mumbled', 'mumbles', 'muttered', 'mutters', 'replied', 'answered', 'responded', 'insisted', 'insists',
  'admitted', 'admits', 'disclosed', 'discloses', 'complained', 'complains', 'claimed', 'claims', 'blurted',
  'exclaimed', 'declared', 'repeated', 'saying',
];

/** Where or how someone said it, between the verb and their words ("wrote on her exit ticket …", "said in group …"). */
export const SETTING_NOUNS: readonly string[] = [
  'group', 'class', 'session', 'phone', 'call', 'office', 'hallway', 'hall', 'journal', 'diary', 'note', 'email',
  'text', 'exit', 'ticket', 'worksheet', 'card', 'paper', 'chat', 'morning', 'afternoon', 'lunch', 'recess', 'car',
  'bus', 'meeting', 'person', 'writing', 'tears', 'breath', 'line', 'check-in', 'checkin', 'circle',
  // activities a young child talks during
  'drawing', 'art', 'play', 'playtime', 'gym', 'pe', 'snack', 'centers', 'legos', 'blocks', 'sandtray', 'painting',
  'coloring', 'colouring', 'dismissal', 'arrival', 'pickup', 'drop-off', 'shop', 'music', 'science', 'math', 'ela',
  'reading', 'library', 'cafeteria', 'office', 'counseling',
  // the language the words were said in ("told me in English …")
  'english', 'spanish', 'arabic', 'french', 'dari', 'pashto', 'somali', 'vietnamese', 'ukrainian', 'russian',
  'portuguese', 'creole', 'swahili', 'mandarin', 'cantonese', 'chinese', 'korean', 'tagalog', 'hmong',
];

/** First words after the verb that make the clause indirect or not a clause at all ("said that …", "told me about …"). */
export const CLAUSE_NON_STARTERS: readonly string[] = [
  'that', 'if', 'whether', 'how', 'why', 'what', 'when', 'where', 'who', 'whom', 'whose', 'which', 'to', 'about',
  'for', 'with', 'at', 'in', 'on', 'from', 'by', 'of', 'over', 'after', 'before', 'during', 'until', 'til', 'and',
  'but', 'so', 'or', 'because', 'as', 'w', 're', 'no', 'yes', 'ok', 'okay', 'hi', 'hello', 'bye', 'goodbye', 'sorry',
  'thanks', 'thank', 'nothing', 'something', 'anything', 'much', 'more', 'less', 'it',
];

/** The speaker's own first person: in someone's unquoted words it shows they are recorded word for word. */
export const SPEAKER_FIRST_PERSON: readonly string[] = ["i", "i'm", "i've", "i'll", "i'd", 'im', 'ive', 'me', 'my', 'mine', 'myself'];

/** Second-person address to the listener ("Mom said you never call her back"). */
export const LISTENER_SECOND_PERSON: readonly string[] = ['you', "you're", "you've", "you'll", "you'd", 'your', 'yours', 'yourself', 'u', 'ur', "y'all", 'yall'];

/** The worker's own things: "my" before them is the note writer's ("Mom said the bus stops by my office"). */
export const WORKER_POSSESSIONS: readonly string[] = [
  'office', 'caseload', 'desk', 'voicemail', 'email', 'inbox', 'cell', 'number', 'extension', 'calendar', 'supervisor',
  'notes', 'student', 'students', 'door', 'mailbox', 'schedule', 'records', 'file', 'files', 'caseworker', 'colleague',
  'visit', 'visits', 'message', 'messages', 'letter', 'referral', 'session', 'sessions', 'group', 'groups', 'meeting',
];

/** Third-person words, by gender, that can point back to the speaker ("She said she'll let me know"). */
export const FEMALE_THIRD_PERSON: readonly string[] = ['she', "she's", "she'll", "she'd", 'her', 'hers', 'herself'];
export const MALE_THIRD_PERSON: readonly string[] = ['he', "he's", "he'll", "he'd", 'him', 'his', 'himself'];
export const PLURAL_THIRD_PERSON: readonly string[] = ['they', "they're", "they'll", "they'd", "they've", 'them', 'their', 'theirs', 'themselves'];

/** Who the speaker is, by gender, from the words naming them ("Mom said", "Kevin's dad said"). */
export const FEMALE_SPEAKERS: readonly string[] = [
  'she', 'mom', 'mother', 'mum', 'mama', 'stepmom', 'stepmother', 'grandma', 'grandmother', 'granny', 'nana',
  'abuela', 'aunt', 'auntie', 'sister', 'stepsister', 'girl', 'girlfriend', 'ms', 'mrs', 'miss', 'woman', 'lady',
  'daughter', 'niece',
];
export const MALE_SPEAKERS: readonly string[] = [
  'he', 'dad', 'father', 'papa', 'stepdad', 'stepfather', 'grandpa', 'grandfather', 'abuelo', 'uncle', 'brother',
  'stepbrother', 'boy', 'boyfriend', 'mr', 'man', 'son', 'nephew',
];
export const PLURAL_SPEAKERS: readonly string[] = [
  'they', 'parents', 'both', 'kids', 'students', 'girls', 'boys', 'teachers', 'staff', 'family', 'siblings', 'friends',
  'grandparents', 'we',
];

/** Words that show the clause has its own verb ("the boys never talk to me"), not just an object ("the form to me"). */
export const FINITE_VERB_CUES: readonly string[] = [
  'is', 'are', 'was', 'were', 'am', 'be', 'been', 'do', 'does', 'did', 'can', 'cannot', 'could', 'will', 'would',
  'should', 'must', 'may', 'might', 'has', 'have', 'had', 'never', 'always', 'ever', 'even', 'still', 'just', 'keeps',
  'kept', 'gets', 'got', 'wants', 'want', 'needs', 'need', 'likes', 'like', 'hates', 'hate', 'cares', 'care', 'talks',
  'talk', 'listens', 'listen', 'notices', 'notice', 'lets', 'let', 'makes', 'made', 'gives', 'gave', 'calls', 'called',
  'yells', 'yelled', 'picks', 'picked', 'sits', 'sat', 'plays', 'played', 'helps', 'helped',
];

/**
 * Authors whose notes and letters are clinical documents, not a person's own
 * writing (POLICY.md, "documents vs a person's writing"): "Pediatrician's
 * note:", "Dr.'s letter:".
 */
export const CLINICAL_AUTHORS: readonly string[] = [
  'dr', 'doctor', 'doctors', 'pediatrician', 'paediatrician', 'psychiatrist', 'psychologist', 'therapist', 'clinician',
  'provider', 'nurse', 'np', 'pa', 'md', 'ped', 'peds', 'pedi', 'counselor', 'counsellor', 'hospital', 'clinic', 'gp',
];

