import { TEAM_TYPE_IDS, type TeamType } from '../../shared/domain/serviceKinds';
import type { VaultData } from '../vault/vaultData';
import type { VaultReader } from '../vault/vaultReader';
import { daysBetween, monthBounds } from '../common/calendar';
import type { Activity, MonthMetrics } from './metrics';
import { roundTo } from './metrics';

/**
 * The parts of the guideline's list of district data beyond the month's
 * counts (docs/report-format.md, "Administrative responsibilities", "Where
 * professional development was provided", "Frequency of team participation",
 * "Examples of problem resolution"). None of them counts students.
 */
export interface GuidelineList {
  /** Professional development provided, split by where; a training logged without saying where counts as within the district. */
  pdProvided: { withinDistrict: Activity; outsideDistrict: Activity };
  /** The standing duties of the month, by name, with their minutes per month. */
  duties: { name: string; minutesPerMonth: number }[];
  /** The success stories the worker confirmed for the month, oldest first. */
  stories: string[];
}

/** Reads the month's duties, confirmed stories and where professional development was provided. */
export function readGuidelineList(data: VaultData, month: string): GuidelineList {
  return {
    pdProvided: pdProvidedBetween(data, monthBounds(month)),
    duties: data.duties.inMonth(month).map((duty) => ({ name: duty.name, minutesPerMonth: duty.minutesPerMonth })),
    stories: data.stories.confirmed(month).map((story) => story.text),
  };
}

/** Professional development provided from `range.first` through `range.last`, split by where it was given. */
export function pdProvidedBetween(vault: VaultReader, range: { first: string; last: string }): GuidelineList['pdProvided'] {
  const pdProvided = { withinDistrict: { count: 0, minutes: 0 }, outsideDistrict: { count: 0, minutes: 0 } };
  for (const row of vault.reportCounts.professionalDevelopmentProvided(range)) {
    const activity = row.audience === 'outside_district' ? pdProvided.outsideDistrict : pdProvided.withinDistrict;
    activity.count += row.count;
    activity.minutes += row.minutes;
  }
  return pdProvided;
}

/** Nothing beyond the counts: every training provided counted within the district (the default), no duties, no stories. */
export function guidelineListFromCounts(metrics: MonthMetrics): GuidelineList {
  return { pdProvided: { withinDistrict: { ...metrics.byKind.pd_provided }, outsideDistrict: { count: 0, minutes: 0 } }, duties: [], stories: [] };
}

/**
 * Team meetings per week over the month (or the school year, `bounds`): its meetings over its
 * length in weeks (days / 7; February of a common year is exactly 4 weeks),
 * to two decimals; in all and by team type.
 */
export function teamMeetingsPerWeek(metrics: MonthMetrics): { all: number; byTeamType: Record<TeamType, number> } {
  const { first, last } = metrics.bounds ?? monthBounds(metrics.period);
  const weeks = (daysBetween(first, last) + 1) / 7;
  const perWeek = (count: number) => roundTo(count / weeks, 2);
  return {
    all: perWeek(metrics.byKind.team_meeting.count),
    byTeamType: Object.fromEntries(TEAM_TYPE_IDS.map((id) => [id, perWeek(metrics.byTeamType[id].count)])) as Record<TeamType, number>,
  };
}
