import { DONE, type HandlerTable } from '../handler';

export const groupHandlers: HandlerTable<'groups.list' | 'groups.create' | 'groups.update' | 'groups.delete'> = {
  'groups.list': (session) => session.data.groups.list(),
  'groups.create': (session, input) => session.data.groups.create(input),
  'groups.update': (session, input) => session.data.groups.update(input),
  'groups.delete': (session, { id }) => {
    session.data.groups.delete(id);
    return DONE;
  },
};
