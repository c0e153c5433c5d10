import type { Draft } from '../../shared/api/draftSchemas';
import { call } from '../api';
import { usePackageStore } from './packageStore';
import { useUiStore, type Route } from './uiStore';

/** Where the editor of an unfinished note is (a package note: the package, then its note). */
export function routeOfDraft(draft: Draft): Route {
  const { context } = draft;
  switch (context.kind) {
    case 'note':
      return { name: 'note', noteId: context.noteId, studentId: context.studentId, serviceId: context.serviceId };
    case 'service':
      return context.packageId == null ? { name: 'services', ...(context.serviceId == null ? { focusForm: true } : { serviceId: context.serviceId }) } : { name: 'handover-package', packageId: context.packageId };
    case 'package-note':
      return { name: 'handover-package', packageId: context.packageId };
  }
}

/** Opens the editor of an unfinished note, where its text is put back. */
export function openDraft(draft: Draft): void {
  const { context } = draft;
  if (!useUiStore.getState().navigate(routeOfDraft(draft))) return;
  if (context.kind === 'note') return;
  if (context.kind === 'service' && context.packageId == null) return;
  // Inside a package: once it is entered, show its note (or its services, where the form is).
  const packageId = context.packageId;
  const view = context.kind === 'package-note' ? ({ kind: 'note', noteId: context.noteId, studentId: context.studentId } as const) : ({ kind: 'services' } as const);
  const showWhenOpen = () => {
    const store = usePackageStore.getState();
    if (store.packageId !== packageId) return false;
    if (store.access === 'open') store.show(view);
    return store.access !== 'entering';
  };
  if (showWhenOpen()) return;
  const unsubscribe = usePackageStore.subscribe(() => {
    if (showWhenOpen()) unsubscribe();
  });
}

/**
 * After an unlock: back to the unfinished note the worker was writing when
 * the vault locked (or the app stopped), if there is one. Notes left for
 * later stay in the list of unfinished notes.
 */
export async function resumeDraftAfterUnlock(): Promise<void> {
  let drafts: Draft[];
  try {
    drafts = await call('drafts.list', {});
  } catch {
    return;
  }
  const latest = drafts.find((draft) => draft.resume);
  // Only from the home screen: the worker may have gone somewhere already.
  if (latest != null && useUiStore.getState().route.name === 'today') openDraft(latest);
}
