/**
 * Issue categories describe what a service was about, in plain,
 * non-diagnostic words. These are the defaults a new vault starts with; the
 * worker may rename, add and archive categories (stored in the vault).
 */
export const DEFAULT_ISSUE_CATEGORIES = [
  { id: 'attendance', label: 'Attendance' },
  { id: 'behavior', label: 'Behavior' },
  { id: 'academic', label: 'Academic' },
  { id: 'peer_bullying', label: 'Peer relationships / bullying' },
  { id: 'family_change', label: 'Family change' },
  { id: 'grief_loss', label: 'Grief / loss' },
  { id: 'worry_stress', label: 'Worry / stress' },
  { id: 'emotional_regulation', label: 'Emotional regulation' },
  { id: 'basic_needs_housing', label: 'Basic needs / housing' },
  { id: 'safety_referral', label: 'Safety referral' },
  { id: 'substance_use', label: 'Substance use' },
  { id: 'other', label: 'Other' },
] as const;
