import { checkNote } from '../../../shared/redaction';
import { DONE, type HandlerTable } from '../handler';

export const noteHandlers: HandlerTable<
  | 'notes.list'
  | 'notes.get'
  | 'notes.history'
  | 'notes.create'
  | 'notes.update'
  | 'notes.delete'
  | 'notes.search'
  | 'notes.flaggedCounts'
  | 'redaction.check'
> = {
  'notes.list': (session, filter) => session.data.notes.list(filter),
  'notes.get': (session, { id }) => session.data.notes.get(id),
  'notes.history': (session, { id }) => session.data.notes.history(id),
  'notes.create': (session, fields) => session.data.notes.create(fields),
  'notes.update': (session, { id, ...changes }) => session.data.notes.update(id, changes),
  'notes.delete': (session, { id }) => {
    session.data.notes.delete(id);
    return DONE;
  },
  'notes.search': (session, { query, limit }) => session.data.notes.search(query, limit),
  'notes.flaggedCounts': (session) => session.data.notes.flaggedCounts(),
  // Needs no vault: the check is pure and holds nothing.
  'redaction.check': (_session, { text }) => ({ findings: checkNote(text) }),
};
