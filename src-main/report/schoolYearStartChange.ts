import { schoolYearOf } from '../../shared/domain/schoolYear';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { exportedMonths } from './exportedMonths';

/**
 * A new first month of the school year is refused while any month already
 * sent would land in another school year by it: that month went out under its
 * school year's smallest number shown (k, fixed per school year) and counts in
 * that year's report, so moving it would break both. Nothing is changed.
 */
export function refuseStartMonthChange(data: VaultData, startMonth: number): void {
  const current = data.settings.get().schoolYearStartMonth;
  if (startMonth === current) return;
  const moved = exportedMonths(data)
    .periodsBetween('0000-01', '9999-12')
    .filter((month) => schoolYearOf(month, current) !== schoolYearOf(month, startMonth));
  if (moved.length === 0) return;
  const listed = moved.length > 3 ? `${moved.slice(0, 3).join(', ')} and ${moved.length - 3} more` : moved.join(', ');
  throw new VaultError(
    'CONFLICT',
    `The school year's first month stays as it is: the ${listed} report${moved.length === 1 ? ' was' : 's were'} already sent as part of ` +
      `the ${schoolYearOf(moved[0] ?? '', current)} school year and would fall in another one. Nothing was changed.`,
  );
}
