import { todaySummary } from '../../vault/todaySummary';
import { DONE, type HandlerTable } from '../handler';

export const followUpHandlers: HandlerTable<'followUps.get' | 'followUps.set' | 'followUps.clear' | 'followUps.done' | 'today.summary'> = {
  'followUps.get': (session, target) => session.data.followUps.get(target),
  'followUps.set': (session, input) => session.data.followUps.set(input),
  'followUps.clear': (session, target) => {
    session.data.followUps.clear(target);
    return DONE;
  },
  'followUps.done': (session, { id }) => {
    session.data.followUps.markDone(id);
    return DONE;
  },
  'today.summary': (session) => todaySummary(session.data),
};
