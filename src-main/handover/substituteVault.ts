import type { z } from 'zod';
import type {
  HandoverNoteCreateInput,
  HandoverNoteUpdateInput,
  HandoverNotesListInput,
  ReceivedHandover,
} from '../../shared/api/handoverSchemas';
import type { AuditEntry, IssueCategory, Note, NoteRevision, NoteSummary, Service, ServiceFields, Student } from '../../shared/api/schemas';
import type { VaultData } from '../vault/vaultData';
import { PACKAGE_OPENED_ACTION } from './openPackage';
import { withPackageVault } from './packageVault';
import { receivedHandover } from './received';

/**
 * What the substitute does in a handover vault. Every opening and every note
 * viewed goes into the package's access log; notes and services written here
 * are the substitute's (the redaction check runs on save as everywhere).
 */
export const NOTE_VIEWED_ACTION = 'note.viewed';

export function listReceived(data: VaultData): ReceivedHandover[] {
  return data.handovers.listReceived().map((row) => receivedHandover(data, row));
}

/** Enters the handover vault (the app switches to it): recorded as an opening; returns the banner. */
export function enterHandover(data: VaultData, vaultFolder: string, packageId: string): ReceivedHandover {
  withPackageVault(data, vaultFolder, packageId, (vault) => vault.log.append(PACKAGE_OPENED_ACTION, { by: vault.manifest.substitute.name }));
  return receivedHandover(data, data.handovers.requireReceived(packageId));
}

export function handoverStudents(data: VaultData, vaultFolder: string, packageId: string): Student[] {
  return withPackageVault(data, vaultFolder, packageId, (vault) => vault.students.list({ includeClosed: true }));
}

/** The list shows the first words of each note, so it is recorded too (as a listing, with how many). */
export function handoverNotesList(data: VaultData, vaultFolder: string, input: z.output<typeof HandoverNotesListInput>): NoteSummary[] {
  const { packageId, ...filter } = input;
  return withPackageVault(data, vaultFolder, packageId, (vault) => {
    const notes = vault.notes.list(filter);
    vault.log.append('notes.listed', { studentId: filter.studentId ?? null, count: notes.length });
    return notes;
  });
}

export function handoverNoteGet(data: VaultData, vaultFolder: string, packageId: string, id: string): Note {
  return withPackageVault(data, vaultFolder, packageId, (vault) => {
    const note = vault.notes.get(id);
    vault.log.append(NOTE_VIEWED_ACTION, { noteId: id, revision: note.revision });
    return note;
  });
}

export function handoverNoteHistory(data: VaultData, vaultFolder: string, packageId: string, id: string): NoteRevision[] {
  return withPackageVault(data, vaultFolder, packageId, (vault) => {
    const history = vault.notes.history(id);
    vault.log.append(NOTE_VIEWED_ACTION, { noteId: id, history: true, revisions: history.length });
    return history;
  });
}

export function handoverNoteCreate(data: VaultData, vaultFolder: string, input: z.output<typeof HandoverNoteCreateInput>): Note {
  const { packageId, ...fields } = input;
  return withPackageVault(data, vaultFolder, packageId, (vault) =>
    vault.transaction(() => {
      const note = vault.notes.create(fields);
      vault.log.append('note.created', { noteId: note.id });
      return note;
    }),
  );
}

export function handoverNoteUpdate(data: VaultData, vaultFolder: string, input: z.output<typeof HandoverNoteUpdateInput>): Note {
  const { packageId, id, ...edit } = input;
  return withPackageVault(data, vaultFolder, packageId, (vault) =>
    vault.transaction(() => {
      const before = vault.notes.get(id).revision;
      const note = vault.notes.update(id, edit);
      if (note.revision !== before) vault.log.append('note.edited', { noteId: id, revision: note.revision });
      return note;
    }),
  );
}

export function handoverServicesList(data: VaultData, vaultFolder: string, packageId: string): Service[] {
  return withPackageVault(data, vaultFolder, packageId, (vault) => vault.services.list());
}

/** The owner's issue categories, so a service logged in the package can use them. */
export function handoverCategories(data: VaultData, vaultFolder: string, packageId: string): IssueCategory[] {
  return withPackageVault(data, vaultFolder, packageId, (vault) => vault.categories.list());
}

export function handoverServiceCreate(data: VaultData, vaultFolder: string, packageId: string, fields: ServiceFields): Service {
  return withPackageVault(data, vaultFolder, packageId, (vault) =>
    vault.transaction(() => {
      const service = vault.services.create(fields);
      vault.log.append('service.created', { serviceId: service.id });
      return service;
    }),
  );
}

/** The package's access log, newest first. Reading it is not itself recorded. */
export function handoverAccessLog(data: VaultData, vaultFolder: string, packageId: string): AuditEntry[] {
  return withPackageVault(data, vaultFolder, packageId, (vault) => vault.log.list(1000), { enforceDates: false });
}
