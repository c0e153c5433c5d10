/**
 * The kinds of service a school social worker logs. Typed data: the report,
 * the service log form and the CLI all read this one list.
 *
 * `minutes` says how the report counts the time: `direct` (with a student or
 * family), `indirect` (on a student's behalf, or running the practice) or
 * `professional` (professional development, counted as contact hours).
 */
export const SERVICE_KINDS = [
  { id: 'individual_session', label: 'Individual session', minutes: 'direct', withStudents: 'one' },
  { id: 'group_session', label: 'Group session', minutes: 'direct', withStudents: 'many' },
  { id: 'classroom_observation', label: 'Classroom observation', minutes: 'indirect', withStudents: 'optional' },
  { id: 'staff_consultation', label: 'Staff consultation', minutes: 'indirect', withStudents: 'optional' },
  { id: 'team_meeting', label: 'Team meeting', minutes: 'indirect', withStudents: 'optional' },
  { id: 'parent_consultation', label: 'Parent consultation', minutes: 'indirect', withStudents: 'optional' },
  { id: 'home_visit', label: 'Home visit', minutes: 'direct', withStudents: 'optional' },
  { id: 'parent_training', label: 'Parent training', minutes: 'direct', withStudents: 'none' },
  { id: 'pd_provided', label: 'Professional development provided', minutes: 'professional', withStudents: 'none' },
  { id: 'pd_attended', label: 'Professional development attended', minutes: 'professional', withStudents: 'none' },
  { id: 'administrative', label: 'Administrative', minutes: 'indirect', withStudents: 'none' },
  { id: 'sped_activity', label: 'Special-education activity', minutes: 'indirect', withStudents: 'optional' },
  { id: 'sped_paperwork', label: 'Special-education paperwork', minutes: 'indirect', withStudents: 'optional' },
  { id: 'crisis_response', label: 'Crisis response', minutes: 'direct', withStudents: 'optional' },
  { id: 'other', label: 'Other', minutes: 'indirect', withStudents: 'optional' },
] as const;

export type ServiceKind = (typeof SERVICE_KINDS)[number]['id'];
export type ServiceKindInfo = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_IDS = SERVICE_KINDS.map((kind) => kind.id) as [ServiceKind, ...ServiceKind[]];

/** Team meetings carry the kind of team; no other service does. */
export const TEAM_TYPES = [
  { id: 'iep', label: 'IEP' },
  { id: '504', label: '504' },
  { id: 'sst_mtss', label: 'SST / MTSS' },
  { id: 'crisis', label: 'Crisis' },
  { id: 'attendance', label: 'Attendance' },
  { id: 'other', label: 'Other' },
] as const;

export type TeamType = (typeof TEAM_TYPES)[number]['id'];
export const TEAM_TYPE_IDS = TEAM_TYPES.map((type) => type.id) as [TeamType, ...TeamType[]];

export function serviceKindInfo(kind: ServiceKind): ServiceKindInfo {
  const info = SERVICE_KINDS.find((candidate) => candidate.id === kind);
  if (!info) throw new Error(`Unknown service kind: ${kind}`);
  return info;
}
