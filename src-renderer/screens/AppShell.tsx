import { lazy, Suspense, useEffect, useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { LeaveUnsavedDialog } from '../components/LeaveUnsavedDialog';
import { ChartIcon, ClockIcon, GearIcon, GrowthIcon, HandoverIcon, KeyboardIcon, LockIcon, NoteIcon, PeopleIcon, PlusIcon, SearchIcon, ShieldIcon, TodayIcon } from '../components/Icons';
import { setWorkerTimeZone } from '../lib/dates';
import { bridge } from '../bridge';
import { sendWaitingDraftsNow } from '../lib/draftSender';
import { isMod, isTypingTarget, MOD_LABEL } from '../lib/keys';
import { resumeDraftAfterUnlock } from '../state/resumeDraft';
import { useSettingsStore } from '../state/settingsStore';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore, type Route } from '../state/uiStore';
import { useVaultStore } from '../state/vaultStore';
import { IntegrityBanner } from './backups/IntegrityBanner';
import { PendingRestoreBanner } from './backups/PendingRestoreBanner';
import { Caseload } from './Caseload';
import { HandoverHome } from './handover/HandoverHome';
import { PackageVault } from './handover/PackageVault';
import { usePackageStore, writeInOpenPackage } from '../state/packageStore';
import { NoteEditor } from './NoteEditor';
import { Search } from './Search';
import { ServiceLog } from './ServiceLog';
import { OffsiteStatus } from './backups/OffsiteStatus';
import { Settings } from './Settings';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StudentPage } from './StudentPage';
import { Today } from './Today';

type Section = 'today' | 'caseload' | 'services' | 'search' | 'reports' | 'growth' | 'handover' | 'settings';

/** The Reports screen and its charting library load only when it is opened. */
const Reports = lazy(() => import('./Reports').then((module) => ({ default: module.Reports })));
/** Professional growth loads only when it is opened, like Reports. */
const ProfessionalGrowth = lazy(() => import('./growth/ProfessionalGrowth').then((module) => ({ default: module.ProfessionalGrowth })));

const SECTIONS: { section: Section; label: string; icon: ReactNode }[] = [
  { section: 'today', label: 'Today', icon: <TodayIcon /> },
  { section: 'caseload', label: 'Caseload', icon: <PeopleIcon /> },
  { section: 'services', label: 'Service log', icon: <ClockIcon /> },
  { section: 'search', label: 'Search', icon: <SearchIcon /> },
  { section: 'reports', label: 'Reports', icon: <ChartIcon /> },
  { section: 'growth', label: 'Professional growth', icon: <GrowthIcon /> },
  { section: 'handover', label: 'Handover', icon: <HandoverIcon /> },
  { section: 'settings', label: 'Settings', icon: <GearIcon /> },
];

function sectionOf(route: Route): Section {
  switch (route.name) {
    case 'today':
      return 'today';
    case 'caseload':
    case 'student':
      return 'caseload';
    case 'note':
      return 'caseload';
    case 'services':
      return 'services';
    case 'search':
      return 'search';
    case 'reports':
      return 'reports';
    case 'growth':
      return 'growth';
    case 'handover':
    case 'handover-package':
      return 'handover';
    case 'settings':
      return 'settings';
  }
}

function dialogOpen(): boolean {
  return document.getElementById('root')?.hasAttribute('inert') === true;
}

/** The app once unlocked: navigation, quick actions, the privacy line, Lock, and the current screen. */
export function AppShell() {
  const route = useUiStore((store) => store.route);
  const visit = useUiStore((store) => store.visit);
  const pendingRoute = useUiStore((store) => store.pendingRoute);
  const shortcutsOpen = useUiStore((store) => store.shortcutsOpen);
  const navigate = useUiStore((store) => store.navigate);
  const settings = useSettingsStore((store) => store.settings);
  const students = useStudentsStore((store) => store.students);
  const main = useRef<HTMLElement>(null);

  // What every screen needs: the caseload (then which students have flagged notes), settings and categories.
  useEffect(() => {
    void useStudentsStore
      .getState()
      .load()
      .then(() => useStudentsStore.getState().loadFlagged());
    void useSettingsStore.getState().load();
    // Back to the unfinished note the worker was writing when the vault locked.
    void resumeDraftAfterUnlock();
  }, []);

  // Closing the window locks the vault: what was typed in the last moment is sent first, and the main side waits for it.
  useEffect(() => bridge().onSendDrafts?.(sendWaitingDraftsNow), []);

  // Appearance applies at once, and is dropped with everything else on lock.
  useEffect(() => {
    const html = document.documentElement;
    if (settings == null) return undefined;
    if (settings.theme === 'system') delete html.dataset.theme;
    else html.dataset.theme = settings.theme;
    html.dataset.textSize = settings.textSize;
    setWorkerTimeZone(settings.timeZone);
    return () => {
      delete html.dataset.theme;
      delete html.dataset.textSize;
      setWorkerTimeZone(null);
    };
  }, [settings]);

  const currentStudentId = route.name === 'student' ? route.studentId : route.name === 'note' ? route.studentId : null;
  const currentStudent = currentStudentId == null ? null : (students.find((student) => student.id === currentStudentId) ?? null);

  // On a student's page (or one of their notes), a new note is about that student.
  const forStudent = currentStudent != null && currentStudent.closedOn == null ? currentStudent : null;

  // Inside a package handed to this worker, a new note or service is written in the package.
  const packageOpen = usePackageStore((store) => store.access === 'open');
  const inPackage = route.name === 'handover-package';
  const newNoteFor = inPackage && packageOpen ? 'in the handed-over notes' : forStudent != null ? `for ${forStudent.code}` : null;

  function newNote() {
    if (inPackage && writeInOpenPackage('note')) return;
    navigate({ name: 'note', noteId: null, studentId: forStudent?.id ?? null });
  }

  function logService() {
    if (inPackage && writeInOpenPackage('service')) return;
    if (useUiStore.getState().route.name === 'services') useUiStore.getState().focusServiceForm();
    else navigate({ name: 'services', focusForm: true });
  }

  function lock() {
    void useVaultStore.getState().lock();
  }

  // The shortcuts. Lock works even with a dialog open; the others wait for it to close.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const key = event.key.toLowerCase();
      if (isMod(event) && event.shiftKey && !event.altKey && key === 'l') {
        event.preventDefault();
        lock();
        return;
      }
      if (dialogOpen()) return;
      if (isMod(event) && !event.altKey) {
        if (key === 'n' && !event.shiftKey) {
          event.preventDefault();
          newNote();
        } else if (key === 'n' && event.shiftKey) {
          event.preventDefault();
          logService();
        } else if (key === 'f' && !event.shiftKey) {
          event.preventDefault();
          if (useUiStore.getState().route.name === 'search') document.querySelector<HTMLInputElement>('.search-form input')?.focus();
          else navigate({ name: 'search' });
        } else if (key === '/') {
          event.preventDefault();
          useUiStore.getState().setShortcutsOpen(true);
        }
        return;
      }
      if (event.key === '?' && !event.altKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        useUiStore.getState().setShortcutsOpen(true);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  function go(event: MouseEvent<HTMLAnchorElement>, section: Section) {
    event.preventDefault();
    navigate({ name: section });
  }

  const section = sectionOf(route);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <div className="shell">
        <div className="sidebar">
          <header className="brand-area">
            <p className="brand">
              <ShieldIcon className="brand-icon" />
              <span>Sole Notes</span>
            </p>
            <div className="quick-actions">
              <button
                type="button"
                className="primary quick-action"
                onClick={newNote}
                aria-keyshortcuts={`${MOD_LABEL}+N`}
              >
                <NoteIcon />
                {/* Named by what it shows ("New note for JD-0415"), so a voice user can say what they see. */}
                <span className="quick-label">
                  <span>New note</span>
                  {newNoteFor != null && (
                    <>
                      {' '}
                      <span className="quick-sub">{newNoteFor}</span>
                    </>
                  )}
                </span>
              </button>
              <button type="button" className="quick-action" onClick={logService} aria-keyshortcuts={`${MOD_LABEL}+Shift+N`}>
                <PlusIcon />
                <span>Log service</span>
              </button>
            </div>
          </header>
          <nav aria-label="Main" className="main-nav">
            <ul>
              {SECTIONS.map((item) => (
                <li key={item.section}>
                  <a
                    href={`#${item.section}`}
                    className={section === item.section ? 'nav-link is-current' : 'nav-link'}
                    aria-current={section === item.section ? (route.name === item.section ? 'page' : 'true') : undefined}
                    onClick={(event) => go(event, item.section)}
                  >
                    {item.icon}
                    <span>{item.label}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <footer className="sidebar-foot">
            <Announcements />
            <OffsiteStatus onOpenBackups={() => navigate({ name: 'settings' })} />
            <p className="privacy-line">
              <LockIcon />
              <span>Stored only on this laptop, encrypted</span>
            </p>
            <button type="button" className="lock-button" onClick={lock} aria-keyshortcuts={`${MOD_LABEL}+Shift+L`}>
              <LockIcon />
              <span>Lock</span>
            </button>
            <button type="button" className="link shortcuts-link" onClick={() => useUiStore.getState().setShortcutsOpen(true)} aria-keyshortcuts="?">
              <KeyboardIcon />
              <span>Keyboard shortcuts</span>
            </button>
          </footer>
        </div>
        <main id="main" ref={main} tabIndex={-1} className="main">
          <IntegrityBanner />
          <PendingRestoreBanner />
          <Screen key={visit} route={route} />
        </main>
      </div>
      {pendingRoute != null && <LeaveDialog />}
      {shortcutsOpen && <ShortcutsHelp onClose={() => useUiStore.getState().setShortcutsOpen(false)} />}
    </>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'today':
      return <Today />;
    case 'caseload':
      return <Caseload />;
    case 'student':
      return <StudentPage studentId={route.studentId} />;
    case 'note':
      return <NoteEditor noteId={route.noteId} studentId={route.studentId} serviceId={route.serviceId ?? null} />;
    case 'services':
      return <ServiceLog serviceId={route.serviceId} focusForm={route.focusForm === true} prefill={route.prefill} />;
    case 'search':
      return <Search />;
    case 'reports':
      return (
        <Suspense
          fallback={
            <div className="screen-body" aria-busy="true">
              <p className="status">Opening reports…</p>
            </div>
          }
        >
          <Reports />
        </Suspense>
      );
    case 'growth':
      return (
        <Suspense
          fallback={
            <div className="screen-body" aria-busy="true">
              <p className="status">Opening professional growth…</p>
            </div>
          }
        >
          <ProfessionalGrowth tab={route.tab ?? 'self-evaluation'} />
        </Suspense>
      );
    case 'handover':
      return <HandoverHome />;
    case 'handover-package':
      return <PackageVault packageId={route.packageId} />;
    case 'settings':
      return <Settings />;
  }
}

/** How long a notice (a save, say) stays on screen. */
export const NOTICE_MS = 4000;

/**
 * Saves and other confirmations, read out politely and shown for about 4 s;
 * errors read out at once and kept until dismissed. They sit in the sidebar's
 * own space, above Lock, so they never cover a control.
 */
function Announcements() {
  const status = useUiStore((store) => store.status);
  const alert = useUiStore((store) => store.alert);

  useEffect(() => {
    if (status == null) return undefined;
    // The notice may take room from the list of sections (it scrolls then): keep the current one in sight.
    const current = document.querySelector('.main-nav .is-current');
    // (Pages without layout, as in the unit tests, have no scrolling to do.)
    if (current != null && typeof current.scrollIntoView === 'function') current.scrollIntoView({ block: 'nearest' });
    const timer = setTimeout(() => {
      if (useUiStore.getState().status?.id === status.id) useUiStore.setState({ status: null });
    }, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [status]);

  return (
    <div className="toasts">
      <div role="status" aria-live="polite" className={status == null ? 'toast is-empty' : 'toast'}>
        {status?.text}
      </div>
      {alert != null && (
        <div role="alert" className="toast toast-alert">
          {alert.text}
          <button type="button" className="small quiet" onClick={() => useUiStore.getState().clearAlert()}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

function LeaveDialog() {
  const cancelLeave = useUiStore((store) => store.cancelLeave);
  const confirmLeave = useUiStore((store) => store.confirmLeave);
  return <LeaveUnsavedDialog onLeave={confirmLeave} onStay={cancelLeave} />;
}
