import { eraseEarlierFlaggedVersions, flaggedEarlierVersions } from '../../vault/erasure/earlierVersions';
import { destroyDueNotes, readRetention, retentionDue, writeRetention } from '../../vault/erasure/retention';
import type { HandlerTable } from '../handler';

export const erasureHandlers: HandlerTable<
  'notes.flaggedEarlier' | 'notes.eraseEarlier' | 'retention.get' | 'retention.set' | 'retention.due' | 'retention.destroy'
> = {
  'notes.flaggedEarlier': (session, { id }) => ({ versions: flaggedEarlierVersions(session.data.notes.history(id)).length }),
  'notes.eraseEarlier': (session, { id }) => eraseEarlierFlaggedVersions(session.data, id),
  'retention.get': (session) => readRetention(session.data),
  'retention.set': (session, retention) => writeRetention(session.data, retention),
  'retention.due': (session) => retentionDue(session.data),
  'retention.destroy': (session, { studentIds }) => destroyDueNotes(session.data, studentIds),
};
