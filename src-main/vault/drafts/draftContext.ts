import type { DraftContext } from '../../../shared/api/draftSchemas';

/** What a draft is linked to in the vault, so that it goes when that goes (see schema/006-drafts.ts). */
export interface DraftLinks {
  noteId: string | null;
  serviceId: string | null;
  packageId: string | null;
}

/**
 * The one key of an editor context: a note being edited is the same editor
 * whoever it is about; a new note is one editor per student and service.
 */
export function draftKey(context: DraftContext): string {
  switch (context.kind) {
    case 'note':
      return context.noteId != null ? `note:${context.noteId}` : `note:new:${context.studentId ?? '-'}:${context.serviceId ?? '-'}`;
    case 'service':
      return `${context.packageId == null ? '' : `package:${context.packageId}:`}service:${context.serviceId ?? 'new'}`;
    case 'package-note':
      return context.noteId != null ? `package:${context.packageId}:note:${context.noteId}` : `package:${context.packageId}:note:new:${context.studentId ?? '-'}`;
  }
}

export function draftLinks(context: DraftContext): DraftLinks {
  switch (context.kind) {
    case 'note':
      return { noteId: context.noteId, serviceId: context.noteId == null ? context.serviceId : null, packageId: null };
    case 'service':
      return context.packageId == null
        ? { noteId: null, serviceId: context.serviceId, packageId: null }
        : { noteId: null, serviceId: null, packageId: context.packageId };
    case 'package-note':
      return { noteId: null, serviceId: null, packageId: context.packageId };
  }
}
