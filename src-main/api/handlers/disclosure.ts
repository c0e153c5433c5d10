import { vaultOutputRules } from '../../files/outputPath';
import { discloseUnderCourtOrder } from '../../handover/disclosure';
import { noteReleases, releaseNote } from '../../handover/release';
import type { HandlerTable } from '../handler';

export const disclosureHandlers: HandlerTable<'notes.release' | 'notes.releases' | 'disclosure.courtOrder'> = {
  'notes.release': (session, input) => releaseNote(session.data, input),
  'notes.releases': (session, { id }) => noteReleases(session.data, id),
  'disclosure.courtOrder': (session, input) => discloseUnderCourtOrder(session.data, input, vaultOutputRules(session, input.replace ?? false)),
};
