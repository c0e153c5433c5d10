// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProfessionalGrowth } from '../../src-renderer/screens/growth/ProfessionalGrowth';
import { schoolYearOf } from '../../shared/domain/schoolYear';
import { todayIso } from '../../src-renderer/lib/dates';
import { emptyGrowth, growthHandlers } from './fakeGrowth';
import { Failure, type FakeHandlers } from './fakeBridge';
import { installFake } from './setup';

// The Professional growth screen over a fake main side: tabs by keyboard, the
// rubric saved at once with last year beside it, evidence checked like a note,
// a student named refused, the printable copy, CEUs with and without the
// requirement, goals, and supervision with its calm weekly count.

function setUp(extra: { handlers?: FakeHandlers } = {}) {
  const growth = emptyGrowth();
  const fake = installFake({ handlers: { ...growthHandlers(growth), ...extra.handlers } });
  return { growth, fake };
}

const thisYear = schoolYearOf(todayIso());
const lastYear = `${Number(thisYear.slice(0, 4)) - 1}-${thisYear.slice(2, 4)}`;

describe('Professional growth', () => {
  it('moves between its three tabs with the arrow keys', async () => {
    setUp();
    const user = userEvent.setup();
    render(<ProfessionalGrowth tab="self-evaluation" />);
    const tabs = screen.getByRole('tablist', { name: 'Professional growth' });
    expect(within(tabs).getByRole('tab', { name: 'Self-evaluation' }).getAttribute('aria-selected')).toBe('true');
    within(tabs).getByRole('tab', { name: 'Self-evaluation' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(within(tabs).getByRole('tab', { name: 'Plan & CEUs' }));
    expect(within(tabs).getByRole('tab', { name: 'Plan & CEUs' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('form', { name: 'Log supervision' })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(within(tabs).getByRole('tab', { name: 'Self-evaluation' }));
  });

  it('saves a rating as soon as it is chosen, with last year’s beside it, and counts rated indicators per area', async () => {
    const { growth, fake } = setUp();
    growth.ratings.set(`${lastYear}/1.2`, { rating: 'met', evidence: '' });
    const user = userEvent.setup();
    render(<ProfessionalGrowth tab="self-evaluation" />);
    const group = await screen.findByRole('group', { name: /^1\.2 Works well with colleagues/ });
        expect(group.textContent).toContain('Last year: Has met');
    await user.click(within(group).getByRole('radio', { name: 'Exceeds expectations' }));
    await waitFor(() => expect(fake.callsTo('selfEvaluation.rate')).toEqual([{ schoolYear: thisYear, indicatorId: '1.2', rating: 'exceeds', evidence: '' }]));
    const areas = screen.getByRole('navigation', { name: 'Competency areas' });
    await waitFor(() => expect(within(areas).getByRole('button', { name: /^1\. Professional and ethical responsibilities/ }).textContent).toContain('1 of 6 rated'));
    await user.click(within(areas).getByRole('button', { name: /^5\. Consultant/ }));
    expect(screen.getByRole('heading', { level: 2, name: '5. Consultant' })).toBeTruthy();
    const fromLog = screen.getByRole('complementary', { name: 'From your log this school year' });
    expect(fromLog.textContent).toContain('Staff consultations: 42 (21 h)');
    expect(fromLog.textContent).toContain('Team meetings: 12 (9 h): 8 IEP, 4 SST / MTSS');
  });

  it('checks an evidence note like a note, and shows the refusal when it names a student', async () => {
    const { fake } = setUp();
    const user = userEvent.setup();
    render(<ProfessionalGrowth tab="self-evaluation" />);
    const evidence = await screen.findByRole('textbox', { name: 'Evidence for 1.1' });
    await user.type(evidence, 'Presented on students with ADHD and called 555-201-3344');
    const flags = await screen.findByRole('region', { name: /^Flags \(\d+\)$/ });
    expect(flags.textContent).toContain('Flags in this note');
    await user.clear(evidence);
    await user.type(evidence, 'Met NH-2214 teachers');
    await user.click(screen.getByRole('button', { name: 'Save evidence' }));
    expect((await screen.findByRole('alert')).textContent).toContain('names a student on your caseload');
    await user.clear(evidence);
    await user.type(evidence, 'Took a course on motivational interviewing');
    await user.click(screen.getByRole('button', { name: 'Save evidence' }));
    await waitFor(() => expect(fake.callsTo('selfEvaluation.rate').at(-1)).toEqual({ schoolYear: thisYear, indicatorId: '1.1', rating: null, evidence: 'Took a course on motivational interviewing' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save evidence' })).toBeNull());
  });

  it('saves the printable copy where the worker chooses', async () => {
    const { fake } = setUp();
    const user = userEvent.setup();
    render(<ProfessionalGrowth tab="self-evaluation" />);
    await screen.findByRole('navigation', { name: 'Competency areas' });
    await user.click(screen.getByRole('button', { name: 'Save a printable copy…' }));
    await waitFor(() => expect(fake.callsTo('selfEvaluation.export')).toEqual([{ schoolYear: thisYear, file: `/home/worker/Documents/self-evaluation-${thisYear}.html`, replace: true }]));
    expect(fake.callsTo('system.chooseFile')).toEqual([{ purpose: 'save-self-evaluation', suggestedName: `self-evaluation-${thisYear}.html` }]);
    // The copy's name and two buttons, the full path only under Details.
    const saved = `/home/worker/Documents/self-evaluation-${thisYear}.html`;
    expect((await screen.findByRole('status')).textContent).toBe(`Printable copy saved as “self-evaluation-${thisYear}.html”.`);
    await user.click(screen.getByRole('button', { name: 'Open to print' }));
    await user.click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(fake.callsTo('system.openFile')).toEqual([{ path: saved }]);
    expect(fake.callsTo('system.showInFolder')).toEqual([{ path: saved }]);
    expect(screen.getByText(saved).closest('details')).not.toBeNull();
  });

  it('says so in plain words when the saved copy was moved away before it was opened', async () => {
    const moved = () => {
      throw new Failure('NOT_FOUND', 'The file is no longer where Sole Notes saved it: it may have been moved, renamed or deleted.');
    };
    const { fake } = setUp({ handlers: { 'system.openFile': moved } });
    const user = userEvent.setup();
    render(<ProfessionalGrowth tab="self-evaluation" />);
    await screen.findByRole('navigation', { name: 'Competency areas' });
    await user.click(screen.getByRole('button', { name: 'Save a printable copy…' }));
    await user.click(await screen.findByRole('button', { name: 'Open to print' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The file is no longer where Sole Notes saved it: it may have been moved, renamed or deleted.');
    expect(fake.callsTo('system.openFile')).toHaveLength(1);
  });

  it('shows CEU progress per cycle year, and hours only when the requirement is turned off', async () => {
    const { growth, fake } = setUp();
    const user = userEvent.setup();
    render(<ProfessionalGrowth tab="plan" />);
    expect(await screen.findByText(/of 90 contact hours/)).toBeTruthy();
    expect(screen.getByText(/53 hours left: about 17\.7 a year over the 3 years left/)).toBeTruthy();
    const years = screen.getByRole('table');
    expect(within(years).getAllByRole('row').length).toBe(6);
    expect(within(years).getByRole('row', { current: true }).textContent).toContain('3 (now)');
    growth.ceu = { ...growth.ceu, requirementApplies: false, requiredHours: null, remainingHours: null, yearsLeft: null, hoursPerYearLeft: null };
    await user.click(screen.getByRole('checkbox', { name: /certificate requirement applies to me/ }));
    expect(fake.callsTo('settings.update')).toEqual([{ ceuRequirementApplies: false }]);
    expect(await screen.findByText(/contact hours this cycle/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/hours left/)).toBeNull();
  });

  it('adds a goal tied to an indicator, offering those rated “has not met” first, and marks it done', async () => {
    const { growth } = setUp();
    growth.ratings.set(`${thisYear}/3.2`, { rating: 'not_met', evidence: '' });
    const user = userEvent.setup();
    render(<ProfessionalGrowth tab="plan" />);
    const form = await screen.findByRole('form', { name: 'Add a goal' });
    await user.click(within(form).getByRole('button', { name: 'Add goal' }));
    expect(within(form).getByRole('alert').textContent).toContain('Choose the indicator');
    await waitFor(() => expect(within(form).getByRole('group', { name: 'Rated “has not met” this year' })).toBeTruthy());
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Indicator' }), within(within(form).getByRole('group', { name: 'Rated “has not met” this year' })).getByRole('option'));
    await user.type(within(form).getByRole('textbox', { name: 'Goal' }), 'Training in a screening tool');
    await user.click(within(form).getByRole('button', { name: 'Add goal' }));
    const goals = await screen.findByRole('list', { name: 'Goals' });
    expect(goals.textContent).toContain('Training in a screening tool');
    expect(goals.textContent).toContain('3.2 Gives, scores and reads formal and informal assessments');
    await user.click(within(goals).getByRole('checkbox'));
    await waitFor(() => expect(growth.goals[0]?.doneOn).not.toBeNull());
  });

  it('logs supervision and shows the weekly count in calm words', async () => {
    const { fake } = setUp();
    const user = userEvent.setup();
    render(<ProfessionalGrowth tab="supervision" />);
    expect(await screen.findByText('Supervision 6 of the last 8 weeks')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Log supervision' });
    await user.clear(within(form).getByRole('textbox', { name: 'Date' }));
    await user.type(within(form).getByRole('textbox', { name: 'Date' }), '10/5/2026');
    await user.clear(within(form).getByRole('textbox', { name: 'Minutes' }));
    await user.type(within(form).getByRole('textbox', { name: 'Minutes' }), '45');
    await user.click(within(form).getByRole('radio', { name: 'Profession-specific' }));
    await user.type(within(form).getByRole('textbox', { name: /credential/ }), 'LCSW');
    await user.click(within(form).getByRole('button', { name: 'Log supervision' }));
    await waitFor(() => expect(fake.callsTo('supervision.add')).toEqual([{ date: '2026-10-05', minutes: 45, kind: 'profession_specific', credential: 'LCSW' }]));
    const list = await screen.findByRole('list', { name: 'Supervision this school year' });
    expect(list.textContent).toContain('LCSW');
    await user.clear(within(form).getByRole('textbox', { name: 'Minutes' }));
    await user.type(within(form).getByRole('textbox', { name: 'Minutes' }), '0');
    await user.click(within(form).getByRole('button', { name: 'Log supervision' }));
    expect(within(form).getByRole('alert').textContent).toContain('1 to 600');
  });
});
