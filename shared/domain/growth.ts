/*
 * Professional growth: the kinds of supervision, the weekly supervision
 * target, and which counts from the worker's own log are offered as evidence
 * for which competency area. Plain data, no zod (the renderer reads it).
 *
 * The guideline (CSDE "Practice Guidelines for Delivery of School Social
 * Work Services") asks for supervision weekly where possible, covering
 * administrative, clinical and profession-specific supervision.
 */

export const SUPERVISION_KINDS = [
  { id: 'administrative', label: 'Administrative' },
  { id: 'clinical', label: 'Clinical' },
  { id: 'profession_specific', label: 'Profession-specific' },
] as const;

export type SupervisionKind = (typeof SUPERVISION_KINDS)[number]['id'];
export const SUPERVISION_KIND_IDS = SUPERVISION_KINDS.map((kind) => kind.id) as [SupervisionKind, ...SupervisionKind[]];

export function supervisionKindLabel(kind: SupervisionKind): string {
  return SUPERVISION_KINDS.find((candidate) => candidate.id === kind)?.label ?? kind;
}

/** How many recent weeks the supervision streak looks back over (this week included). */
export const SUPERVISION_STREAK_WEEKS = 8;

/** The counts of the evidence summary, by key; each lists the competency areas it speaks to. */
export const EVIDENCE_ITEMS = [
  { key: 'staffConsultations', label: 'Staff consultations', areas: ['1', '5'] },
  { key: 'parentConsultations', label: 'Parent consultations', areas: ['6', '8'] },
  { key: 'classroomObservations', label: 'Classroom observations', areas: ['3'] },
  { key: 'homeVisits', label: 'Home visits', areas: ['6'] },
  { key: 'parentTrainings', label: 'Parent training sessions', areas: ['6'] },
  { key: 'pdProvided', label: 'Professional development provided', areas: ['1', '5'] },
  { key: 'pdAttended', label: 'Professional development attended', areas: ['1'] },
  { key: 'teamMeetings', label: 'Team meetings', areas: ['5', '7'] },
  { key: 'crisisResponses', label: 'Crisis responses', areas: ['4', '8'] },
  { key: 'spedActivities', label: 'Special-education activities', areas: ['2', '5'] },
  { key: 'supervision', label: 'Supervision sessions', areas: ['1'] },
] as const;

export type EvidenceKey = (typeof EVIDENCE_ITEMS)[number]['key'];

/** Contact hours from minutes, to two decimals. */
export function hoursFromMinutes(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
