import type { ServiceKind, TeamType } from '../../shared/domain/serviceKinds';
import { createVaultStore } from './createVaultStore';

/** Fields a new service starts with: "Log again" on a past service, "Log session" on a student's page. */
export interface ServicePrefill {
  kind?: ServiceKind;
  teamType?: TeamType | '';
  minutes?: string;
  studentIds?: string[];
  categoryIds?: string[];
}

export type GrowthTab = 'self-evaluation' | 'plan' | 'supervision';

/** Where the worker is. Ids only: the screens fetch what they show. */
export type Route =
  /** The home screen: what today holds. */
  | { name: 'today' }
  | { name: 'caseload' }
  | { name: 'student'; studentId: string }
  | { name: 'note'; noteId: string | null; studentId: string | null; serviceId?: string | null }
  | { name: 'services'; serviceId?: string; focusForm?: boolean; prefill?: ServicePrefill }
  | { name: 'search' }
  | { name: 'reports' }
  /** Self-evaluation, the professional development plan and CEUs, supervision. */
  | { name: 'growth'; tab?: GrowthTab }
  /** Handing notes to a substitute and taking them back; packages handed to this worker. */
  | { name: 'handover' }
  /** Inside a package handed to this worker (a separate vault, under its banner). */
  | { name: 'handover-package'; packageId: string }
  | { name: 'settings' };

export interface Announcement {
  id: number;
  text: string;
}

interface UiStore {
  route: Route;
  /** Bumped on every navigation, so a screen can be rebuilt even for the same route. */
  visit: number;
  /** Set by a screen holding unsaved changes: answers whether leaving would lose them. */
  leaveGuard: (() => boolean) | null;
  /** A navigation waiting for the worker to confirm leaving unsaved changes. */
  pendingRoute: Route | null;
  shortcutsOpen: boolean;
  /** A focus request for the service form's first field (bumped by "Log service"). */
  serviceFormFocus: number;
  /** Polite announcements (saves) and assertive ones (errors) for screen readers, also shown as a toast. */
  status: Announcement | null;
  alert: Announcement | null;
  navigate(route: Route, options?: { force?: boolean }): boolean;
  confirmLeave(): void;
  cancelLeave(): void;
  setLeaveGuard(guard: (() => boolean) | null): void;
  setShortcutsOpen(open: boolean): void;
  focusServiceForm(): void;
  announce(text: string): void;
  announceError(text: string): void;
  clearAlert(): void;
}

const initial = {
  route: { name: 'today' } as Route,
  visit: 0,
  leaveGuard: null,
  pendingRoute: null,
  shortcutsOpen: false,
  serviceFormFocus: 0,
  status: null,
  alert: null,
};

let announcementId = 0;

export const useUiStore = createVaultStore<UiStore>('ui', (set, get) => ({
  ...initial,
  navigate: (route, options) => {
    const guard = get().leaveGuard;
    if (options?.force !== true && guard != null && guard()) {
      set({ pendingRoute: route });
      return false;
    }
    set((store) => ({ route, visit: store.visit + 1, pendingRoute: null, leaveGuard: null, alert: null, status: null }));
    return true;
  },
  confirmLeave: () => {
    const pending = get().pendingRoute;
    if (pending == null) return;
    set((store) => ({ route: pending, visit: store.visit + 1, pendingRoute: null, leaveGuard: null, alert: null, status: null }));
  },
  cancelLeave: () => set({ pendingRoute: null }),
  setLeaveGuard: (guard) => set({ leaveGuard: guard }),
  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
  focusServiceForm: () => set((store) => ({ serviceFormFocus: store.serviceFormFocus + 1 })),
  announce: (text) => set({ status: { id: ++announcementId, text } }),
  announceError: (text) => set({ alert: { id: ++announcementId, text } }),
  clearAlert: () => set({ alert: null }),
}));
