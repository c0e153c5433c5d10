/** How a case ends. `goals_met` and `improved` count as resolved in reports. */
export const CASE_OUTCOMES = [
  { id: 'goals_met', label: 'Goals met', resolved: true },
  { id: 'improved', label: 'Improved', resolved: true },
  { id: 'referred_out', label: 'Referred out', resolved: false },
  { id: 'moved', label: 'Moved', resolved: false },
  { id: 'other', label: 'Other', resolved: false },
] as const;

export type CaseOutcome = (typeof CASE_OUTCOMES)[number]['id'];
export const CASE_OUTCOME_IDS = CASE_OUTCOMES.map((outcome) => outcome.id) as [CaseOutcome, ...CaseOutcome[]];
