import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { ServiceFormDraft } from '../../shared/api/draftSchemas';
import type { StudentGroup } from '../../shared/api/groupSchemas';
import type { IssueCategory, Service, ServiceFields, Student } from '../../shared/api/schemas';
import { DEFAULT_PD_AUDIENCE, PD_AUDIENCES, type PdAudience } from '../../shared/domain/guidelineList';
import { EARLIEST_SERVICE_DATE, serviceDateProblem } from '../../shared/domain/serviceDates';
import { SERVICE_KINDS, serviceKindInfo, TEAM_TYPES, type ServiceKind, type TeamType } from '../../shared/domain/serviceKinds';
import { call, isQuietError, plainError } from '../api';
import { CheckChips } from '../components/CheckChips';
import { DateField } from '../components/DateField';
import { FollowUpField } from '../components/FollowUpField';
import { useFollowUp } from '../lib/useFollowUp';
import { FlagIcon } from '../components/Icons';
import { NoteField } from '../components/NoteField';
import { SaveWithFindingsDialog } from '../components/SaveWithFindingsDialog';
import { StudentPicker } from '../components/StudentPicker';
import { formatMinutes, formatNumericDate, parseDateInput, todayIso } from '../lib/dates';
import { countFindings, describeCounts, findingKey } from '../lib/findings';
import { KindPicker } from '../components/KindPicker';
import { isMod, MOD_LABEL } from '../lib/keys';
import { useDraft } from '../lib/useDraft';
import { findingsNow, useFindings } from '../lib/useFindings';
import { useLoad } from '../lib/useLoad';
import { useNotesStore } from '../state/notesStore';
import { useServicesStore } from '../state/servicesStore';
import { useSettingsStore } from '../state/settingsStore';
import { useUiStore, type ServicePrefill } from '../state/uiStore';
import { formProblems } from './handover/owner/ownerWords';
import { studentLabel } from '../../shared/domain/studentNames';
import { ProblemLine } from '../components/ProblemLine';
import { SavedGroupsDialog } from './SavedGroups';

export interface ServiceDraft {
  date: string;
  minutes: string;
  kind: ServiceKind;
  teamType: TeamType | '';
  studentIds: string[];
  categoryIds: string[];
  /** Professional development provided only: where it was given (within the district when not chosen). */
  pdAudience?: PdAudience;
}

type FieldName = 'date' | 'minutes' | 'kind' | 'teamType' | 'students';
export type DraftErrors = Partial<Record<FieldName, string>>;

const QUICK_MINUTES = [15, 30, 45, 60];

export function emptyDraft(date = formatNumericDate(todayIso())): ServiceDraft {
  return { date, minutes: '', kind: 'individual_session', teamType: '', studentIds: [], categoryIds: [] };
}

/** What a new entry starts from in the worker's own log: the kind and minutes of the last service logged (kept in the settings). */
function startingDraft(remember: boolean, date?: string): ServiceDraft {
  const draft = emptyDraft(date);
  const settings = remember ? useSettingsStore.getState().settings : null;
  if (settings?.lastServiceKind != null) draft.kind = settings.lastServiceKind;
  if (settings?.lastServiceMinutes != null) draft.minutes = String(settings.lastServiceMinutes);
  return draft;
}

/** The fields of a past service, for "Log again" (the date becomes today's). */
export function prefillFrom(service: Service): ServicePrefill {
  return {
    kind: service.kind,
    teamType: service.teamType ?? '',
    minutes: String(service.minutes),
    studentIds: [...service.studentIds],
    categoryIds: [...service.issueCategoryIds],
  };
}

/** A new entry for today from the given fields; a kind that takes no students gives way when students are given. */
export function prefilledDraft(base: ServiceDraft, prefill: ServicePrefill): ServiceDraft {
  const draft: ServiceDraft = { ...base, ...prefill, studentIds: [...(prefill.studentIds ?? base.studentIds)], categoryIds: [...(prefill.categoryIds ?? base.categoryIds)] };
  const takes = serviceKindInfo(draft.kind).withStudents;
  if (draft.studentIds.length > 0 && (takes === 'none' || (takes === 'one' && draft.studentIds.length > 1))) {
    draft.kind = draft.studentIds.length > 1 ? 'group_session' : 'individual_session';
  }
  if (draft.kind !== 'team_meeting') draft.teamType = '';
  return draft;
}

/** "30" → 30, "1:15" → 75, "1h" → 60, "1h 30" → 90. Null when it is not a duration. */
export function parseMinutes(text: string): number | null {
  const value = text.trim().toLowerCase();
  let match = /^(\d{1,4})(?:\s*m(?:in(?:utes?)?)?)?$/.exec(value);
  if (match) return Number(match[1]);
  match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  match = /^(\d{1,2})\s*h(?:ours?|rs?)?\s*(?:(\d{1,2})\s*(?:m(?:in(?:utes?)?)?)?)?$/.exec(value);
  if (match) return Number(match[1]) * 60 + Number(match[2] ?? 0);
  return null;
}

/** Checks a draft the way the vault will, with messages for the worker; the vault decides "today" again on its own clock. */
export function validateDraft(draft: ServiceDraft, today = todayIso()): { fields: ServiceFields | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const date = parseDateInput(draft.date);
  if (date == null) errors.date = 'Enter the date, for example 3/4/2025 or today.';
  else if (serviceDateProblem(date, today) != null) {
    errors.date =
      date < EARLIEST_SERVICE_DATE
        ? 'That date is before 2000. Check the year.'
        : 'That date is more than a day ahead. Log a service on the day it was given, or the day before for a planned one.';
  }
  const minutes = parseMinutes(draft.minutes);
  if (minutes == null) errors.minutes = 'Enter how many minutes, for example 30.';
  else if (minutes < 1 || minutes > 1440) errors.minutes = 'Minutes must be between 1 and 1,440 (a whole day).';
  const info = serviceKindInfo(draft.kind);
  if (draft.kind === 'team_meeting' && draft.teamType === '') errors.teamType = 'Choose which team met.';
  if (info.withStudents === 'one' && draft.studentIds.length !== 1) errors.students = 'An individual session is with one student. Choose the student.';
  if (info.withStudents === 'many' && draft.studentIds.length === 0) errors.students = 'Choose the students in the group.';
  if (Object.keys(errors).length > 0 || date == null || minutes == null) return { fields: null, errors };
  return {
    fields: {
      date,
      minutes,
      kind: draft.kind,
      teamType: draft.kind === 'team_meeting' ? (draft.teamType as TeamType) : null,
      studentIds: info.withStudents === 'none' ? [] : draft.studentIds,
      issueCategoryIds: draft.categoryIds,
      ...(draft.kind === 'pd_provided' ? { pdAudience: draft.pdAudience ?? DEFAULT_PD_AUDIENCE } : {}),
    },
    errors,
  };
}

/** The form as it was kept; what no longer reads as a kind or team falls back to the form's own. */
function formFromDraft(kept: ServiceFormDraft, editing: Service | null): ServiceDraft {
  const base = editing == null ? emptyDraft() : draftFrom(editing);
  const kind = SERVICE_KINDS.some((entry) => entry.id === kept.kind) ? (kept.kind as ServiceKind) : base.kind;
  const teamType = TEAM_TYPES.some((entry) => entry.id === kept.teamType) ? (kept.teamType as TeamType) : '';
  return { date: kept.date, minutes: kept.minutes, kind, teamType, studentIds: kept.studentIds, categoryIds: kept.categoryIds };
}

function draftFrom(service: Service): ServiceDraft {
  return {
    date: formatNumericDate(service.date),
    minutes: String(service.minutes),
    kind: service.kind,
    teamType: service.teamType ?? '',
    studentIds: [...service.studentIds],
    categoryIds: [...service.issueCategoryIds],
    ...(service.pdAudience !== undefined ? { pdAudience: service.pdAudience } : {}),
  };
}

/** Saves a new service and its note somewhere other than the worker's own service log (a package handed to them). */
export type SaveService = (fields: ServiceFields, note: { body: string; findingsAcknowledged: boolean } | null) => Promise<Service>;

/**
 * Logging a service, built for speed: Tab goes date → minutes → kind →
 * students → issues → note → Save, and Enter saves from any field.
 * With `saveService`, new entries go through it instead of the service log.
 */
export function ServiceForm({
  students,
  categories,
  editing,
  onDoneEditing,
  focusSignal,
  focusOnMount = false,
  saveService,
  draftPackageId = null,
  prefill = null,
}: {
  students: readonly Student[];
  categories: readonly IssueCategory[];
  editing: Service | null;
  onDoneEditing: () => void;
  focusSignal: number;
  focusOnMount?: boolean;
  saveService?: SaveService;
  /** The package handed to this worker that the form logs into (its unfinished note is kept under the package's id). */
  draftPackageId?: string | null;
  /** Fills a new entry (for today) once per new object: "Log again", "Log session" from a student's page. */
  prefill?: ServicePrefill | null;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const minutesInput = useRef<HTMLInputElement>(null);
  const kindGroup = useRef<HTMLDivElement>(null);
  const teamSelect = useRef<HTMLSelectElement>(null);
  const studentInput = useRef<HTMLInputElement>(null);
  const noteArea = useRef<HTMLTextAreaElement>(null);
  // A "follow up on" day, in the worker's own log only (not in a package handed to them).
  const followUp = useFollowUp(editing == null || saveService != null ? null : { serviceId: editing.id });
  const announce = useUiStore((store) => store.announce);

  // Only the worker's own log remembers the last kind and minutes and has saved groups (not a package handed to them).
  const ownLog = saveService == null;
  const [draft, setDraft] = useState<ServiceDraft>(() => (editing == null ? startingDraft(ownLog) : draftFrom(editing)));
  /** What the new entry started from: only changes to it count as unfinished work. */
  const baseline = useRef<ServiceDraft>(draft);
  // Saved groups, for the worker's own log only; a failed read leaves the row without them.
  const [loadedGroups] = useLoad(() => (ownLog ? call('groups.list', {}) : Promise.resolve([])), ownLog ? 'groups' : 'no-groups');
  const [changedGroups, setGroups] = useState<StudentGroup[] | null>(null);
  const groups = changedGroups ?? (loadedGroups.status === 'ready' ? loadedGroups.value : []);
  const [naming, setNaming] = useState<string | null>(null);
  const [managingGroups, setManagingGroups] = useState(false);
  const [groupProblem, setGroupProblem] = useState<string | null>(null);
  const groupNameInput = useRef<HTMLInputElement>(null);
  const prefilled = useRef(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [asking, setAsking] = useState(false);
  const acknowledged = useRef<Set<string>>(new Set());
  const { findings } = useFindings(note);

  // The note and the fields typed so far are kept as an unfinished note until the service is saved.
  const noteShown = editing?.noteId == null;
  const draftDirty =
    noteShown && (note.trim() !== '' || (editing == null && (draft.minutes.trim() !== baseline.current.minutes.trim() || draft.studentIds.length > 0)));
  const draftForm: ServiceFormDraft = { ...draft, teamType: draft.teamType };
  const kept = useDraft({
    context: noteShown ? { kind: 'service', serviceId: editing?.id ?? null, packageId: draftPackageId } : null,
    ready: true,
    text: note,
    dirty: draftDirty,
    textarea: noteArea,
    form: draftForm,
    followUp: ownLog ? followUp.text : undefined,
    // Another entry opened in the form: what was typed for the one before stays kept for it.
    onContextChange: 'keep',
    restore: (saved) => {
      setNote(saved.body);
      if (ownLog && saved.followUp !== undefined) followUp.setText(saved.followUp);
      // Fields given by "Log again" or "Log session" win over the ones kept; the note text comes back either way.
      if (saved.form != null && !prefilled.current) setDraft(formFromDraft(saved.form, editing));
    },
  });

  const info = serviceKindInfo(draft.kind);
  const activeCategories = useMemo(
    () => categories.filter((category) => !category.archived || draft.categoryIds.includes(category.id)),
    [categories, draft.categoryIds],
  );
  const pickable = useMemo(() => students.filter((student) => student.closedOn == null || draft.studentIds.includes(student.id)), [students, draft.studentIds]);

  // Editing another entry (or stopping) starts the form again.
  useEffect(() => {
    const next = editing == null ? startingDraft(ownLog) : draftFrom(editing);
    baseline.current = next;
    setDraft(next);
    setNote('');
    setErrors({});
    setProblem(null);
    if (editing != null) dateInput.current?.focus();
  }, [editing]);

  // The settings arrive after the form: an untouched new entry takes the remembered kind and minutes.
  const remembered = useSettingsStore((store) => (ownLog ? `${store.settings?.lastServiceKind ?? ''}|${store.settings?.lastServiceMinutes ?? ''}` : ''));
  useEffect(() => {
    if (editing != null || remembered === '') return;
    setDraft((current) => {
      if (JSON.stringify(current) !== JSON.stringify(baseline.current)) return current;
      const next = startingDraft(true, current.date);
      baseline.current = next;
      return next;
    });
  }, [remembered, editing]);

  // "Log again" or "Log session": a new entry for today with the given fields, ready to save.
  useEffect(() => {
    if (prefill == null) return;
    const next = prefilledDraft(startingDraft(ownLog), prefill);
    prefilled.current = true;
    setDraft(next);
    setErrors({});
    setProblem(null);
    requestAnimationFrame(() => (next.studentIds.length > 0 ? noteArea.current : minutesInput.current)?.focus());
  }, [prefill, ownLog]);

  // "Log service" (button or shortcut) puts the cursor in the date, ready to go.
  const seenSignal = useRef(focusOnMount ? -1 : focusSignal);
  useEffect(() => {
    if (focusSignal !== seenSignal.current) dateInput.current?.focus();
    seenSignal.current = focusSignal;
  }, [focusSignal]);

  function update(patch: Partial<ServiceDraft>) {
    setDraft((current) => {
      const next = { ...current, ...patch };
      if (patch.kind !== undefined) {
        const kindInfo = serviceKindInfo(patch.kind);
        if (patch.kind !== 'team_meeting') next.teamType = '';
        if (kindInfo.withStudents === 'none') next.studentIds = [];
        if (kindInfo.withStudents === 'one' && next.studentIds.length > 1) next.studentIds = next.studentIds.slice(-1);
      }
      return next;
    });
    setErrors((current) => {
      const next = { ...current };
      if (patch.date !== undefined) delete next.date;
      if (patch.minutes !== undefined) delete next.minutes;
      if (patch.kind !== undefined) {
        delete next.kind;
        delete next.students;
        delete next.teamType;
      }
      if (patch.teamType !== undefined) delete next.teamType;
      if (patch.studentIds !== undefined) delete next.students;
      return next;
    });
  }

  function focusField(field: FieldName) {
    if (field === 'kind') {
      kindGroup.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
      return;
    }
    const target = { date: dateInput, minutes: minutesInput, teamType: teamSelect, students: studentInput }[field];
    target.current?.focus();
  }

  async function submit(anyway: boolean) {
    if (saving) return;
    const { fields, errors: found } = validateDraft(draft);
    setErrors(found);
    if (fields == null) {
      const first = (['date', 'minutes', 'kind', 'teamType', 'students'] as const).find((field) => found[field] != null);
      if (first != null) focusField(first);
      setProblem('Check the fields marked below.');
      return;
    }
    const body = note.trim() === '' ? null : note;
    if (body != null && !anyway) {
      const left = findingsNow(body).filter((finding) => !acknowledged.current.has(findingKey(body, finding)));
      if (left.length > 0) {
        setAsking(true);
        return;
      }
    }
    setSaving(true);
    setProblem(null);
    try {
      const store = useServicesStore.getState();
      let service: Service;
      if (saveService != null) {
        service = await saveService(fields, body == null ? null : { body, findingsAcknowledged: findingsNow(body).length > 0 });
      } else {
        service = editing == null ? await store.create(fields) : await store.update(editing.id, { ...fields, noteId: editing.noteId });
      }
      if (body != null && saveService == null) {
        const findings = findingsNow(body);
        const saved = await useNotesStore.getState().create({
          studentId: fields.studentIds?.length === 1 ? (fields.studentIds[0] as string) : null,
          serviceId: service.id,
          body,
          findingsAcknowledged: findings.length > 0,
        });
        service = await call('services.update', { id: service.id, fields: { ...fields, noteId: saved.id } });
        await store.load();
      }
      if (saveService == null) {
        await followUp.apply({ serviceId: service.id });
        followUp.setText('');
      }
      const who = fields.studentIds?.map((studentId) => students.find((student) => student.id === studentId)).filter((student) => student != null).map((student) => studentLabel(student)) ?? [];
      if (editing == null && ownLog) {
        // The main side kept this kind and minutes for the next new entry; the form follows.
        useSettingsStore.setState((state) => (state.settings == null ? {} : { settings: { ...state.settings, lastServiceKind: service.kind, lastServiceMinutes: service.minutes } }));
      }
      announce(
        `${editing == null ? 'Saved' : 'Updated'}: ${serviceKindInfo(service.kind).label}, ${formatMinutes(service.minutes)}${who.length > 0 ? `, ${who.join(', ')}` : ''}.`,
      );
      setAsking(false);
      setNote('');
      acknowledged.current = new Set();
      if (editing != null) onDoneEditing();
      else {
        // The next entry starts on the same day, written as a date ("yesterday" would drift at midnight).
        const next = startingDraft(ownLog, formatNumericDate(fields.date));
        baseline.current = next;
        setDraft(next);
        setErrors({});
        dateInput.current?.focus();
      }
    } catch (error) {
      if (isQuietError(error)) return;
      // A refusal naming a field (the vault's own check of the date) stands beside that field.
      const { byField, problem: refusal } = formProblems(error, ['date', 'minutes', 'kind', 'teamType'] as const);
      const first = (['date', 'minutes', 'kind', 'teamType'] as const).find((field) => byField[field] != null);
      if (first != null) {
        setErrors((current) => ({ ...current, ...byField }));
        focusField(first);
      }
      setProblem(refusal ?? 'Check the fields marked below.');
      setAsking(false);
    } finally {
      setSaving(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target;
    if (isMod(event) && event.key.toLowerCase() === 's' && !event.shiftKey) {
      event.preventDefault();
      form.current?.requestSubmit();
      return;
    }
    if (event.key !== 'Enter' || event.altKey || event.shiftKey) return;
    if (target instanceof HTMLTextAreaElement) {
      if (isMod(event)) {
        event.preventDefault();
        form.current?.requestSubmit();
      }
      return;
    }
    // Text fields submit by themselves; selects and ticks need help.
    if (
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) ||
      (target instanceof HTMLElement && target.getAttribute('role') === 'radio')
    ) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  const minutesValue = parseMinutes(draft.minutes);

  /** A saved group fills its students in one step (as a group session when the kind was for one student or none). */
  function pickGroup(group: StudentGroup) {
    const open = group.studentIds.filter((studentId) => students.some((student) => student.id === studentId && student.closedOn == null));
    const takes = info.withStudents;
    update({ studentIds: open, ...(takes === 'one' || takes === 'none' ? { kind: 'group_session' as const } : {}) });
    announce(`${group.name}: ${open.length} ${open.length === 1 ? 'student' : 'students'} chosen.`);
  }

  async function saveGroup() {
    const name = (naming ?? '').trim();
    if (name === '') {
      setGroupProblem('Enter a name for the group.');
      groupNameInput.current?.focus();
      return;
    }
    try {
      const group = await call('groups.create', { name, studentIds: draft.studentIds });
      setGroups([...groups, group].sort((a, b) => a.name.localeCompare(b.name)));
      setNaming(null);
      setGroupProblem(null);
      announce(`Saved the group ${group.name}.`);
    } catch (error) {
      if (isQuietError(error)) return;
      setGroupProblem(plainError(error));
      groupNameInput.current?.focus();
    }
  }

  const groupsShown = ownLog && editing == null ? groups : [];

  return (
    <form ref={form} className="service-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{editing == null ? 'Log a service' : 'Edit service'}</h2>
      {/* Date and minutes side by side, so the note is in sight without scrolling. */}
      <div className="when-row">
      <DateField id={`${id}-date`} label="Date" value={draft.date} onChange={(date) => update({ date })} error={errors.date} inputRef={dateInput} dayButtons="yesterday" />

      <div className="field">
        <label htmlFor={`${id}-minutes`}>Minutes</label>
        <div className="minutes-row">
          <input
            id={`${id}-minutes`}
            ref={minutesInput}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="minutes-input"
            value={draft.minutes}
            onChange={(event) => update({ minutes: event.target.value })}
            // The remembered minutes are typed over, not added to.
            onFocus={(event) => event.currentTarget.select()}
            aria-invalid={errors.minutes != null}
            aria-describedby={errors.minutes != null ? `${id}-minutes-error` : undefined}
          />
          <div className="quick-minutes" role="group" aria-label="Common lengths">
            {QUICK_MINUTES.map((value) => (
              <button key={value} type="button" className="quick" tabIndex={-1} aria-pressed={minutesValue === value} onClick={() => update({ minutes: String(value) })}>
                {value}
              </button>
            ))}
          </div>
        </div>
        {errors.minutes != null && (
          <p className="field-error" id={`${id}-minutes-error`}>
            {errors.minutes}
          </p>
        )}
      </div>
      </div>

      <div className="field">
        <p className="field-title" id={`${id}-kind-label`}>
          Kind of service
        </p>
        <KindPicker labelId={`${id}-kind-label`} value={draft.kind} onChange={(kind) => update({ kind })} groupRef={kindGroup} />
      </div>

      {draft.kind === 'team_meeting' && (
        <div className="field">
          <label htmlFor={`${id}-team`}>Team</label>
          <select
            id={`${id}-team`}
            ref={teamSelect}
            value={draft.teamType}
            onChange={(event) => update({ teamType: event.target.value as TeamType | '' })}
            aria-invalid={errors.teamType != null}
            aria-describedby={errors.teamType != null ? `${id}-team-error` : undefined}
          >
            <option value="">Choose the team…</option>
            {TEAM_TYPES.map((type) => (
              <option key={type.id} value={type.id}>
                {type.label}
              </option>
            ))}
          </select>
          {errors.teamType != null && (
            <p className="field-error" id={`${id}-team-error`}>
              {errors.teamType}
            </p>
          )}
        </div>
      )}

      {draft.kind === 'pd_provided' && (
        <div className="field">
          <label htmlFor={`${id}-pd-audience`}>Given to</label>
          <select id={`${id}-pd-audience`} value={draft.pdAudience ?? DEFAULT_PD_AUDIENCE} onChange={(event) => update({ pdAudience: event.target.value as PdAudience })}>
            {PD_AUDIENCES.map((audience) => (
              <option key={audience.id} value={audience.id}>
                {audience.id === 'within_district' ? 'Staff within the district' : 'People outside the district'}
              </option>
            ))}
          </select>
        </div>
      )}

      {info.withStudents === 'none' ? (
        <p className="hint field">{info.label} is logged without students.</p>
      ) : (
        <StudentPicker
          id={`${id}-students`}
          label={info.withStudents === 'one' ? 'Student' : info.withStudents === 'many' ? 'Students' : 'Students (if any)'}
          students={pickable}
          selected={draft.studentIds}
          onChange={(studentIds) => update({ studentIds })}
          single={info.withStudents === 'one'}
          inputRef={studentInput}
          error={errors.students}
        />
      )}

      {groupsShown.length > 0 && (
        <div className="group-row" role="group" aria-label="Saved groups">
          <span className="hint">Groups:</span>
          {groupsShown.map((group) => (
            <button key={group.id} type="button" className="small" onClick={() => pickGroup(group)} aria-label={`Fill in the group ${group.name} (${group.studentIds.length} ${group.studentIds.length === 1 ? 'student' : 'students'})`}>
              {group.name} <span className="hint">({group.studentIds.length})</span>
            </button>
          ))}
          <button type="button" className="small quiet" onClick={() => setManagingGroups(true)}>
            Change groups…
          </button>
        </div>
      )}
      {managingGroups && <SavedGroupsDialog onClose={() => setManagingGroups(false)} onChanged={setGroups} />}
      {ownLog && editing == null && draft.studentIds.length >= 2 && naming == null && (
        <div className="group-row">
          <button
            type="button"
            className="small quiet"
            onClick={() => {
              setNaming('');
              setGroupProblem(null);
              requestAnimationFrame(() => groupNameInput.current?.focus());
            }}
          >
            Save these students as a group
          </button>
        </div>
      )}
      {naming != null && (
        <div className="field group-row">
          <label htmlFor={`${id}-group-name`}>Group name</label>
          <input
            id={`${id}-group-name`}
            ref={groupNameInput}
            type="text"
            autoComplete="off"
            value={naming}
            onChange={(event) => setNaming(event.target.value)}
            onKeyDown={(event) => {
              // Enter here saves the group, not the service.
              if (event.key === 'Enter') {
                event.preventDefault();
                event.stopPropagation();
                void saveGroup();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                setNaming(null);
              }
            }}
            aria-invalid={groupProblem != null}
            aria-describedby={groupProblem != null ? `${id}-group-error` : undefined}
          />
          <button type="button" className="small" onClick={() => void saveGroup()}>
            Save group
          </button>
          <button type="button" className="small quiet" onClick={() => setNaming(null)}>
            Cancel
          </button>
          {groupProblem != null && (
            <p className="field-error" id={`${id}-group-error`}>
              {groupProblem}
            </p>
          )}
        </div>
      )}

      {editing?.noteId == null ? (
        <div className="field">
          <label htmlFor={`${id}-note`}>Note for this service (optional)</label>
          {kept.restored && (
            <p className="status draft-back" role="status">
              Your unfinished note is back, as you left it.
            </p>
          )}
          <NoteField id={`${id}-note`} value={note} onChange={setNote} findings={findings} textareaRef={noteArea} className="note-field-compact" describedBy={`${id}-note-flags`} />
          <p className="hint" id={`${id}-note-flags`}>
            {findings.length === 0 ? (
              `${MOD_LABEL}+Enter saves from here.`
            ) : (
              <span className="inline-flag">
                <FlagIcon />
                Flagged: {describeCounts(countFindings(findings))}. Open the note after saving to see why, or rewrite it here.
              </span>
            )}
          </p>
        </div>
      ) : (
        <p className="hint field">This service already has a note; open it from the list to change it.</p>
      )}

      {saveService == null && <FollowUpField id={`${id}-follow-up`} followUp={followUp} />}

      <CheckChips legend="Issues addressed" options={activeCategories} checked={draft.categoryIds} onChange={(categoryIds) => update({ categoryIds })} />

      <ProblemLine message={problem} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save service'}
        </button>
        {editing != null && (
          <button type="button" className="quiet" onClick={onDoneEditing}>
            Cancel
          </button>
        )}
      </div>

      {asking && (
        <SaveWithFindingsDialog
          counts={countFindings(findingsNow(note))}
          busy={saving}
          onEdit={() => {
            setAsking(false);
            requestAnimationFrame(() => noteArea.current?.focus());
          }}
          onSaveAnyway={() => {
            for (const finding of findingsNow(note)) acknowledged.current.add(findingKey(note, finding));
            void submit(true);
          }}
        />
      )}
    </form>
  );
}
