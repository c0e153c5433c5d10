// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SentHandover } from '../../shared/api/handoverSchemas';
import { CallError } from '../../src-renderer/api';
import { wordCheck } from '../../shared/domain/wordCheck';
import { addDays, formatNumericDate, todayIso } from '../../src-renderer/lib/dates';
import { OwnerHandovers } from '../../src-renderer/screens/handover/OwnerHandovers';
import { fieldProblems, sentStatus, suggestedPackageName } from '../../src-renderer/screens/handover/owner/ownerWords';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { Failure, makeStudent, type FakeChooseFile, type FakeHandlers } from './fakeBridge';
import { emptyOwnerHandover, type FakeOwnerHandover } from './fakeOwnerHandover';
import { installFake } from './setup';
import { useUiStore } from '../../src-renderer/state/uiStore';

const FINGERPRINT = '3F2A 9C01 77B4 E0D2 5A6C 1B8F 0E93 D4A7 6C21 98FE 4B0D A35E 7F12 C8B9 2D64 E5A0';
const KEY_FILE = '/home/worker/Downloads/dana.solekey';
const HANDBACK_FILE = '/home/worker/Downloads/dana-march.solehandback';
const students = [makeStudent('LE-1042'), makeStudent('LE-2207'), makeStudent('RM-3310', { closedOn: '2026-01-10', outcome: 'goals_met' })];

function sentHandover(fields: Partial<SentHandover> = {}): SentHandover {
  const today = todayIso();
  return {
    packageId: '00000000-0000-4000-9000-00000000aaaa',
    substitute: 'Dana Whitfield',
    recipient: { kind: 'key', fingerprint: FINGERPRINT, label: 'Dana Whitfield' },
    validFrom: addDays(today, -3),
    validUntil: addDays(today, 10),
    scope: { students: 2, notes: 14, services: 9 },
    createdAt: new Date().toISOString(),
    status: 'open',
    revokedAt: null,
    closedAt: null,
    ...fields,
  };
}

async function setUp(options: { owner?: Partial<FakeOwnerHandover>; chooseFile?: FakeChooseFile; handlers?: FakeHandlers } = {}) {
  const fake = installFake({
    state: { students: students.map((student) => ({ ...student })), owner: { ...emptyOwnerHandover(), ...options.owner } },
    chooseFile: options.chooseFile,
    handlers: options.handlers,
  });
  await useStudentsStore.getState().load();
  const user = userEvent.setup();
  render(<OwnerHandovers />);
  await screen.findByText(/You have not made a handover file yet|Handovers you made/);
  return { fake, user };
}

async function openCreateForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Make a handover file…' }));
  return screen.getByRole('dialog', { name: 'Make a handover file' });
}

async function next(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) {
  await user.click(within(dialog).getByRole('button', { name: 'Next' }));
}

/** Step 1 filled in: who covers and until when. */
async function fillWho(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, substitute: string, lastDay: string) {
  await user.type(within(dialog).getByRole('textbox', { name: 'Substitute’s name' }), substitute);
  await user.type(within(dialog).getByRole('textbox', { name: 'Last day' }), formatNumericDate(lastDay));
}

function currentStep(dialog: HTMLElement): string {
  return within(dialog).getByRole('list', { name: 'Steps' }).querySelector('[aria-current="step"]')?.textContent ?? '';
}

describe('making a handover file, in three steps', () => {
  it('names each problem next to its field, step by step, and asks nothing of the main side until the form will do', async () => {
    const { fake, user } = await setUp();
    const dialog = await openCreateForm(user);
    expect(currentStep(dialog)).toBe('1 Who and for how long');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeTruthy();

    await next(user, dialog);
    const name = within(dialog).getByRole('textbox', { name: 'Substitute’s name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText("Enter the substitute's name.")).toBeTruthy();
    expect(within(dialog).getByText('Enter the last day the substitute covers, for example 3/27.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(currentStep(dialog)).toBe('1 Who and for how long');

    // A name the app reserves; a last day before the first.
    await user.type(name, 'Owner');
    expect(within(dialog).getByText('The substitute cannot be named "owner".')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'Last day' }), formatNumericDate(addDays(todayIso(), -1)));
    expect(within(dialog).getByText('That day has already passed. Choose a last day from today on.')).toBeTruthy();
    await user.clear(within(dialog).getByRole('textbox', { name: 'First day' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'First day' }), formatNumericDate(addDays(todayIso(), 20)));
    await user.clear(within(dialog).getByRole('textbox', { name: 'Last day' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Last day' }), formatNumericDate(addDays(todayIso(), 10)));
    expect(within(dialog).getByText('The last day is before the first day.')).toBeTruthy();
    // Longer than a school year: 367 days, both ends included.
    await user.clear(within(dialog).getByRole('textbox', { name: 'Last day' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Last day' }), formatNumericDate(addDays(todayIso(), 20 + 366)));
    const tooLong = within(dialog).getByText(/^A handover can last at most a school year \(366 days\)/);
    expect(tooLong.textContent).toContain('367 days');
    expect(within(dialog).getByRole('textbox', { name: 'Last day' }).getAttribute('aria-describedby')).toContain(tooLong.id);
    await next(user, dialog);
    expect(currentStep(dialog)).toBe('1 Who and for how long');

    await user.clear(name);
    await user.type(name, 'Dana Whitfield');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Last day' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Last day' }), formatNumericDate(addDays(todayIso(), 30)));
    await next(user, dialog);

    // Step 2: chosen students, but none chosen.
    expect(currentStep(dialog)).toBe('2 Which students');
    expect(within(dialog).getByRole('radio', { name: /Your whole open caseload \(2 students\)/ })).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: 'Only the students I choose' }));
    await next(user, dialog);
    expect(within(dialog).getByText('Choose at least one student, or hand over your whole caseload.')).toBeTruthy();
    expect(currentStep(dialog)).toBe('2 Which students');
    await user.click(within(dialog).getByRole('radio', { name: /Your whole open caseload/ }));
    await next(user, dialog);

    // Step 3: no handover key opened yet.
    expect(currentStep(dialog)).toBe('3 Save the file');
    await user.click(within(dialog).getByRole('button', { name: 'Save the handover file…' }));
    expect(within(dialog).getByText('Open the file the substitute sent you.')).toBeTruthy();

    expect(fake.callsTo('system.chooseFile')).toEqual([]);
    expect(fake.callsTo('handover.create')).toEqual([]);
  });

  it('goes on with Enter and back with Escape or Back, keeping what was typed; Escape on the first step closes', async () => {
    const { user } = await setUp();
    const dialog = await openCreateForm(user);
    await fillWho(user, dialog, 'Dana Whitfield', addDays(todayIso(), 12));
    await user.keyboard('{Enter}');
    expect(currentStep(dialog)).toBe('2 Which students');
    // The step's first control has the focus.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: /Your whole open caseload/ })));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Include the names you use for these students' }));
    await user.keyboard('{Enter}');
    expect(currentStep(dialog)).toBe('3 Save the file');

    await user.keyboard('{Escape}');
    expect(currentStep(dialog)).toBe('2 Which students');
    expect((within(dialog).getByRole('checkbox', { name: 'Include the names you use for these students' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(currentStep(dialog)).toBe('1 Who and for how long');
    expect((within(dialog).getByRole('textbox', { name: 'Substitute’s name' }) as HTMLInputElement).value).toBe('Dana Whitfield');
    expect((within(dialog).getByRole('textbox', { name: 'Last day' }) as HTMLInputElement).value).toBe(formatNumericDate(addDays(todayIso(), 12)));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the handover key’s words with advice to read them together, asks that they match, then saves where the worker says', async () => {
    const { fake, user } = await setUp({
      owner: { keyFiles: { [KEY_FILE]: { path: KEY_FILE, fingerprint: FINGERPRINT, label: 'Dana Whitfield', createdAt: '2026-02-27T10:00:00.000Z' } } },
      chooseFile: (purpose, suggestedName) => (purpose === 'open-handover-key' ? KEY_FILE : `/home/worker/Documents/${suggestedName ?? 'x'}`),
    });
    const dialog = await openCreateForm(user);
    const until = addDays(todayIso(), 12);
    await fillWho(user, dialog, 'Dana Whitfield', until);
    await user.type(within(dialog).getByRole('textbox', { name: 'Your name (optional)' }), 'Jordan Reyes');
    await next(user, dialog);

    await user.click(within(dialog).getByRole('radio', { name: 'Only the students I choose' }));
    const picker = within(dialog).getByRole('combobox', { name: 'Students to hand over' });
    await user.type(picker, 'LE-10{Enter}');
    await user.type(picker, 'LE-22{Enter}');
    // Enter in the student field picks a student; it does not go on.
    expect(currentStep(dialog)).toBe('2 Which students');
    const names = within(dialog).getByRole('checkbox', { name: 'Include the names you use for these students' });
    expect((names as HTMLInputElement).checked).toBe(false);
    expect(names.getAttribute('aria-describedby')).not.toBeNull();
    await user.click(names);
    await next(user, dialog);

    await user.click(within(dialog).getByRole('button', { name: 'Open the file they sent…' }));
    const words = await within(dialog).findByLabelText(`Their words: ${wordCheck(FINGERPRINT).join(' ')}`);
    expect(words.querySelectorAll('li')).toHaveLength(10);
    const digits = within(dialog).getByLabelText(`Their key in digits: ${FINGERPRINT}`);
    expect(digits.querySelectorAll('.fingerprint-group')).toHaveLength(16);
    expect(digits.closest('details')).not.toBeNull();
    expect(within(dialog).getByText(/Call Dana Whitfield or meet in person\. They read out the words/)).toBeTruthy();
    expect(fake.callsTo('handover.readKeyFile')).toEqual([{ file: KEY_FILE }]);
    // The focus stays in the dialog (the button was disabled while the file was read), so Escape still goes back.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Open another file…' })));

    await user.click(within(dialog).getByRole('button', { name: 'Save the handover file…' }));
    expect(within(dialog).getByText('Read the ten words with the substitute, then tick this box.')).toBeTruthy();
    expect(fake.callsTo('handover.create')).toEqual([]);
    await user.click(within(dialog).getByRole('checkbox', { name: 'We read all ten words together, and every word matches' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save the handover file…' }));

    const done = await screen.findByRole('dialog', { name: 'Handover file saved for Dana Whitfield' });
    const today = todayIso();
    const suggested = `handover-dana-whitfield-${today}.solehandover`;
    expect(fake.callsTo('system.chooseFile')).toEqual([{ purpose: 'open-handover-key' }, { purpose: 'save-handover-package', suggestedName: suggested }]);
    expect(fake.callsTo('handover.create')).toEqual([
      {
        students: [students[0]?.id, students[1]?.id],
        substitute: 'Dana Whitfield',
        ownerName: 'Jordan Reyes',
        validFrom: today,
        validUntil: until,
        recipient: { kind: 'key', keyFile: KEY_FILE },
        includeNames: true,
        file: `/home/worker/Documents/${suggested}`,
        // The save dialog asked before naming an existing file, so the choice is the worker's.
        replace: true,
      },
    ]);
    // The file's name in plain words; its full path (and its type's ending) behind Details.
    expect(within(done).getByText(`handover-dana-whitfield-${today}`).closest('p')?.textContent).toBe(`Saved as “handover-dana-whitfield-${today}” in the folder you chose.`);
    expect(within(done).getByText(`/home/worker/Documents/${suggested}`).closest('details')).not.toBeNull();
    // "Show in folder" finds the file to send, with no path to read.
    await user.click(within(done).getByRole('button', { name: 'Show in folder' }));
    expect(fake.callsTo('system.showInFolder')).toEqual([{ path: `/home/worker/Documents/${suggested}` }]);
    expect(within(done).getByText(/^2 students, 0 notes and 0 services$/)).toBeTruthy();
    expect(within(done).getByLabelText(`Their words: ${wordCheck(FINGERPRINT).join(' ')}`)).toBeTruthy();
    expect(within(done).queryByTestId('handover-code')).toBeNull();
    await user.click(within(done).getByRole('button', { name: 'Done' }));

    const list = await screen.findByRole('list', { name: 'Handovers you made' });
    expect(within(list).getByText('Dana Whitfield')).toBeTruthy();
    expect(within(list).getByText('With the substitute')).toBeTruthy();
  });

  it('takes the worker back to the step whose field the main side refused', async () => {
    const { user } = await setUp({
      handlers: {
        'handover.create': () => {
          throw new Failure('INVALID_INPUT', 'validUntil: the end date has already passed.');
        },
      },
    });
    const dialog = await openCreateForm(user);
    await fillWho(user, dialog, 'Sam Ortiz', addDays(todayIso(), 5));
    await next(user, dialog);
    await next(user, dialog);
    await user.click(within(dialog).getByRole('radio', { name: /With a one-time code/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save the handover file…' }));
    expect(await within(dialog).findByText('The end date has already passed.')).toBeTruthy();
    expect(currentStep(dialog)).toBe('1 Who and for how long');
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Last day' })));
  });

  it('says so when the file cannot be read, next to the choice, and writes nothing when the save dialog is cancelled', async () => {
    const { fake, user } = await setUp({ chooseFile: (purpose) => (purpose === 'open-handover-key' ? '/home/worker/notes.txt' : null) });
    const dialog = await openCreateForm(user);
    await fillWho(user, dialog, 'Sam Ortiz', addDays(todayIso(), 5));
    await next(user, dialog);
    await next(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Open the file they sent…' }));
    expect(await within(dialog).findByText(/This is not a Sole Notes handover key file/)).toBeTruthy();

    await user.click(within(dialog).getByRole('radio', { name: /With a one-time code/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save the handover file…' }));
    expect(await within(dialog).findByText('No file chosen, so nothing was saved.')).toBeTruthy();
    expect(fake.callsTo('handover.create')).toEqual([]);
    expect(fake.state.owner.sent).toEqual([]);
  });
});

describe('the one-time code', () => {
  it('is shown once, large and grouped, with the advice; the window stays until the worker says it was given, then the code is gone', async () => {
    const { fake, user } = await setUp();
    const dialog = await openCreateForm(user);
    await fillWho(user, dialog, 'Sam Ortiz', addDays(todayIso(), 5));
    await next(user, dialog);
    await next(user, dialog);
    await user.click(within(dialog).getByRole('radio', { name: /With a one-time code/ }));
    expect(within(dialog).getByText(/Give it separately from the file: in person or by phone, never in the same email/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save the handover file…' }));

    const done = await screen.findByRole('dialog', { name: 'Handover file saved for Sam Ortiz' });
    const code = fake.state.owner.nextCode;
    const shown = within(done).getByTestId('handover-code');
    expect(shown.textContent).toBe(code);
    expect([...shown.querySelectorAll('.key-group')].map((group) => group.firstChild?.textContent)).toEqual(code.split('-'));
    expect(within(done).getByText(/Never send it in the same email as the file/)).toBeTruthy();
    expect(fake.callsTo('handover.create')[0]?.recipient).toEqual({ kind: 'code' });

    // Escape does not close it, and Done waits for the worker's word.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Handover file saved for Sam Ortiz' })).toBeTruthy();
    const doneButton = within(done).getByRole('button', { name: 'Done' }) as HTMLButtonElement;
    expect(doneButton.disabled).toBe(true);

    await user.click(within(done).getByRole('checkbox', { name: 'I have given the code to Sam Ortiz, or written it down' }));
    expect(within(done).queryByTestId('handover-code')).toBeNull();
    expect(document.body.textContent).not.toContain(code.split('-')[1]);
    expect(within(done).getByText('The code is no longer shown. Sole Notes does not keep it.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(doneButton));
    await user.click(doneButton);
    expect(screen.queryByRole('dialog')).toBeNull();
    const list = await screen.findByRole('list', { name: 'Handovers you made' });
    expect(within(list).getByText('Opens with a one-time code')).toBeTruthy();
    expect(document.body.textContent).not.toContain(code.split('-')[1]);
  });
});

describe('packages made', () => {
  it('words where each package stands', () => {
    const today = todayIso();
    expect(sentStatus(sentHandover(), today).label).toBe('With the substitute');
    expect(sentStatus(sentHandover({ validFrom: addDays(today, 2) }), today).label).toBe('Starts later');
    expect(sentStatus(sentHandover({ validUntil: addDays(today, -1) }), today)).toMatchObject({ label: 'Ended, not handed back yet', tone: 'ended' });
    expect(sentStatus(sentHandover({ status: 'closed' }), today).label).toBe('Taken back');
    expect(sentStatus(sentHandover({ status: 'revoked' }), today).label).toBe('Revoked');
    expect(suggestedPackageName('  Dána O’Brien ', '2026-03-02')).toBe('handover-dana-o-brien-2026-03-02.solehandover');
  });

  it('puts a refusal’s message next to the field it names', () => {
    const error = new CallError('INVALID_INPUT', 'plain', 'validUntil: the end date has already passed.; recipient.keyFile: that is this vault\'s own handover key; file: the folder /x does not exist.', {
      issues: [
        { field: 'validUntil', message: 'the end date has already passed.' },
        { field: 'recipient.keyFile', message: "that is this vault's own handover key" },
        { field: 'file', message: 'the folder /x does not exist.' },
      ],
    });
    const { byField, rest } = fieldProblems(error, ['validUntil', 'recipient'] as const);
    expect(byField).toEqual({ validUntil: 'The end date has already passed.', recipient: "That is this vault's own handover key." });
    expect(rest).toBe('The folder /x does not exist.');
  });
});

describe('revoking', () => {
  it('asks first, says plainly what it cannot do, records an optional reason and shows the notice', async () => {
    const { fake, user } = await setUp({ owner: { sent: [sentHandover()] } });
    const list = await screen.findByRole('list', { name: 'Handovers you made' });
    expect(within(list).getByText('With the substitute')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Revoke the handover to Dana Whitfield…' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Revoke the handover to Dana Whitfield?' });
    expect(dialog.textContent).toContain('It cannot reach the handover file you already gave.');
    expect(dialog.textContent).toContain('nothing can destroy it from here');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it open' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'Back early from leave');
    useUiStore.setState({ status: null });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke handover' }));

    const done = await screen.findByRole('dialog', { name: 'Handover to Dana Whitfield revoked' });
    expect(done.textContent).toContain('The handover file already given to Dana Whitfield is on their computer, and nothing can destroy it from here.');
    expect(fake.callsTo('handover.revoke')).toEqual([{ packageId: sentHandover().packageId, reason: 'Back early from leave' }]);
    // The dialog says it: no notice repeating it.
    expect(useUiStore.getState().status).toBeNull();
    await user.click(within(done).getByRole('button', { name: 'Close' }));
    expect(await within(list).findByText('Revoked')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /Revoke/ })).toBeNull();
  });

  it('keeps the handover open when the worker thinks again', async () => {
    const { fake, user } = await setUp({ owner: { sent: [sentHandover()] } });
    await user.click(await screen.findByRole('button', { name: 'Revoke the handover to Dana Whitfield…' }));
    await user.click(screen.getByRole('button', { name: 'Keep it open' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('handover.revoke')).toEqual([]);
  });
});

describe('importing a hand-back', () => {
  const handback = {
    handbackId: '00000000-0000-4000-9000-00000000bbbb',
    packageId: sentHandover().packageId,
    substitute: 'Dana Whitfield',
    substituteFingerprint: FINGERPRINT,
    newNotes: 3,
    changedNotes: 2,
    changedByBoth: 1,
    newServices: 4,
    accessLogEntries: 27,
    accessLogIntact: true,
  };

  it('sums up what was merged, closes the handover, and says a second import changed nothing', async () => {
    const { fake, user } = await setUp({ owner: { sent: [sentHandover()], handbacks: { [HANDBACK_FILE]: handback } }, chooseFile: () => HANDBACK_FILE });
    await user.click(screen.getByRole('button', { name: 'Import a hand-back…' }));
    const summary = await screen.findByRole('dialog', { name: 'Hand-back from Dana Whitfield imported' });
    const merged = within(summary).getByRole('list', { name: 'What the hand-back brought in' });
    const lines = within(merged)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      '3 new notes, written by Dana Whitfield.',
      '2 notes changed by Dana Whitfield. Each change is a new version under their name; your own text stays in the note’s history.',
      '1 note changed by both of you while the handover was out. Your later text and theirs are both kept; the note now shows theirs. Open its history to compare.',
      '4 new services logged by Dana Whitfield.',
      '27 entries from the handover’s access log (every opening and every note viewed) added to your audit log.',
    ]);
    expect(summary.textContent).toContain('the handover is closed');
    expect(fake.callsTo('handover.importHandBack')).toEqual([{ file: HANDBACK_FILE }]);
    await user.click(within(summary).getByRole('button', { name: 'Done' }));
    expect(await screen.findByText('Taken back')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Import a hand-back…' }));
    const again = await screen.findByRole('dialog', { name: 'Already imported: nothing changed' });
    expect(again.textContent).toContain('Nothing was added or changed this time.');
  });

  it('imports nothing when the dialog is cancelled, and says plainly why a file is refused', async () => {
    let answer: string | null = null;
    const { fake, user } = await setUp({ owner: { sent: [sentHandover()] }, chooseFile: () => answer });
    await user.click(screen.getByRole('button', { name: 'Import a hand-back…' }));
    expect(await screen.findByText('No file chosen, so nothing was imported.')).toBeTruthy();
    expect(fake.callsTo('handover.importHandBack')).toEqual([]);

    answer = '/home/worker/Downloads/changed.solehandback';
    await user.click(screen.getByRole('button', { name: 'Import a hand-back…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed or damaged/);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('warns when the access log does not link up', async () => {
    const { user } = await setUp({ owner: { sent: [sentHandover()], handbacks: { [HANDBACK_FILE]: { ...handback, accessLogIntact: false } } }, chooseFile: () => HANDBACK_FILE });
    await user.click(screen.getByRole('button', { name: 'Import a hand-back…' }));
    const summary = await screen.findByRole('dialog', { name: 'Hand-back from Dana Whitfield imported' });
    expect(summary.textContent).toContain('do not link up as they should');
  });
});
