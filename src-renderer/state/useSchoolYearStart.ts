import { DEFAULT_SCHOOL_YEAR_START_MONTH } from '../../shared/domain/schoolYear';
import { useSettingsStore } from './settingsStore';

/** The month (1 to 12) the worker's school year starts in, July until set; follows the setting at once. */
export function useSchoolYearStart(): number {
  return useSettingsStore((store) => store.settings?.schoolYearStartMonth ?? DEFAULT_SCHOOL_YEAR_START_MONTH);
}
