import { useEffect, useRef, useState } from 'react';
import { HandoverIcon, NoteIcon } from '../../components/Icons';
import { ProblemLine } from '../../components/ProblemLine';
import { formatLongDate } from '../../lib/dates';
import { useUiStore } from '../../state/uiStore';
import { useScreenHeading } from '../useScreenHeading';
import { AccessLog } from './substitute/AccessLog';
import { HandbackDialog, HandbackDone } from './substitute/Handback';
import { ownerNotes } from './substitute/handoverWords';
import { PackageBanner } from './substitute/PackageBanner';
import { PackageNoteEditor } from './substitute/PackageNoteEditor';
import { PackageNotes } from './substitute/PackageNotes';
import { PackageServices } from './substitute/PackageServices';
import { usePackageStore, type PackageView } from '../../state/packageStore';

const SECTIONS: { kind: Exclude<PackageView['kind'], 'note'>; label: string }[] = [
  { kind: 'notes', label: 'Notes' },
  { kind: 'services', label: 'Services' },
  { kind: 'access-log', label: 'Access log' },
];

/**
 * Inside a package handed to this worker: a separate vault under a banner
 * naming whose notes these are and until when. Entering it is recorded in
 * its access log. Outside its dates the notes are not shown (the main side
 * refuses them), but its access log and the hand-back stay open.
 */
export function PackageVault({ packageId }: { packageId: string }) {
  const heading = useScreenHeading();
  const navigate = useUiStore((store) => store.navigate);
  const info = usePackageStore((store) => store.info);
  const access = usePackageStore((store) => store.access);
  const problem = usePackageStore((store) => store.problem);
  const view = usePackageStore((store) => store.view);
  const students = usePackageStore((store) => store.students);
  const loadProblem = usePackageStore((store) => store.loadProblem);
  const handback = usePackageStore((store) => store.handback);
  const [handingBack, setHandingBack] = useState(false);

  useEffect(() => {
    void usePackageStore.getState().enter(packageId);
  }, [packageId]);

  const canHandback = access === 'open' || access === 'outside-dates';
  const sections = access === 'open' ? SECTIONS : SECTIONS.filter((section) => section.kind === 'access-log');
  const shown = access === 'outside-dates' && view.kind !== 'access-log' ? ({ kind: 'access-log' } as const) : view;

  // Back from a note, the worker lands on the heading, as on a new screen.
  const previousKind = useRef(shown.kind);
  useEffect(() => {
    if (previousKind.current === 'note' && shown.kind !== 'note') heading.current?.focus({ preventScroll: true });
    previousKind.current = shown.kind;
  }, [heading, shown.kind]);

  // Outside the dates only the access log is left to show.
  useEffect(() => {
    if (access === 'outside-dates') usePackageStore.getState().show({ kind: 'access-log' });
  }, [access]);

  return (
    <div className="screen-body package-vault" data-package-id={packageId}>
      <PackageBanner info={info} access={access} />

      {shown.kind === 'note' && access === 'open' && info != null ? (
        <PackageNoteEditor packageId={packageId} info={info} noteId={shown.noteId} studentId={shown.studentId} students={students} />
      ) : (
        <>
          <p className="breadcrumb">
            <button type="button" className="link" onClick={() => navigate({ name: 'handover' })}>
              Handover
            </button>
          </p>
          <div className="screen-head">
            <div>
              <h1 ref={heading} tabIndex={-1}>
                {info == null ? 'Handed-over notes' : ownerNotes(info)}
              </h1>
              {info != null && access !== 'handed-back' && (
                <p className="package-dates">
                  {formatLongDate(info.validFrom)} to {formatLongDate(info.validUntil)}
                </p>
              )}
            </div>
            <div className="head-actions">
              {access === 'open' && (
                <button type="button" className="secondary" onClick={() => usePackageStore.getState().show({ kind: 'note', noteId: null, studentId: null })}>
                  <NoteIcon />
                  <span>Write a note</span>
                </button>
              )}
              {canHandback && (
                <button type="button" className={access === 'outside-dates' ? 'primary' : undefined} onClick={() => setHandingBack(true)}>
                  <HandoverIcon />
                  <span>Hand back…</span>
                </button>
              )}
            </div>
          </div>

          {access === 'entering' && <p className="status">Opening the handed-over notes…</p>}
          {access !== 'open' && access !== 'entering' && problem != null && handback == null && (
            <div className="package-refusal" role="alert">
              <p>{problem}</p>
              {access === 'outside-dates' && <p>You can still read the access log below, and hand these notes back with what you wrote and the log.</p>}
            </div>
          )}
          {handback != null && <HandbackDone result={handback} info={info} />}

          {handback == null && (access === 'open' || access === 'outside-dates') && (
            <>
              {sections.length > 1 && (
                <div className="segmented package-sections" role="group" aria-label="Show">
                  {sections.map((section) => (
                    <button key={section.kind} type="button" aria-pressed={shown.kind === section.kind} onClick={() => usePackageStore.getState().show({ kind: section.kind })}>
                      {section.label}
                    </button>
                  ))}
                </div>
              )}
              <ProblemLine message={loadProblem} />
              {shown.kind === 'notes' && <PackageNotes />}
              {shown.kind === 'services' && <PackageServices packageId={packageId} />}
              {shown.kind === 'access-log' && <AccessLog info={info} />}
            </>
          )}
        </>
      )}

      {handingBack && <HandbackDialog packageId={packageId} info={info} onClose={() => setHandingBack(false)} />}
    </div>
  );
}
