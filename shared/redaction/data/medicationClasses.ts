// Source: the drug classes of psychiatric and attention medicines as named in the FDA
// Established Pharmacologic Class (EPC) list and the NIMH "Mental Health Medications"
// overview (stimulants, non-stimulants, SSRIs, SNRIs, tricyclics, MAOIs, antipsychotics,
// mood stabilizers, anti-anxiety medicines, benzodiazepines), with the short forms
// workers write. POLICY.md ("Cases decided"): a class that implies a psychiatric
// condition is flagged; "meds", "psych appt", "psychiatrist" alone are not.

/** Medication classes that imply a psychiatric condition, matched in any case. */
export const MEDICATION_CLASSES: readonly string[] = [
  'ssri', 'ssris', 'snri', 'snris', 'maoi', 'maois', 'tca', 'tricyclic', 'tricyclics', 'tricyclic antidepressant',
  'antidepressant', 'antidepressants', 'anti-depressant', 'anti-depressants', 'antipsychotic', 'antipsychotics',
  'anti-psychotic', 'anti-psychotics', 'atypical antipsychotic', 'neuroleptic', 'neuroleptics', 'mood stabilizer',
  'mood stabilizers', 'mood stabiliser', 'mood stabilisers', 'mood-stabilizing', 'anxiolytic', 'anxiolytics',
  'anti-anxiety medication', 'anti-anxiety medicine', 'anti-anxiety meds', 'anti-anxiety med', 'anxiety medication',
  'anxiety medicine', 'anxiety meds', 'anxiety med', 'benzodiazepine', 'benzodiazepines', 'stimulant medication',
  'stimulant medications', 'stimulant medicine', 'stimulant meds', 'stimulant med', 'stimulant rx', 'non-stimulant',
  'nonstimulant', 'non-stimulant medication', 'adhd medication', 'adhd medications', 'adhd meds', 'adhd med',
  'adhd medicine', 'depression medication', 'depression meds', 'psychiatric medication', 'psychiatric medications',
  'psychotropic', 'psychotropics', 'psychiatric meds',
];
