import { DONE, type HandlerTable } from '../handler';

export const serviceHandlers: HandlerTable<
  'services.list' | 'services.get' | 'services.create' | 'services.update' | 'services.delete'
> = {
  'services.list': (session, filter) => session.data.services.list(filter),
  'services.get': (session, { id }) => session.data.services.get(id),
  'services.create': (session, fields) => {
    const service = session.data.services.create(fields);
    // The next new service starts from this one's kind and minutes.
    session.data.settings.update({ lastServiceKind: service.kind, lastServiceMinutes: service.minutes });
    return service;
  },
  'services.update': (session, { id, fields }) => session.data.services.update(id, fields),
  'services.delete': (session, { id }) => {
    session.data.services.delete(id);
    return DONE;
  },
};
