import { searchAll } from '../../vault/search/searchAll';
import type { HandlerTable } from '../handler';

export const searchHandlers: HandlerTable<'search.all'> = {
  'search.all': (session, input) => searchAll(session.data, input),
};
