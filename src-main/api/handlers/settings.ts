import type { HandlerTable } from '../handler';

export const settingsHandlers: HandlerTable<
  'categories.list' | 'categories.create' | 'categories.update' | 'settings.get' | 'settings.update' | 'audit.list' | 'audit.verify'
> = {
  'categories.list': (session) => session.data.categories.list(),
  'categories.create': (session, { label }) => session.data.categories.create(label),
  'categories.update': (session, { id, ...changes }) => session.data.categories.update(id, changes),
  'settings.get': (session) => session.data.settings.get(),
  'settings.update': (session, patch) => session.data.settings.update(patch),
  'audit.list': (session, { limit }) => session.data.audit.list(limit),
  'audit.verify': (session) => session.data.audit.verify(),
};
