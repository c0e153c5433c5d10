// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { wordCheck } from '../../shared/domain/wordCheck';
import type { FilePurpose } from '../../shared/api/systemSchemas';
import { AppShell } from '../../src-renderer/screens/AppShell';
import { PackageVault } from '../../src-renderer/screens/handover/PackageVault';
import { ReceivedHandovers } from '../../src-renderer/screens/handover/ReceivedHandovers';
import { usePackageStore } from '../../src-renderer/state/packageStore';
import { addDays, formatLongDate, todayIso } from '../../src-renderer/lib/dates';
import { errorMessage } from '../../src-renderer/messages';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { useVaultStore } from '../../src-renderer/state/vaultStore';
import { makeStudent } from './fakeBridge';
import { createFakeHandover, OWNER_FINGERPRINT, OWNER_HANDOVER_FINGERPRINT, packageInfo, packageNote, SUBSTITUTE_FINGERPRINT, type FakePackageFile } from './fakeHandover';
import { installFake } from './setup';

/**
 * The substitute's side of a handover, on the screens: the worker's key,
 * opening a package (with its code, and every refusal), the package's
 * banner, a note inside it, the hand-back, a package past its dates, and
 * what a lock leaves behind. Dates count from today, as the screens do.
 */

const TODAY = todayIso();
const FROM = addDays(TODAY, -3);
const UNTIL = addDays(TODAY, 9);
const CODE = '7K3QX-M2V9D-HP4TA-0C8WZ-R6NJE';
const student = makeStudent('RM-2048', { grade: 7, school: 'Riverside Middle' });
const NOTE_TEXT = 'Missed two mornings. Ask the office about the bus route change.';

function keyPackage(fields: Partial<FakePackageFile['info']> = {}): FakePackageFile {
  return {
    info: packageInfo({ validFrom: FROM, validUntil: UNTIL, scope: { students: 1, notes: 1, services: 0 }, ...fields }),
    students: [{ ...student }],
    notes: [packageNote(student.id, NOTE_TEXT)],
  };
}

function setup(options: { files?: Record<string, FakePackageFile>; choose?: (purpose: FilePurpose, suggestedName: string | undefined) => string | null } = {}) {
  const handover = createFakeHandover({ today: TODAY, files: options.files });
  const fake = installFake({ handlers: handover.handlers, chooseFile: options.choose ?? (() => null) });
  useVaultStore.setState({ view: 'unlocked' });
  return { fake, handover, user: userEvent.setup() };
}

/** Opens the package at `file` on the fake main side, as an earlier visit would have. */
async function openedEarlier(fake: ReturnType<typeof setup>['fake'], file: string, code?: string): Promise<string> {
  const result = await fake.bridge.invoke('handover.open', { file, ...(code == null ? {} : { code }) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.packageId;
}

describe('your handover key', () => {
  it('shows the ten words to read aloud, the 16 groups behind Details, and saves the key file with the name given', async () => {
    const { fake, handover, user } = setup({ choose: (purpose, name) => (purpose === 'save-handover-key' ? `/home/dana/${name}.solekey` : null) });
    render(<ReceivedHandovers />);
    const words = await screen.findByLabelText(`Your words: ${wordCheck(SUBSTITUTE_FINGERPRINT).join(' ')}`);
    expect(words.querySelectorAll('li')).toHaveLength(10);
    const fingerprint = screen.getByLabelText(`Your key in digits: ${SUBSTITUTE_FINGERPRINT}`);
    expect(fingerprint.querySelectorAll('.fingerprint-group')).toHaveLength(16);
    expect(fingerprint.closest('details')).not.toBeNull();
    expect(screen.getByText(/holds no notes and no passphrase/)).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: /Your name on the file/ }), 'Dana Whitfield');
    await user.click(screen.getByRole('button', { name: 'Save your handover key…' }));
    expect(await screen.findByText('/home/dana/handover key of Dana Whitfield.solekey')).toBeTruthy();
    expect(fake.callsTo('system.chooseFile')).toEqual([{ purpose: 'save-handover-key', suggestedName: 'handover key of Dana Whitfield' }]);
    expect(handover.state.keyExports).toEqual([{ file: '/home/dana/handover key of Dana Whitfield.solekey', label: 'Dana Whitfield' }]);
    expect(fake.callsTo('handover.exportKey')).toEqual([{ file: '/home/dana/handover key of Dana Whitfield.solekey', label: 'Dana Whitfield', replace: true }]);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { fake, user } = setup({ choose: () => null });
    render(<ReceivedHandovers />);
    await screen.findByLabelText(/^Your words/);
    await user.click(screen.getByRole('button', { name: 'Save your handover key…' }));
    expect(await screen.findByText('No file chosen, so nothing was saved.')).toBeTruthy();
    expect(fake.callsTo('handover.exportKey')).toEqual([]);
  });
});

describe('opening a package', () => {
  it('shows what a code package holds, asks for the code, says when it is wrong, and opens it with the right one', async () => {
    const file = '/media/usb/jordan.solehandover';
    const codePackage: FakePackageFile = { ...keyPackage({ recipient: { kind: 'code' }, scope: { students: 2, notes: 14, services: 9 } }), code: CODE };
    const { fake, user } = setup({ files: { [file]: codePackage }, choose: (purpose) => (purpose === 'open-handover-package' ? file : null) });
    render(<ReceivedHandovers />);
    await user.click(await screen.findByRole('button', { name: 'Choose a handover file…' }));

    const inspection = await screen.findByRole('form', { name: 'The handover file you chose' });
    expect(fake.callsTo('handover.inspect')).toEqual([{ file }]);
    expect(within(inspection).getByRole('heading', { name: 'Jordan Reyes’s notes' })).toBeTruthy();
    const facts = inspection.querySelector('dl')?.textContent ?? '';
    expect(facts).toContain('FromJordan Reyes');
    expect(facts).toContain('Dana Whitfield, as their temporary substitute');
    expect(facts).toContain(`${formatLongDate(FROM)} to ${formatLongDate(UNTIL)}`);
    expect(facts).toContain('2 students, 14 notes and 9 services');
    expect(facts).toContain('The one-time handover code from Jordan Reyes');
    expect(within(inspection).getByLabelText(`Their words: ${wordCheck(OWNER_HANDOVER_FINGERPRINT).join(' ')}`)).toBeTruthy();
    expect(within(inspection).getByLabelText(`Their key in digits: ${OWNER_HANDOVER_FINGERPRINT}`).closest('details')).not.toBeNull();

    // Without a code: nothing is asked of the main side.
    await user.click(within(inspection).getByRole('button', { name: 'Open these notes' }));
    expect(await within(inspection).findByText('Enter the handover code your colleague gave you.')).toBeTruthy();
    expect(fake.callsTo('handover.open')).toEqual([]);

    const field = within(inspection).getByRole('textbox', { name: 'Handover code' });
    await user.type(field, '7K3QX-M2V9D-HP4TA-0C8WZ-R6NJA');
    await user.click(within(inspection).getByRole('button', { name: 'Open these notes' }));
    expect(await within(inspection).findByText(/^That code does not open this handover file\. Check the 5 groups of 5/)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(useUiStore.getState().route).toEqual({ name: 'today' });

    // A code of the wrong length gets the main side's plain account of its shape.
    await user.clear(field);
    await user.type(field, '7K3QX-M2V9D');
    await user.click(within(inspection).getByRole('button', { name: 'Open these notes' }));
    expect(await within(inspection).findByText(/has 25 letters and digits \(5 groups of 5\); this one has 10/)).toBeTruthy();

    await user.clear(field);
    await user.type(field, CODE.toLowerCase());
    await user.click(within(inspection).getByRole('button', { name: 'Open these notes' }));
    await waitFor(() => expect(useUiStore.getState().route).toMatchObject({ name: 'handover-package' }));
    expect(fake.callsTo('handover.open').at(-1)).toEqual({ file, code: CODE.toLowerCase() });
  });

  it('opens a package for this worker’s key without asking for anything', async () => {
    const file = '/media/usb/key.solehandover';
    const { fake, user } = setup({ files: { [file]: keyPackage() }, choose: () => file });
    render(<ReceivedHandovers />);
    await user.click(await screen.findByRole('button', { name: 'Choose a handover file…' }));
    const inspection = await screen.findByRole('form', { name: 'The handover file you chose' });
    expect(inspection.querySelector('dl')?.textContent).toContain('Your handover key (nothing to type)');
    expect(within(inspection).queryByRole('textbox', { name: 'Handover code' })).toBeNull();
    await user.click(within(inspection).getByRole('button', { name: 'Open these notes' }));
    await waitFor(() => expect(useUiStore.getState().route).toMatchObject({ name: 'handover-package' }));
    expect(fake.callsTo('handover.open')).toEqual([{ file }]);
  });

  const refusals: { name: string; file: FakePackageFile; message: RegExp }[] = [
    {
      name: 'a package for someone else',
      file: keyPackage({ recipient: { kind: 'key', fingerprint: OWNER_FINGERPRINT, forThisVault: false } }),
      message: /^This handover file was made for someone else’s handover key, so it cannot be opened with yours\./,
    },
    {
      name: 'a package not yet valid',
      file: keyPackage({ validFrom: addDays(TODAY, 2), validUntil: addDays(TODAY, 20) }),
      message: new RegExp(`^This handover starts on ${formatLongDate(addDays(TODAY, 2))}\\. Sole Notes opens it from that day, not before\\.$`),
    },
    {
      name: 'an expired package',
      file: keyPackage({ validFrom: addDays(TODAY, -20), validUntil: addDays(TODAY, -1) }),
      message: new RegExp(`^This handover ended on ${formatLongDate(addDays(TODAY, -1))}, so Sole Notes no longer opens its notes\\.$`),
    },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} before opening it, calmly, and offers no way to open it`, async () => {
      const file = '/media/usb/package.solehandover';
      const { fake, user } = setup({ files: { [file]: refusal.file }, choose: () => file });
      render(<ReceivedHandovers />);
      await user.click(await screen.findByRole('button', { name: 'Choose a handover file…' }));
      const inspection = await screen.findByRole('form', { name: 'The handover file you chose' });
      expect(within(inspection).getByRole('alert').textContent).toMatch(refusal.message);
      expect(within(inspection).queryByRole('button', { name: 'Open these notes' })).toBeNull();
      expect(fake.callsTo('handover.open')).toEqual([]);
    });
  }

  it('refuses an altered file: nothing is shown of it', async () => {
    const file = '/media/usb/changed.solehandover';
    const { user } = setup({ files: { [file]: { ...keyPackage(), tampered: true } }, choose: () => file });
    render(<ReceivedHandovers />);
    await user.click(await screen.findByRole('button', { name: 'Choose a handover file…' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This handover file was changed or damaged after it was made, so nothing in it was opened. Ask the colleague who made it for a new copy.');
    expect(screen.queryByRole('form', { name: 'The handover file you chose' })).toBeNull();
  });

  it('shows the main side’s refusal when the package ends between looking and opening', async () => {
    const file = '/media/usb/last-day.solehandover';
    const { handover, user } = setup({ files: { [file]: keyPackage({ validFrom: addDays(TODAY, -10), validUntil: TODAY }) }, choose: () => file });
    render(<ReceivedHandovers />);
    await user.click(await screen.findByRole('button', { name: 'Choose a handover file…' }));
    const inspection = await screen.findByRole('form', { name: 'The handover file you chose' });
    handover.state.today = addDays(TODAY, 1); // midnight passes
    await user.click(within(inspection).getByRole('button', { name: 'Open these notes' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`This handover ended on ${formatLongDate(TODAY)}, so Sole Notes no longer opens its notes.`);
    expect(useUiStore.getState().route).toEqual({ name: 'today' });
  });

  it('says so when the package was already opened here, and goes to it', async () => {
    const file = '/media/usb/key.solehandover';
    const { fake, user } = setup({ files: { [file]: keyPackage() }, choose: () => file });
    const packageId = await openedEarlier(fake, file);
    render(<ReceivedHandovers />);
    await user.click(await screen.findByRole('button', { name: 'Choose a handover file…' }));
    expect(await screen.findByText('You have already opened this handover file.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Go to these notes' }));
    expect(useUiStore.getState().route).toEqual({ name: 'handover-package', packageId });
    expect(fake.callsTo('handover.open')).toHaveLength(1);
  });
});

describe('the refusal messages', () => {
  it('words every handover refusal for the worker, with dates as people say them', () => {
    expect(errorMessage({ code: 'HANDOVER_NOT_YET_VALID', message: 'This handover starts on 2026-03-02. Sole Notes opens it from that day, not before.', details: { validFrom: '2026-03-02' } })).toBe(
      'This handover starts on Monday, March 2, 2026. Sole Notes opens it from that day, not before.',
    );
    expect(errorMessage({ code: 'HANDOVER_EXPIRED', message: 'This handover ended on 2026-03-27. Sole Notes no longer opens it.', details: { validUntil: '2026-03-27' } })).toBe(
      'This handover ended on Friday, March 27, 2026, so Sole Notes no longer opens its notes.',
    );
    expect(errorMessage({ code: 'HANDOVER_WRONG_RECIPIENT', message: "This handover package was made for someone else's handover key (3F2A …).", details: { file: 'package' } })).toMatch(
      /^This handover file was made for someone else’s handover key/,
    );
    expect(errorMessage({ code: 'HANDOVER_WRONG_RECIPIENT', message: "This hand-back is for another vault's handover key (3F2A …).", details: { file: 'hand-back' } })).toMatch(/^This hand-back was made for another worker’s/);
    expect(errorMessage({ code: 'HANDOVER_TAMPERED', message: 'This file is not an intact Sole Notes handover package: its manifest is not canonical JSON.', details: { file: 'package' } })).toMatch(
      /^This handover file was changed or damaged/,
    );
    expect(errorMessage({ code: 'HANDOVER_TAMPERED', message: 'This file is not an intact Sole Notes hand-back: its proof does not check out.', details: { file: 'hand-back' } })).toMatch(/^This hand-back file was changed or damaged/);
    expect(errorMessage({ code: 'WRONG_HANDOVER_CODE', message: 'That handover code does not open this package.' })).toMatch(/^That code does not open this handover file\./);
    expect(errorMessage({ code: 'WRONG_HANDOVER_CODE', message: 'A handover code has only letters and digits, and never "#". Check what you typed.', details: { malformed: true } })).toBe(
      'A handover code has only letters and digits, and never "#". Check what you typed.',
    );
    // No technical detail reaches the worker.
    for (const code of ['HANDOVER_NOT_YET_VALID', 'HANDOVER_EXPIRED', 'HANDOVER_WRONG_RECIPIENT', 'HANDOVER_TAMPERED'] as const) {
      expect(errorMessage({ code, message: 'technical detail: manifest canonical JSON 3F2A' })).not.toMatch(/manifest|JSON|3F2A/);
    }
  });
});

describe('the list of packages received', () => {
  it('shows whose each is, its dates and where it stands, with Open only while its copy is here', async () => {
    const files = {
      '/a.solehandover': keyPackage(),
      '/b.solehandover': keyPackage({ ownerName: 'Sam Ortiz', validFrom: addDays(TODAY, -10), validUntil: addDays(TODAY, 1) }),
      '/c.solehandover': keyPackage({ ownerName: 'Priya Nair' }),
    };
    const { fake, handover } = setup({ files });
    await openedEarlier(fake, '/a.solehandover');
    await openedEarlier(fake, '/b.solehandover');
    const third = await openedEarlier(fake, '/c.solehandover');
    await fake.bridge.invoke('handover.handBack', { packageId: third, file: '/c.solehandback' });
    handover.state.today = addDays(TODAY, 2); // Sam Ortiz's has ended; Jordan Reyes's is still on
    render(<ReceivedHandovers />);
    const list = await screen.findByRole('list', { name: 'Handovers you have opened' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.received-title')?.textContent)).toEqual(['Priya Nair’s notesHanded back', 'Sam Ortiz’s notesEnded', 'Jordan Reyes’s notesActive']);
    expect(within(items[0] as HTMLElement).queryByRole('button')).toBeNull();
    expect(items[1]?.textContent).toContain('hand it back to return your work and the access log');
    expect(within(items[2] as HTMLElement).getByRole('button', { name: /^Open Jordan Reyes’s notes/ })).toBeTruthy();
  });
});

async function enterPackage(
  file: FakePackageFile,
  options: { today?: string; choose?: (purpose: FilePurpose, suggestedName: string | undefined) => string | null; inShell?: boolean } = {},
) {
  const choose = options.choose ?? ((purpose: FilePurpose, name: string | undefined) => (purpose === 'save-handback' ? `/home/dana/${name}.solehandback` : null));
  const { fake, handover, user } = setup({ files: { '/p.solehandover': file }, choose });
  const packageId = await openedEarlier(fake, '/p.solehandover', file.code);
  if (options.today != null) handover.state.today = options.today;
  useUiStore.setState({ route: { name: 'handover-package', packageId } });
  render(options.inShell === true ? <AppShell /> : <PackageVault packageId={packageId} />);
  const banner = await screen.findByRole('region', { name: 'Whose notes these are' });
  return { fake, handover, user, packageId, banner };
}

describe('inside a package: the banner', () => {
  it('says whose notes these are, until when and how many days are left, that every note opened is recorded, and that they are kept apart', async () => {
    const { fake, banner } = await enterPackage(keyPackage());
    await waitFor(() => expect(banner.textContent).toContain('Jordan Reyes’s notes, not your own'));
    expect(banner.textContent).toContain(`You are Jordan Reyes’s temporary substitute until ${formatLongDate(UNTIL)} (10 days left, today included).`);
    expect(banner.textContent).toContain('Every note you open is recorded in an access log that goes back to Jordan Reyes.');
    expect(banner.textContent).toContain('These notes are kept apart from your own.');
    // It cannot be closed, and entering was recorded once.
    expect(within(banner).queryByRole('button')).toBeNull();
    expect(fake.callsTo('handover.enter')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Jordan Reyes’s notes' })).toBeTruthy();
  });

  it('names the owner’s key when they gave no name', async () => {
    const { banner } = await enterPackage(keyPackage({ ownerName: null }));
    await waitFor(() => expect(banner.textContent).toContain('A colleague’s notes, not your own'));
    expect(within(banner).getByLabelText(`Their words: ${wordCheck(OWNER_HANDOVER_FINGERPRINT).join(' ')}`)).toBeTruthy();
    expect(banner.textContent).toContain('You are their temporary substitute until');
  });

  it('stays over a note opened in the package, which is fetched (and so recorded) once', async () => {
    const { fake, user, banner } = await enterPackage(keyPackage());
    await user.click(await screen.findByRole('button', { name: /Missed two mornings/ }));
    const textarea = (await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement;
    await waitFor(() => expect(textarea.value).toBe(NOTE_TEXT));
    expect(banner.isConnected).toBe(true);
    expect(screen.getByRole('region', { name: 'Whose notes these are' }).textContent).toContain('Jordan Reyes’s notes, not your own');
    expect(fake.callsTo('handover.notes.get')).toHaveLength(1);
    expect(fake.callsTo('notes.get')).toEqual([]);
  });
});

describe('inside a package: writing', () => {
  it('checks a note as it is typed and asks before saving it with a flag left, saving through the package', async () => {
    const { fake, user, packageId } = await enterPackage(keyPackage());
    await user.click(await screen.findByRole('button', { name: 'Write a note' }));
    const textarea = await screen.findByRole('textbox', { name: 'Note' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Student' }), student.id);
    await user.click(textarea);
    await user.paste('Covered the lunch check-in. Mom said he takes Adderall now.');
    await waitFor(() => expect(document.querySelectorAll('.note-mirror mark.hl-diagnostic').length).toBeGreaterThan(0));
    expect(screen.getByRole('region', { name: /^Flags \(1\)/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save note' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(fake.callsTo('handover.notes.create')).toEqual([]);
    // It says where the note is kept: with the owner's notes, not this worker's own.
    expect(dialog.textContent).toContain('the note is kept encrypted with Jordan Reyes’s notes and goes back with the hand-back');
    await user.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(fake.callsTo('handover.notes.create')).toHaveLength(1));
    expect(fake.callsTo('handover.notes.create')[0]).toEqual({
      packageId,
      studentId: student.id,
      body: 'Covered the lunch check-in. Mom said he takes Adderall now.',
      findingsAcknowledged: true,
    });
    // The worker's own notes are never touched.
    expect(fake.callsTo('notes.create')).toEqual([]);
    expect(await screen.findByText(/^Saved /)).toBeTruthy();

    // Back in the list, the new note is there without listing the notes again.
    const listings = fake.callsTo('handover.notes.list').length;
    await user.click(screen.getByRole('button', { name: 'Back to the notes' }));
    expect(await screen.findByRole('button', { name: /Covered the lunch check-in/ })).toBeTruthy();
    expect(fake.callsTo('handover.notes.list')).toHaveLength(listings);
  });

  it('writes a new note or service in the package, by shortcut or with the sidebar’s buttons', async () => {
    const { user } = await enterPackage(keyPackage(), { inShell: true });
    await screen.findByRole('button', { name: /Missed two mornings/ });
    // Named by all it shows, so that the name holds the visible words (WCAG 2.5.3).
    const newNote = screen.getByRole('button', { name: 'New note in the handed-over notes' });

    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('heading', { level: 1, name: 'New note' })).toBeTruthy();
    expect(useUiStore.getState().route).toMatchObject({ name: 'handover-package' });

    await user.click(screen.getByRole('button', { name: 'Log service' }));
    expect(usePackageStore.getState().view).toEqual({ kind: 'services' });
    await user.click(newNote);
    expect(await screen.findByRole('heading', { level: 1, name: 'New note' })).toBeTruthy();
    expect(useUiStore.getState().route).toMatchObject({ name: 'handover-package' });
  });

  it('asks before leaving a changed note unsaved', async () => {
    const { fake, user } = await enterPackage(keyPackage());
    await user.click(await screen.findByRole('button', { name: /Missed two mornings/ }));
    const textarea = await screen.findByRole('textbox', { name: 'Note' });
    await waitFor(() => expect((textarea as HTMLTextAreaElement).value).toBe(NOTE_TEXT));
    await user.type(textarea, ' Called the office.');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('textbox', { name: 'Note' })).toBe(textarea);
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(fake.callsTo('handover.notes.update')).toHaveLength(1));
    expect(fake.callsTo('handover.notes.update')[0]).toMatchObject({ body: `${NOTE_TEXT} Called the office.`, findingsAcknowledged: false });
  });
});

describe('inside a package: services', () => {
  it('logs a service with its note through the package, never in the worker’s own log', async () => {
    const { fake, user, packageId } = await enterPackage(keyPackage());
    await screen.findByRole('button', { name: /Missed two mornings/ });
    await user.click(screen.getByRole('button', { name: 'Services' }));
    expect(await screen.findByText('No services yet.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Log a service' });
    await user.clear(within(form).getByLabelText('Date'));
    await user.type(within(form).getByLabelText('Date'), '3/10/2026');
    await user.type(within(form).getByLabelText('Minutes'), '30');
    await user.keyboard('{Tab}{Tab}rm{Enter}');
    expect(within(form).getByRole('list', { name: 'Chosen student' }).textContent).toContain('RM-2048');
    await user.type(within(form).getByLabelText('Note for this service (optional)'), 'Lunch check-in; calmer than last week.');
    await user.click(within(form).getByRole('button', { name: 'Save service' }));

    await waitFor(() => expect(fake.callsTo('handover.services.create')).toHaveLength(1));
    const [noteCall] = fake.callsTo('handover.notes.create');
    expect(noteCall).toEqual({ packageId, studentId: student.id, body: 'Lunch check-in; calmer than last week.', findingsAcknowledged: false });
    const [serviceCall] = fake.callsTo('handover.services.create');
    expect(serviceCall).toMatchObject({ packageId, fields: { date: '2026-03-10', minutes: 30, kind: 'individual_session', studentIds: [student.id] } });
    expect(serviceCall?.fields.noteId).toMatch(/^[0-9a-f-]{36}$/);
    const entries = await screen.findByRole('list', { name: 'Services' });
    expect(entries.textContent).toContain('Individual session');
    expect(entries.textContent).toContain('RM-2048');
    expect([fake.callsTo('services.create'), fake.callsTo('notes.create'), fake.callsTo('services.update')]).toEqual([[], [], []]);
  });

  it('offers the owner’s issue categories, their own included', async () => {
    const file = keyPackage();
    file.categories = [
      { id: 'attendance', label: 'Attendance', archived: false, builtin: true },
      { id: 'transitions', label: 'Transitions', archived: false, builtin: false },
    ];
    const { user } = await enterPackage(file);
    await screen.findByRole('button', { name: /Missed two mornings/ });
    await user.click(screen.getByRole('button', { name: 'Services' }));
    const form = await screen.findByRole('form', { name: 'Log a service' });
    expect(await within(form).findByRole('checkbox', { name: 'Transitions' })).toBeTruthy();
    expect(within(form).queryByRole('checkbox', { name: 'Behavior' })).toBeNull();
  });
});

describe('inside a package: the access log', () => {
  it('lists what was recorded, in plain words, newest first', async () => {
    const { user } = await enterPackage(keyPackage());
    await user.click(await screen.findByRole('button', { name: /Missed two mornings/ }));
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(screen.getByRole('button', { name: 'Back to the notes' }));
    await user.click(screen.getByRole('button', { name: 'Access log' }));
    const table = await screen.findByRole('table', { name: 'Access log, newest first' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => row.querySelectorAll('td')[1]?.textContent);
    expect(rows).toEqual([
      'A note about RM-2048 was opened',
      'The list of notes was shown (1 note)',
      'These notes were opened',
      'The handover file was opened on this laptop',
      'Jordan Reyes made the handover file',
    ]);
  });
});

describe('handing back', () => {
  it('explains what happens, saves the file where the worker says, then shows what went into it', async () => {
    const { fake, user, packageId } = await enterPackage(keyPackage());
    await screen.findByRole('button', { name: /Missed two mornings/ });
    await user.click(screen.getByRole('button', { name: 'Hand back…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hand these notes back to Jordan Reyes?' });
    expect(dialog.textContent).toContain('a hand-back file that only Jordan Reyes can open');
    expect(dialog.textContent).toContain('the access log');
    expect(dialog.textContent).toContain('the copy of these notes on this laptop is deleted, and that is recorded');
    await user.click(within(dialog).getByRole('button', { name: 'Save the hand-back file…' }));

    const result = await screen.findByRole('region', { name: 'Handed back' });
    const name = `hand-back to Jordan Reyes (${FROM} to ${UNTIL})`;
    expect(fake.callsTo('system.chooseFile').at(-1)).toEqual({ purpose: 'save-handback', suggestedName: name });
    expect(fake.callsTo('handover.handBack')).toEqual([{ packageId, file: `/home/dana/${name}.solehandback`, replace: true }]);
    expect(result.textContent).toContain(`/home/dana/${name}.solehandback`);
    expect(within(result).getByRole('list', { name: 'What the file holds' }).textContent).toMatch(/0 notes written.*0 notes changed.*0 services logged.*entries in the access log/);
    expect(result.textContent).toContain('The copy of these notes on this laptop was deleted');
    expect(screen.getByRole('region', { name: 'Whose notes these are' }).textContent).toContain('You handed these notes back to Jordan Reyes.');
    expect(screen.queryByRole('button', { name: /Missed two mornings/ })).toBeNull();

    await user.click(within(result).getByRole('button', { name: 'Back to Handover' }));
    expect(useUiStore.getState().route).toEqual({ name: 'handover' });
  });

  it('keeps everything when the save dialog is cancelled', async () => {
    const { fake, user } = await enterPackage(keyPackage(), { choose: () => null });
    await screen.findByRole('button', { name: /Missed two mornings/ });
    await user.click(screen.getByRole('button', { name: 'Hand back…' }));
    const dialog = await screen.findByRole('dialog', { name: /^Hand these notes back/ });
    await user.click(within(dialog).getByRole('button', { name: 'Save the hand-back file…' }));
    expect(await within(dialog).findByText('No file chosen, so nothing was saved and the notes stay here.')).toBeTruthy();
    expect(fake.callsTo('handover.handBack')).toEqual([]);
  });
});

describe('a package past its dates', () => {
  it('does not show its notes, says why, and still shows the access log and the hand-back', async () => {
    const { fake, user, banner } = await enterPackage(keyPackage(), { today: addDays(UNTIL, 1) });
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain(`This handover ended on ${formatLongDate(UNTIL)}, so Sole Notes no longer opens its notes.`);
    expect(refusal.textContent).toContain('You can still read the access log below, and hand these notes back');
    await waitFor(() => expect(banner.textContent).toContain(`You were Jordan Reyes’s temporary substitute until ${formatLongDate(UNTIL)}. That time is over.`));
    expect(await screen.findByRole('table', { name: 'Access log, newest first' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Write a note' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Notes' })).toBeNull();
    expect(fake.callsTo('handover.notes.list')).toEqual([]);
    expect(fake.callsTo('handover.students.list')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Hand back…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save the hand-back file…' }));
    expect(await screen.findByRole('region', { name: 'Handed back' })).toBeTruthy();
    expect(fake.callsTo('handover.handBack')).toHaveLength(1);
  });
});

describe('locking', () => {
  it('drops everything read from the package', async () => {
    const { fake } = await enterPackage(keyPackage());
    await screen.findByRole('button', { name: /Missed two mornings/ });
    expect(JSON.stringify(usePackageStore.getState())).toContain('Missed two mornings');
    expect(usePackageStore.getState().info?.ownerName).toBe('Jordan Reyes');

    await act(() => useVaultStore.getState().lock());

    const after = usePackageStore.getState();
    expect([after.packageId, after.info, after.notes, after.services, after.accessLog]).toEqual([null, null, null, null, null]);
    expect(after.students).toEqual([]);
    expect(JSON.stringify(after)).not.toMatch(/Missed two mornings|Jordan Reyes|RM-2048/);
    expect(fake.state.vault).toBe('locked');
  });
});
