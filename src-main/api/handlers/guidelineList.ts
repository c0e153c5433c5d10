import { DONE, type HandlerTable } from '../handler';

type GuidelineCommand =
  | 'duties.list'
  | 'duties.create'
  | 'duties.update'
  | 'duties.end'
  | 'duties.delete'
  | 'stories.list'
  | 'stories.create'
  | 'stories.update'
  | 'stories.confirm'
  | 'stories.unconfirm'
  | 'stories.delete';

/** Standing duties and success stories: the worker's own words in the monthly report (checked before they are stored). */
export const guidelineListHandlers: HandlerTable<GuidelineCommand> = {
  'duties.list': (session) => session.data.duties.list(),
  'duties.create': (session, input) => session.data.duties.create(input),
  'duties.update': (session, input) => session.data.duties.update(input),
  'duties.end': (session, input) => session.data.duties.end(input),
  'duties.delete': (session, { id }) => {
    session.data.duties.delete(id);
    return DONE;
  },
  'stories.list': (session, { month }) => session.data.stories.list(month),
  'stories.create': (session, input) => session.data.stories.create(input),
  'stories.update': (session, input) => session.data.stories.update(input),
  'stories.confirm': (session, { id }) => session.data.stories.confirm(id),
  'stories.unconfirm': (session, { id }) => session.data.stories.unconfirm(id),
  'stories.delete': (session, { id }) => {
    session.data.stories.delete(id);
    return DONE;
  },
};
