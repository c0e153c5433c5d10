import type { HandlerTable } from '../handler';

export const studentHandlers: HandlerTable<
  'students.list' | 'students.get' | 'students.create' | 'students.update' | 'students.close' | 'students.reopen' | 'students.lastSeen'
> = {
  'students.list': (session, { includeClosed }) => session.data.students.list({ includeClosed }),
  'students.get': (session, { id }) => session.data.students.get(id),
  'students.create': (session, fields) => session.data.students.create(fields),
  'students.update': (session, { id, ...patch }) => session.data.students.update(id, patch),
  'students.close': (session, { id, closedOn, outcome }) => session.data.students.close(id, closedOn, outcome),
  'students.reopen': (session, { id }) => session.data.students.reopen(id),
  'students.lastSeen': (session) => session.data.students.lastSeen(),
};
