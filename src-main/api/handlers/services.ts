import { DONE, type HandlerTable } from '../handler';

export const serviceHandlers: HandlerTable<
  'services.list' | 'services.get' | 'services.create' | 'services.update' | 'services.delete'
> = {
  'services.list': (session, filter) => session.data.services.list(filter),
  'services.get': (session, { id }) => session.data.services.get(id),
  'services.create': (session, fields) => session.data.services.create(fields),
  'services.update': (session, { id, fields }) => session.data.services.update(id, fields),
  'services.delete': (session, { id }) => {
    session.data.services.delete(id);
    return DONE;
  },
};
