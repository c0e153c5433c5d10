import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { STORIES_PER_MONTH_MAX, STORY_MAX_LENGTH } from '../../shared/domain/guidelineList';
import { call, isQuietError, plainError } from '../api';
import { ProblemLine } from '../components/ProblemLine';
import { useFindings } from '../lib/useFindings';
import { useLoad } from '../lib/useLoad';
import { monthLabel } from '../lib/months';
import { useUiStore } from '../state/uiStore';

/**
 * Success stories for a month's report: short examples of problems resolved,
 * written without anything that identifies a student. A story goes into the
 * report only after the worker confirms it; one the redaction check flags, or
 * that holds a student's code or name, is not saved.
 */
export function SuccessStories({ month, onChanged }: { month: string; onChanged: () => void }) {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const [loaded, reload] = useLoad(() => call('stories.list', { month }), month);
  const stories = loaded.status === 'ready' ? loaded.value : null;
  const [text, setText] = useState('');
  // A problem belongs to the month it happened in: another month starts without one.
  const [written, setWritten] = useState<{ month: string; problem: string } | null>(null);
  const setProblem = (problem: string | null) => setWritten(problem == null ? null : { month, problem });
  const problem = (written?.month === month ? written.problem : null) ?? (loaded.status === 'error' ? loaded.message : null);
  const { findings } = useFindings(text);

  async function run(work: () => Promise<unknown>, said: string, changesReport: boolean): Promise<boolean> {
    setProblem(null);
    try {
      await work();
      announce(said);
      reload();
      if (changesReport) onChanged();
      return true;
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
      return false;
    }
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await run(() => call('stories.create', { month, text: text.trim() }), 'Story saved. Confirm it to put it in the report.', false)) setText('');
  }

  const full = (stories?.length ?? 0) >= STORIES_PER_MONTH_MAX;
  const flagged = findings.length > 0;

  return (
    <section className="panel success-stories" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Success stories for {monthLabel(month)}</h2>
      <p className="hint">
        Optional. A few sentences on a problem that was resolved, without names, initials, dates of birth, diagnoses or anyone&apos;s exact words. A story is in the report only
        after you confirm it.
      </p>
      {stories != null && stories.length > 0 && (
        <ul className="story-list" aria-label={`Stories for ${monthLabel(month)}`}>
          {stories.map((story) => (
            <li key={story.id} className="story-row">
              <p className="story-text">{story.text}</p>
              <p className="story-actions">
                <span className="hint">{story.confirmedAt === null ? 'Not in the report yet.' : 'In the report.'}</span>
                {story.confirmedAt === null ? (
                  <button type="button" className="small" onClick={() => void run(() => call('stories.confirm', { id: story.id }), 'Story confirmed: it is in the report.', true)}>
                    Confirm for the report
                  </button>
                ) : (
                  <button type="button" className="small quiet" onClick={() => void run(() => call('stories.unconfirm', { id: story.id }), 'Story taken out of the report.', true)}>
                    Take out of the report
                  </button>
                )}
                <button type="button" className="small quiet" onClick={() => void run(() => call('stories.delete', { id: story.id }), 'Story deleted.', story.confirmedAt !== null)}>
                  Delete
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <form onSubmit={save} noValidate>
          <div className="field">
            <label htmlFor={`${id}-text`}>New story</label>
            <textarea
              id={`${id}-text`}
              rows={3}
              maxLength={STORY_MAX_LENGTH}
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-describedby={flagged ? `${id}-flag` : undefined}
            />
            {flagged && (
              <p className="field-error" id={`${id}-flag`}>
                {findings[0]?.message} The story cannot be saved while it has this.
              </p>
            )}
          </div>
          <button type="submit" disabled={text.trim() === '' || flagged}>
            Save story
          </button>
        </form>
      )}
      <ProblemLine message={problem} />
    </section>
  );
}
