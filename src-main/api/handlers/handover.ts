import { fingerprint } from '../../common/signing';
import { draftKeeperFor } from '../../vault/drafts/draftKeeper';
import { VaultError } from '../../vault/errors';
import { vaultOutputRules } from '../../files/outputPath';
import { coverColleague, nameCoverColleague, removeCoverColleague } from '../../handover/coverColleague';
import { createHandoverPackage } from '../../handover/createPackage';
import { handback } from '../../handover/handback';
import { exportHandoverKey, handoverKeyInfo, readHandoverKeyFile } from '../../handover/handoverKeyFile';
import { importHandback } from '../../handover/importHandback';
import { inspectPackage, openHandoverPackage } from '../../handover/openPackage';
import { listSentHandovers, revokeHandover } from '../../handover/sentHandovers';
import {
  enterHandover,
  handoverAccessLog,
  handoverNoteCreate,
  handoverNoteGet,
  handoverNoteHistory,
  handoverNotesList,
  handoverNoteUpdate,
  handoverCategories,
  handoverServiceCreate,
  handoverServicesList,
  handoverStudents,
  listReceived,
} from '../../handover/substituteVault';
import type { HandlerTable } from '../handler';
import { withOpenVault } from '../withOpenVault';

/*
 * Every handler reads session.data first, so a locked vault answers
 * VAULT_LOCKED before any file is touched. The two that wait for a key
 * derivation (the handover code) run through withOpenVault, so a lock while
 * they wait answers VAULT_LOCKED too.
 */
export const handoverHandlers: HandlerTable<
  | 'handover.keyInfo'
  | 'handover.exportKey'
  | 'handover.readKeyFile'
  | 'handover.colleague'
  | 'handover.nameColleague'
  | 'handover.removeColleague'
  | 'handover.create'
  | 'handover.sent'
  | 'handover.revoke'
  | 'handover.importHandBack'
  | 'handover.inspect'
  | 'handover.open'
  | 'handover.received'
  | 'handover.enter'
  | 'handover.students.list'
  | 'handover.notes.list'
  | 'handover.notes.get'
  | 'handover.notes.history'
  | 'handover.notes.create'
  | 'handover.notes.update'
  | 'handover.services.list'
  | 'handover.services.create'
  | 'handover.categories.list'
  | 'handover.accessLog'
  | 'handover.handBack'
> = {
  'handover.keyInfo': (session) => handoverKeyInfo(session.data),
  'handover.exportKey': (session, { file, label, replace }) => exportHandoverKey(session.data, file, label ?? null, vaultOutputRules(session, replace ?? false)),
  'handover.readKeyFile': (session, { file }) => {
    const own = session.data.keys.handoverPublicKey().spki;
    const key = readHandoverKeyFile(file, 'file');
    if (key.spki.equals(own)) throw new VaultError('INVALID_INPUT', "file: that is this vault's own handover key, not the substitute's.");
    return { path: key.path, fingerprint: fingerprint(key.spki), label: key.label, createdAt: key.createdAt };
  },
  'handover.colleague': (session) => coverColleague(session.data),
  'handover.nameColleague': (session, input) => nameCoverColleague(session.data, input),
  'handover.removeColleague': (session) => {
    removeCoverColleague(session.data);
    return { removed: true as const };
  },
  'handover.create': (session, input) =>
    withOpenVault(session, (data) => createHandoverPackage(data, session.folder, input, vaultOutputRules(session, input.replace ?? false))),
  'handover.sent': (session) => listSentHandovers(session.data),
  'handover.revoke': (session, { packageId, reason }) => revokeHandover(session.data, packageId, reason),
  'handover.importHandBack': (session, { file }) => importHandback(session.data, file),

  'handover.inspect': (session, { file }) => inspectPackage(session.data, file),
  'handover.open': (session, { file, code }) => withOpenVault(session, (data) => openHandoverPackage(data, session.folder, file, code)),
  'handover.received': (session) => listReceived(session.data),
  'handover.enter': (session, { packageId }) => enterHandover(session.data, session.folder, packageId),
  'handover.students.list': (session, { packageId }) => handoverStudents(session.data, session.folder, packageId),
  'handover.notes.list': (session, input) => handoverNotesList(session.data, session.folder, input),
  'handover.notes.get': (session, { packageId, id }) => handoverNoteGet(session.data, session.folder, packageId, id),
  'handover.notes.history': (session, { packageId, id }) => handoverNoteHistory(session.data, session.folder, packageId, id),
  // As in the worker's own notes: once saved, the editor's unfinished note (and any flagged words it held) is gone.
  'handover.notes.create': (session, input) => {
    const note = handoverNoteCreate(session.data, session.folder, input);
    draftKeeperFor(session).discard({ kind: 'package-note', packageId: input.packageId, noteId: null, studentId: input.studentId ?? null });
    return note;
  },
  'handover.notes.update': (session, input) => {
    const note = handoverNoteUpdate(session.data, session.folder, input);
    draftKeeperFor(session).discard({ kind: 'package-note', packageId: input.packageId, noteId: input.id, studentId: null });
    return note;
  },
  'handover.services.list': (session, { packageId }) => handoverServicesList(session.data, session.folder, packageId),
  'handover.services.create': (session, { packageId, fields }) => handoverServiceCreate(session.data, session.folder, packageId, fields),
  'handover.categories.list': (session, { packageId }) => handoverCategories(session.data, session.folder, packageId),
  'handover.accessLog': (session, { packageId }) => handoverAccessLog(session.data, session.folder, packageId),
  'handover.handBack': (session, { packageId, file, replace }) =>
    handback(session.data, session.folder, packageId, file, vaultOutputRules(session, replace ?? false)),
};
