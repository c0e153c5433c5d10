import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { IssueCategory, Settings as SettingsValues } from '../../shared/api/schemas';
import { call, isQuietError, plainError } from '../api';
import { NewPassphraseFields, useNewPassphrase } from '../components/NewPassphraseFields';
import { ProblemLine } from '../components/ProblemLine';
import { useSettingsStore } from '../state/settingsStore';
import { useUiStore } from '../state/uiStore';
import { BackupsPanel } from './backups/BackupsPanel';
import { QuickUnlockSettings } from './QuickUnlockSettings';
import { ReportSettings } from './ReportSettings';
import { RetentionSettings } from './retention/RetentionSettings';
import { StandingDuties } from './StandingDuties';
import { useScreenHeading } from './useScreenHeading';
import { SavedGroupsPanel } from './SavedGroups';

/** Settings: all stored in the vault, applied at once. */
export function Settings() {
  const heading = useScreenHeading();
  const settings = useSettingsStore((store) => store.settings);
  const status = useSettingsStore((store) => store.status);
  const error = useSettingsStore((store) => store.error);

  return (
    <div className="screen-body settings-screen">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Settings
        </h1>
      </div>
      {status === 'error' && <ProblemLine message={error} />}
      {settings == null ? (
        status !== 'error' && <p className="status">Loading your settings…</p>
      ) : (
        <div className="settings-grid">
          <Appearance settings={settings} />
          <AutoLock minutes={settings.autoLockMinutes} />
          <QuickUnlockSettings />
          <ChangePassphrase />
          <ReportSettings settings={settings} />
          <StandingDuties />
          <Categories />
          <RetentionSettings />
          <SavedGroupsPanel />
          <BackupsPanel />
        </div>
      )}
    </div>
  );
}

function useSaver() {
  const announce = useUiStore((store) => store.announce);
  const [problem, setProblem] = useState<string | null>(null);
  async function save(patch: Partial<SettingsValues>, said: string) {
    setProblem(null);
    try {
      await useSettingsStore.getState().update(patch);
      announce(said);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }
  return { problem, save };
}

function Appearance({ settings }: { settings: SettingsValues }) {
  const id = useId();
  const { problem, save } = useSaver();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Appearance</h2>
      <fieldset className="field radios">
        <legend>Colours</legend>
        {(
          [
            ['system', 'Same as this laptop'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="check">
            <input type="radio" name={`${id}-theme`} value={value} checked={settings.theme === value} onChange={() => void save({ theme: value }, `Colours: ${label.toLowerCase()}.`)} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="field radios">
        <legend>Text size</legend>
        {(
          [
            ['normal', 'Normal'],
            ['large', 'Large'],
            ['larger', 'Larger'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="check">
            <input type="radio" name={`${id}-size`} value={value} checked={settings.textSize === value} onChange={() => void save({ textSize: value }, `Text size: ${label.toLowerCase()}.`)} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <ProblemLine message={problem} />
    </section>
  );
}

/** The lock delays offered (the main side accepts 1 to 240 minutes); a stored value outside the list is offered too. */
const LOCK_MINUTES = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 240] as const;

function minutesLabel(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Like every other setting here, applied as soon as it is chosen. */
function AutoLock({ minutes }: { minutes: number }) {
  const id = useId();
  const { problem, save } = useSaver();
  const choices = (LOCK_MINUTES as readonly number[]).includes(minutes) ? LOCK_MINUTES : [...LOCK_MINUTES, minutes].sort((a, b) => a - b);

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Automatic lock</h2>
      <p className="hint">Sole Notes locks itself when you have not used it for a while, and always when the screen locks or the laptop sleeps.</p>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>Lock after</label>
        <select
          id={`${id}-minutes`}
          className="short-input"
          value={minutes}
          onChange={(event) => {
            const chosen = Number(event.target.value);
            void save({ autoLockMinutes: chosen }, `Sole Notes will lock after ${minutesLabel(chosen)} without activity.`);
          }}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {minutesLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <ProblemLine message={problem} />
    </section>
  );
}

function ChangePassphrase() {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const ready = current !== '' && next.acceptable && !busy;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      await call('vault.changePassphrase', { currentPassphrase: current, newPassphrase: next.passphrase });
      setCurrent('');
      next.clear();
      setDone(true);
      announce('Passphrase changed.');
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Change passphrase</h2>
      <p className="hint">Your recovery key keeps working after a change.</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-current`}>Current passphrase</label>
          <input id={`${id}-current`} type="password" autoComplete="current-password" spellCheck={false} value={current} onChange={(event) => setCurrent(event.target.value)} />
        </div>
        <NewPassphraseFields id={id} state={next} mismatchText="The two new passphrases are not the same yet." mismatchAdvises />
        <ProblemLine message={problem} />
        {done && <p className="success">Passphrase changed. Use the new one next time you unlock.</p>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!ready}>
            {busy ? 'Changing…' : 'Change passphrase'}
          </button>
        </div>
      </form>
    </section>
  );
}

function Categories() {
  const id = useId();
  const categories = useSettingsStore((store) => store.categories);
  const announce = useUiStore((store) => store.announce);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const active = categories.filter((category) => !category.archived);
  const archived = categories.filter((category) => category.archived);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (label.trim() === '') return;
    setProblem(null);
    try {
      const category = await useSettingsStore.getState().createCategory(label.trim());
      setLabel('');
      announce(`Added ${category.label}.`);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  return (
    <section className="panel categories-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Issue categories</h2>
      <p className="hint">What services are about, in plain words. Archived categories stay on past services but are not offered for new ones.</p>
      <ul className="category-list" aria-label="Categories in use">
        {active.map((category) => (
          <CategoryRow key={category.id} category={category} onProblem={setProblem} />
        ))}
      </ul>
      <form onSubmit={add} className="inline-form" noValidate>
        <div className="field grow">
          <label htmlFor={`${id}-new`}>New category</label>
          <input id={`${id}-new`} type="text" autoComplete="off" maxLength={60} value={label} onChange={(event) => setLabel(event.target.value)} />
        </div>
        <button type="submit" disabled={label.trim() === ''}>
          Add category
        </button>
      </form>
      <ProblemLine message={problem} />
      {archived.length > 0 && (
        <>
          <h3>Archived</h3>
          <ul className="category-list" aria-label="Archived categories">
            {archived.map((category) => (
              <CategoryRow key={category.id} category={category} onProblem={setProblem} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CategoryRow({ category, onProblem }: { category: IssueCategory; onProblem: (problem: string | null) => void }) {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(category.label);

  async function change(changes: { label?: string; archived?: boolean }, said: string) {
    onProblem(null);
    try {
      await useSettingsStore.getState().updateCategory(category.id, changes);
      announce(said);
      setRenaming(false);
    } catch (error) {
      if (!isQuietError(error)) onProblem(plainError(error));
    }
  }

  if (renaming) {
    return (
      <li className="category-row">
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (label.trim() !== '' && label.trim() !== category.label) void change({ label: label.trim() }, `Renamed to ${label.trim()}.`);
            else setRenaming(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setLabel(category.label);
              setRenaming(false);
            }
          }}
        >
          <label htmlFor={`${id}-label`} className="sr-only">
            New name for {category.label}
          </label>
          <input id={`${id}-label`} type="text" maxLength={60} value={label} onChange={(event) => setLabel(event.target.value)} autoFocus />
          <button type="submit" className="small">
            Save
          </button>
          <button
            type="button"
            className="small quiet"
            onClick={() => {
              setLabel(category.label);
              setRenaming(false);
            }}
          >
            Cancel
          </button>
        </form>
      </li>
    );
  }

  return (
    <li className="category-row">
      <span className="category-label">{category.label}</span>
      <span className="category-actions">
        <button type="button" className="small quiet" onClick={() => setRenaming(true)} aria-label={`Rename ${category.label}`}>
          Rename
        </button>
        <button
          type="button"
          className="small quiet"
          onClick={() => void change({ archived: !category.archived }, category.archived ? `${category.label} is offered again.` : `${category.label} archived.`)}
          aria-label={`${category.archived ? 'Restore' : 'Archive'} ${category.label}`}
        >
          {category.archived ? 'Restore' : 'Archive'}
        </button>
      </span>
    </li>
  );
}
