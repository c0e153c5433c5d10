// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import { call, CallError } from '../../src-renderer/api';
import { App } from '../../src-renderer/App';
import { createVaultStore, resetVaultStores, vaultStores } from '../../src-renderer/state/createVaultStore';
import { useBackupsStore } from '../../src-renderer/state/backupsStore';
import { useNotesStore } from '../../src-renderer/state/notesStore';
import { usePackageStore } from '../../src-renderer/state/packageStore';
import { useSearchStore } from '../../src-renderer/state/searchStore';
import { useServicesStore } from '../../src-renderer/state/servicesStore';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { useVaultStore } from '../../src-renderer/state/vaultStore';
import { makeStudent } from './fakeBridge';
import { giveElementsASize, installFake } from './setup';

const student = makeStudent('QX-7781');
const NOTE = 'Talked about the move to the new apartment; worried about the bus route.';

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Every store that can hold vault data (each one made with createVaultStore), as plain data (actions left out). */
function snapshot(): Record<string, string> {
  const data = (state: object) => JSON.stringify(Object.fromEntries(Object.entries(state).filter(([, value]) => typeof value !== 'function')));
  return Object.fromEntries(vaultStores().map((store) => [store.name, data(store.getState())]));
}

async function fillEveryStore() {
  const fake = installFake({ state: { students: [{ ...student }] } });
  await fake.bridge.invoke('notes.create', { studentId: student.id, body: `${NOTE} Mom said he has ADHD.` });
  await fake.bridge.invoke('services.create', { date: todayIso(), minutes: 30, kind: 'individual_session', studentIds: [student.id] });
  useVaultStore.getState().setView('unlocked');
  await useStudentsStore.getState().load();
  await useStudentsStore.getState().loadFlagged();
  await useServicesStore.getState().load();
  await useServicesStore.getState().loadForStudent(student.id);
  await useNotesStore.getState().loadMore(student.id);
  useSearchStore.getState().setQuery('bus');
  await useSearchStore.getState().run('bus');
  await useSettingsStore.getState().load();
  useUiStore.getState().navigate({ name: 'student', studentId: student.id });
  useUiStore.getState().announce(`${student.code} saved.`);
  await useBackupsStore.getState().load();
  usePackageStore.setState({ packageId: 'package-1', students: [{ ...student }] });
  return fake;
}

describe('call()', () => {
  it('unwraps a successful result', async () => {
    installFake({ state: { students: [{ ...student }] } });
    const students = await call('students.list', {});
    expect(students.map((s) => s.code)).toEqual(['QX-7781']);
  });

  it('maps an error code to the plain message, keeping the code', async () => {
    installFake({ state: { vault: 'locked' } });
    const error = await call('vault.unlock', { passphrase: 'not it' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallError);
    expect((error as CallError).code).toBe('WRONG_PASSPHRASE');
    expect((error as CallError).plain).toBe('That passphrase did not open your notes. Check Caps Lock and the keyboard layout, then try again.');
    expect((error as CallError).detail).toBe('Wrong passphrase.');
  });

  it('turns a validation message into sentences without field paths', async () => {
    installFake();
    const error = (await call('services.create', { date: '2025-03-04', minutes: 0, kind: 'administrative' }).catch((e: unknown) => e)) as CallError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.detail).toMatch(/^minutes: /);
    expect(error.plain).toBe('Minutes must be at least 1.');
  });

  it('says the vault cannot be reached when the bridge itself fails', async () => {
    Object.defineProperty(window, 'soleNotes', {
      configurable: true,
      value: { invoke: () => Promise.reject(new Error('ipc down')), onLocked: () => () => undefined },
    });
    const error = (await call('vault.status', {}).catch((e: unknown) => e)) as CallError;
    expect(error.code).toBe('UNREACHABLE');
    expect(error.plain).toMatch(/could not reach your notes/);
  });

  it('drops an answer that arrives after the vault locked', async () => {
    installFake({ state: { students: [{ ...student }] }, delayMs: 20 });
    useVaultStore.getState().setView('unlocked');
    const loading = useStudentsStore.getState().load();
    useVaultStore.getState().locked('idle');
    await loading;
    expect(useStudentsStore.getState().students).toEqual([]);
    const error = await (async () => {
      const pending = call('students.list', {});
      useVaultStore.getState().locked('idle');
      return pending.catch((e: unknown) => e);
    })();
    expect((error as CallError).code).toBe('STALE');
  });

  it('locks the screen when a command finds the vault locked', async () => {
    const fake = await fillEveryStore();
    fake.state.vault = 'locked';
    await useStudentsStore.getState().load();
    expect(useVaultStore.getState().view).toBe('locked');
    expect(useStudentsStore.getState().students).toEqual([]);
  });
});

describe('locking drops every decrypted value', () => {
  it('resets each data store to empty on the Lock button', async () => {
    const emptyStores = (() => {
      resetVaultStores();
      return snapshot();
    })();
    const fake = await fillEveryStore();

    const full = snapshot();
    expect(full.students).toContain(student.code);
    expect(full.services).toContain(student.id);
    expect(full.notes).toContain('worried about the bus');
    expect(full.search).toContain('bus');
    expect(full.settings).toContain('America/Chicago');
    expect(full.ui).toContain(student.code);
    expect(full.package).toContain(student.code);
    expect(Object.keys(full)).toEqual(expect.arrayContaining(['backups', 'notes', 'package', 'search', 'services', 'settings', 'students', 'ui']));
    for (const key of Object.keys(full)) expect(full[key], key).not.toBe(emptyStores[key]);

    await useVaultStore.getState().lock();

    const after = snapshot();
    for (const key of Object.keys(after)) expect(after[key], key).toBe(emptyStores[key]);
    expect(JSON.stringify(after)).not.toContain(student.code);
    expect(useVaultStore.getState()).toMatchObject({ view: 'locked', lockReason: 'user' });
    // The main side confirming the same lock does not rebuild the unlock screen (and what is typed in it).
    const count = useVaultStore.getState().lockCount;
    useVaultStore.getState().locked('user');
    expect(useVaultStore.getState().lockCount).toBe(count);
    expect(fake.callsTo('vault.lock')).toEqual([{}]);
    expect(fake.state.vault).toBe('locked');
  });

  it('empties every store made with createVaultStore when the vault locks, a new one included', () => {
    const useTrayStore = createVaultStore<{ items: string[]; add(item: string): void }>('test-tray', (set) => ({
      items: [],
      add: (item) => set((store) => ({ items: [...store.items, item] })),
    }));
    const useDayStore = createVaultStore<{ day: string | null; extra?: string }>('test-day', () => ({ day: null }));
    useVaultStore.getState().setView('unlocked');
    useTrayStore.getState().add(student.code);
    useDayStore.setState({ day: '2026-10-05', extra: NOTE });
    expect(vaultStores().map((store) => store.name)).toEqual(expect.arrayContaining(['test-tray', 'test-day']));

    useVaultStore.getState().locked('idle');

    expect(useTrayStore.getState().items).toEqual([]);
    // Emptied wholesale: even a field the store did not start with is gone.
    expect(useDayStore.getState()).toEqual({ day: null });
    // The actions still work after the reset.
    useTrayStore.getState().add('again');
    expect(useTrayStore.getState().items).toEqual(['again']);
  });

  it('returns to the unlock screen, saying why, when the main side locks; nothing from the vault stays on screen', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    await fake.bridge.invoke('notes.create', { studentId: student.id, body: NOTE });
    const restore = giveElementsASize();
    onTestFinished(restore);
    render(<App />);
    // The first unlocked screen of the file loads the screens' chunk: on a busy machine that takes more than a second.
    await screen.findByRole('heading', { name: 'Today' }, { timeout: 10_000 });
    act(() => useUiStore.getState().navigate({ name: 'caseload' }));
    await screen.findByRole('button', { name: /^QX-7781/ });
    act(() => useUiStore.getState().navigate({ name: 'student', studentId: student.id }));
    await screen.findByText(/worried about the bus route/);

    act(() => fake.lockFromMain('idle'));

    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByText(/Sole Notes locked itself after a while without activity\./)).toBeTruthy();
    expect(document.body.textContent).not.toContain('QX-7781');
    expect(document.body.textContent).not.toContain('bus route');
    expect(useStudentsStore.getState().students).toEqual([]);
    expect(useNotesStore.getState().timelines).toEqual({});
    expect(useUiStore.getState().route).toEqual({ name: 'today' });

    // Unlocking again starts from an empty app and loads afresh.
    fake.state.vault = 'locked';
    const input = screen.getByLabelText('Passphrase');
    act(() => {
      input.focus();
    });
    const { default: userEvent } = await import('@testing-library/user-event');
    const user = userEvent.setup();
    await user.type(input, fake.state.passphrase);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Today' })).toBeTruthy());
    // Nothing was ever kept in the browser's own storage.
    expect([localStorage.length, sessionStorage.length]).toEqual([0, 0]);
  });
});
