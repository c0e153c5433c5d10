/*
 * The parts of the guideline's list of district data that are not counts of
 * services: where professional development was provided, standing
 * administrative duties, and success stories. Zod-free, for the renderer.
 */

/** Where the worker provided a training: to the district's own staff, or to others. */
export const PD_AUDIENCES = [
  { id: 'within_district', label: 'Within the district' },
  { id: 'outside_district', label: 'Outside the district' },
] as const;
export type PdAudience = (typeof PD_AUDIENCES)[number]['id'];
export const PD_AUDIENCE_IDS = PD_AUDIENCES.map((audience) => audience.id) as [PdAudience, ...PdAudience[]];
/** A training logged without saying where is taken as given within the district (the usual case: staff of the worker's own schools). */
export const DEFAULT_PD_AUDIENCE: PdAudience = 'within_district';

export const DUTY_NAME_MAX_LENGTH = 120;
/** A standing duty's time is in minutes per month (the report is monthly); at most 20,000 (about 333 hours). */
export const DUTY_MINUTES_MAX = 20_000;
export const STORY_MAX_LENGTH = 1200;
export const STORIES_PER_MONTH_MAX = 10;
