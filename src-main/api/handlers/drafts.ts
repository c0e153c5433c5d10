import { draftKeeperFor } from '../../vault/drafts/draftKeeper';
import { DONE, type HandlerTable } from '../handler';

/* Every handler but drafts.atLock reads session.data first, so a locked vault answers VAULT_LOCKED. */
export const draftHandlers: HandlerTable<'drafts.put' | 'drafts.get' | 'drafts.list' | 'drafts.discard' | 'drafts.atLock'> = {
  'drafts.put': (session, input) => {
    draftKeeperFor(session).put(input);
    return DONE;
  },
  'drafts.get': (session, { context }) => draftKeeperFor(session).get(context),
  'drafts.list': (session) => draftKeeperFor(session).list(),
  'drafts.discard': (session, { context }) => {
    draftKeeperFor(session).discard(context);
    return DONE;
  },
  // Only a count, answered while locked: the unlock screen says whether an unfinished note was kept.
  'drafts.atLock': (session) => ({ kept: draftKeeperFor(session).keptAtLock() }),
};
