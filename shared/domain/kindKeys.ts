import { SERVICE_KINDS, type ServiceKind } from './serviceKinds';

/**
 * The one key that picks each kind of service in the service form, in the
 * order of SERVICE_KINDS: 1–9 for the first nine, then 0 and letters. The
 * short label fits a chip; the full label stays the accessible name.
 */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'a', 'b', 'c', 'd', 'e'] as const;

const SHORT_LABELS: Record<ServiceKind, string> = {
  individual_session: 'Individual',
  group_session: 'Group',
  classroom_observation: 'Observation',
  staff_consultation: 'Staff consult',
  team_meeting: 'Team meeting',
  parent_consultation: 'Parent consult',
  home_visit: 'Home visit',
  parent_training: 'Parent training',
  pd_provided: 'PD given',
  pd_attended: 'PD attended',
  administrative: 'Admin',
  sped_activity: 'SpEd activity',
  sped_paperwork: 'SpEd paperwork',
  crisis_response: 'Crisis',
  other: 'Other',
};

export interface KindChoice {
  id: ServiceKind;
  label: string;
  shortLabel: string;
  key: string;
}

export const KIND_CHOICES: readonly KindChoice[] = SERVICE_KINDS.map((kind, index) => ({
  id: kind.id,
  label: kind.label,
  shortLabel: SHORT_LABELS[kind.id],
  key: KEYS[index] ?? '',
}));

/** The kind a key picks, or null. */
export function kindForKey(key: string): ServiceKind | null {
  const lower = key.toLowerCase();
  return KIND_CHOICES.find((choice) => choice.key !== '' && choice.key === lower)?.id ?? null;
}
