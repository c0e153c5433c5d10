// Source: the Sole Notes labelling policy (../shared/redaction/POLICY.md: "clinical symptom
// language from which a diagnosis might reasonably be made"), extended with the clinical
// terms for the same symptoms as written in screening and discharge paperwork.
// Everyday feeling words (sad, worried, upset, stressed, nervous, anxious, tired) are
// deliberately absent. Written by hand for this project.

/** Symptom terms flagged wherever they appear (any case). */
export const SYMPTOMS: readonly string[] = [
  'suicidal ideation', 'suicidal ideations', 'suicidal thoughts', 'suicidal thinking', 'suicidal', 'suicidality',
  'suicide attempt', 'suicide attempts', 'attempted suicide', 'suicide risk', 'suicidal/homicidal ideation',
  'homicidal ideation', 'homicidal', 'self-harm', 'self harm', 'self-harming', 'self harming', 'self-harmed',
  'self-injury', 'self injury', 'self-injurious', 'self-injurious behavior', 'self-injurious behaviour', 'nssi',
  'hallucination', 'hallucinations', 'hallucinating', 'hallucinates', 'hallucinated', 'hearing voices', 'hears voices',
  'seeing things', 'sees things', 'hearing things', 'hears things',
  'heard voices', 'hearing things', 'seeing things that are not there', "seeing things that aren't there", 'psychosis',
  'psychotic', 'psychotic break', 'psychotic episode', 'psychotic features', 'psychotic symptoms', 'first-episode psychosis',
  'delusion', 'delusions', 'delusional', 'paranoia', 'catatonia', 'catatonic', 'manic episode', 'manic episodes',
  'mania', 'manic', 'hypomania', 'hypomanic', 'depressive episode', 'depressive episodes', 'depressive symptoms',
  'depressive', 'depressed mood', 'anhedonia', 'panic attack', 'panic attacks', 'anxiety attack', 'anxiety attacks', 'flashbacks',
  'binging and purging', 'bingeing and purging', 'binge and purge', 'binge eating', 'binge-eating', 'binges and purges',
  'compulsions', 'compulsive', 'compulsive behaviors', 'obsessions', 'obsessive thoughts', 'intrusive thoughts',
  'dissociation', 'dissociating', 'dissociates', 'dissociated', 'dissociative', 'dissociative episode',
  // "disassociate" is the common non-standard form of "dissociate" (Merriam-Webster lists both)
  'disassociation', 'disassociating', 'disassociates', 'disassociated', 'disassociative',
  'depersonalization', 'derealization', 'hypervigilance', 'hypervigilant', 'motor tics', 'vocal tics', 'tics',
  'echolalia', 'stimming', 'overdose', 'overdosed',
  // Plain words about dying ("kill myself", "want to die", "better off dead") are not listed: every blind
  // writer of the evaluation corpora left them to the quote or the worker's own plain account, never a
  // diagnostic span (EVALUATION.md, "Where the writers agree"); "suicidal ideation", "SI" and "self-harm" name it.
];

/** Flagged only in capitals: the clinical shorthand, not "hi" or "si". */
export const SYMPTOMS_CAPS: readonly string[] = ['SI', 'HI', 'SI/HI', 'HI/SI', 'SIB', 'AVH'];

/**
 * Words that are symptom language only in some uses; the check looks at the
 * words around them (see diagnostic.ts).
 */
export const CUTTING_WORDS: readonly string[] = ['cutting', 'cuts', 'cut'];
/** After "cutting": the word shows self-harm ("cutting again", "cutting on her arms"). */
export const CUTTING_SELF_AFTER: readonly string[] = [
  'again', 'herself', 'himself', 'themselves', 'themself', 'myself', 'yourself', 'behavior', 'behaviors', 'behaviour',
  'marks', 'scars', 'wounds', 'when', 'since', 'because', 'or', 'and', 'but', 'as',
];
/** Before "cutting": it was told or recorded as something done to oneself ("disclosed cutting", "hx of cutting"). */
export const CUTTING_DISCLOSED_BEFORE: readonly string[] = [
  'disclosed', 'discloses', 'disclosing', 'admitted', 'admits', 'reported', 'reports', 'endorsed', 'endorses', 'denied',
  'denies', 'hx', 'history', 'of', 'resumed', 'relapsed', 'stopped', 'urges', 'about',
];
/** Body words: "cutting on her arms", "cuts on his wrist". */
export const BODY_PARTS: readonly string[] = [
  'arm', 'arms', 'wrist', 'wrists', 'leg', 'legs', 'thigh', 'thighs', 'stomach', 'body', 'hand', 'hands', 'forearm',
  'forearms', 'ankle', 'ankles', 'skin', 'hip', 'hips', 'upper', 'lower', 'inner', 'outer',
];
/** Words after "cutting" that make it ordinary ("cutting class", "cutting out snowflakes"). */
export const CUTTING_ORDINARY_AFTER: readonly string[] = [
  'class', 'classes', 'school', 'out', 'up', 'paper', 'line', 'lines', 'in', 'hair', 'down', 'back', 'off', 'the', 'a',
  'an', 'his', 'her', 'their', 'my', 'your', 'our', 'it', 'them', 'through', 'across', 'corners', 'ties', 'edge',
  'board', 'boards', 'shapes', 'snowflakes', 'pictures', 'grass', 'costs', 'ribbon', 'cake', 'wood', 'food', 'meat',
  'practice', 'period', 'periods', 'lunch', 'gym', 'pe', 'detention', 'it', 'corners', 'remarks', 'comments', 'short',
  'loose', 'ahead', 'into',
];
/** "purging" is symptom language unless it has an ordinary object ("purging old files"). */
export const PURGING_ORDINARY_AFTER: readonly string[] = [
  'the', 'his', 'her', 'their', 'my', 'our', 'old', 'files', 'papers', 'closet', 'closets', 'clothes', 'toys', 'it',
  'them', 'stuff', 'records', 'inbox', 'email', 'emails', 'desk', 'lockers', 'locker',
];
/** "restricting" is symptom language before these words ("restricting food"). */
export const RESTRICTING_EATING_AFTER: readonly string[] = [
  'food', 'foods', 'eating', 'meals', 'calories', 'intake', 'her food', 'his food', 'what she eats', 'what he eats',
];
/** After "suicide": an event or a programme, not a person's symptom. */
export const SUICIDE_ORDINARY_AFTER: readonly string[] = [
  'prevention', 'awareness', 'hotline', 'lifeline', 'crisis', 'squad', 'training', 'policy', 'protocol', 'month', 'week',
];
/** "flashback" followed by these is a school event ("Flashback Friday"). */
export const FLASHBACK_EVENT_AFTER: readonly string[] = [
  'friday', 'monday', 'tuesday', 'wednesday', 'thursday', 'day', 'party', 'week', 'theme', 'dance', 'spirit',
];
/** Words before "depression" that make it the economic or weather event ("Great Depression"). */
export const DEPRESSION_ORDINARY_BEFORE: readonly string[] = ['great', 'tropical', 'economic', 'long', 'postwar'];
/** Words after "depression" that make it an event ("Depression era"). */
export const DEPRESSION_ORDINARY_AFTER: readonly string[] = ['era', 'unit', 'lesson', 'project', 'glass'];

/** Before "anxiety": it names a condition ("her anxiety", "has anxiety", "severe anxiety"). */
export const ANXIETY_CONDITION_BEFORE: readonly string[] = [
  'her', 'his', 'their', 'my', 'your', 'has', 'have', 'had', 'having', 'for', 'severe', 'chronic', 'clinical',
  'diagnosed', 'treated', 'treating', 'debilitating', 'crippling', 'significant',
];
/** After "anxiety": it is an everyday feeling after all ("anxiety about the test"). */
export const ANXIETY_FEELING_AFTER: readonly string[] = [
  'about', 'over', 'around', 'before', 'during', 'when', 'with', 'at', 'on', 'for', 're', 'regarding',
];
