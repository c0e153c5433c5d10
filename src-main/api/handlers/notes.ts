import { checkNote } from '../../../shared/redaction';
import { draftKeeperFor } from '../../vault/drafts/draftKeeper';
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
  // Once saved, the editor's unfinished note (and any flagged words it held) is gone, even if the window never says so.
  'notes.create': (session, fields) => {
    const note = session.data.notes.create(fields);
    draftKeeperFor(session).discard({ kind: 'note', noteId: null, studentId: fields.studentId ?? null, serviceId: fields.serviceId ?? null });
    return note;
  },
  'notes.update': (session, { id, ...changes }) => {
    const note = session.data.notes.update(id, changes);
    draftKeeperFor(session).discard({ kind: 'note', noteId: id, studentId: null, serviceId: null });
    return note;
  },
  'notes.delete': (session, { id }) => {
    session.data.notes.delete(id);
    return DONE;
  },
  'notes.search': (session, { query, limit }) => session.data.notes.search(query, limit),
  'notes.flaggedCounts': (session) => session.data.notes.flaggedCounts(),
  // Needs no vault: the check is pure and holds nothing.
  'redaction.check': (_session, { text }) => ({ findings: checkNote(text) }),
};
