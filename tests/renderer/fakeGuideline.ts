import type { AdministrativeDuty, SuccessStory } from '../../shared/api/guidelineSchemas';
import { checkNote } from '../../shared/redaction/index';
import { Failure, fakeId, type FakeHandlers } from './fakeBridge';

/*
 * The fake main side of standing duties and success stories: the same
 * answers as src-main/vault/repos/adminDuties.ts and successStories.ts, in
 * memory (the refusal of flagged text included; the check of students'
 * codes and names is the vault's and is tested there).
 */
export function guidelineListHandlers({ clock, requireUnlocked }: { clock: () => Date; requireUnlocked: () => void }): FakeHandlers {
  let duties: AdministrativeDuty[] = [];
  let stories: SuccessStory[] = [];
  const thisMonth = () => clock().toISOString().slice(0, 7);
  const refuseFlagged = (what: string, text: string) => {
    const finding = checkNote(text)[0];
    if (finding !== undefined) throw new Failure('INVALID_INPUT', `${what} cannot go into a report as written: "${text.slice(finding.start, finding.end)}". ${finding.message} Nothing was saved.`);
  };
  const story = (id: string) => {
    const found = stories.find((candidate) => candidate.id === id);
    if (!found) throw new Failure('NOT_FOUND', 'No story with that id.');
    return found;
  };
  const replaceStory = (next: SuccessStory) => {
    stories = stories.map((candidate) => (candidate.id === next.id ? next : candidate));
    return next;
  };
  return {
    'duties.list': () => {
      requireUnlocked();
      return duties;
    },
    'duties.create': ({ name, minutesPerMonth, fromMonth }) => {
      requireUnlocked();
      refuseFlagged('The duty name', name);
      const at = clock().toISOString();
      const duty = { id: fakeId(), name: name.trim(), minutesPerMonth, fromMonth: fromMonth ?? thisMonth(), untilMonth: null, createdAt: at, updatedAt: at };
      duties.push(duty);
      return duty;
    },
    'duties.update': ({ id, ...patch }) => {
      const current = duties.find((duty) => duty.id === id);
      if (!current) throw new Failure('NOT_FOUND', 'No duty with that id.');
      const next = { ...current, ...patch };
      duties = duties.map((duty) => (duty.id === id ? next : duty));
      return next;
    },
    'duties.end': ({ id, untilMonth }) => {
      const current = duties.find((duty) => duty.id === id);
      if (!current) throw new Failure('NOT_FOUND', 'No duty with that id.');
      const next = { ...current, untilMonth: untilMonth ?? thisMonth() };
      duties = duties.map((duty) => (duty.id === id ? next : duty));
      return next;
    },
    'duties.delete': ({ id }) => {
      duties = duties.filter((duty) => duty.id !== id);
      return { done: true };
    },
    'stories.list': ({ month }) => {
      requireUnlocked();
      return stories.filter((candidate) => candidate.month === month);
    },
    'stories.create': ({ month, text }) => {
      requireUnlocked();
      refuseFlagged('The story', text);
      const at = clock().toISOString();
      const created = { id: fakeId(), month, text: text.trim(), confirmedAt: null, createdAt: at, updatedAt: at };
      stories.push(created);
      return created;
    },
    'stories.update': ({ id, text }) => {
      refuseFlagged('The story', text);
      return replaceStory({ ...story(id), text, confirmedAt: null });
    },
    'stories.confirm': ({ id }) => replaceStory({ ...story(id), confirmedAt: clock().toISOString() }),
    'stories.unconfirm': ({ id }) => replaceStory({ ...story(id), confirmedAt: null }),
    'stories.delete': ({ id }) => {
      story(id);
      stories = stories.filter((candidate) => candidate.id !== id);
      return { done: true };
    },
  };
}
