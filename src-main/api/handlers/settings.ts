import { refuseStartMonthChange } from '../../report/schoolYearStartChange';
import { VaultError } from '../../vault/errors';
import type { HandlerTable } from '../handler';

export const settingsHandlers: HandlerTable<
  'categories.list' | 'categories.create' | 'categories.update' | 'settings.get' | 'settings.update' | 'audit.list' | 'audit.verify'
> = {
  'categories.list': (session) => session.data.categories.list(),
  'categories.create': (session, { label }) => session.data.categories.create(label),
  'categories.update': (session, { id, ...changes }) => session.data.categories.update(id, changes),
  'settings.get': (session) => session.data.settings.get(),
  'settings.update': (session, patch) => {
    // k is fixed per school year and changes only with a reason (reports.changeThreshold), never silently here.
    if (patch.reportThreshold !== undefined && patch.reportThreshold !== session.data.settings.get().reportThreshold) {
      throw new VaultError('INVALID_INPUT', 'reportThreshold: the smallest number shown changes only with a reason (reports.changeThreshold); nothing was changed.');
    }
    if (patch.schoolYearStartMonth !== undefined) refuseStartMonthChange(session.data, patch.schoolYearStartMonth);
    return session.data.settings.update(patch);
  },
  'audit.list': (session, { limit }) => session.data.audit.list(limit),
  'audit.verify': (session) => session.data.audit.verify(),
};
