// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Search } from '../../src-renderer/screens/Search';
import { resetVaultStores } from '../../src-renderer/state/createVaultStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { makeStudent } from './fakeBridge';
import { installFake } from './setup';

const student = makeStudent('QX-7781');

describe('search', () => {
  beforeEach(() => resetVaultStores());

  it('shows snippets with the matches marked, as text (never as HTML), and opens the note', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    await fake.bridge.invoke('notes.create', { studentId: student.id, body: 'Wrote <img src=x onerror=alert(1)> about the bus route and the <b>bus</b> stop.' });
    const noteId = fake.state.notes[0]?.id;
    const user = userEvent.setup();
    render(<Search />);

    const input = screen.getByLabelText('Search notes and services');
    expect(document.activeElement).toBe(input);
    await user.type(input, 'bus');
    const results = await screen.findByRole('list', { name: 'Matching notes and services' });
    await waitFor(() => expect(screen.getByText('1 note found')).toBeTruthy());

    const hit = within(results).getByRole('button');
    expect(hit.textContent).toContain('QX-7781');
    const marks = [...hit.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((text) => text?.toLowerCase() === 'bus')).toBe(true);
    // The note's angle brackets are shown as typed: no element was made from them.
    expect(hit.querySelector('img, b')).toBeNull();
    expect(hit.textContent).toContain('<img src=x onerror=alert(1)>');

    await user.click(hit);
    expect(useUiStore.getState().route).toEqual({ name: 'note', noteId, studentId: student.id });
    expect(fake.callsTo('search.all').at(-1)).toEqual({ query: 'bus', sort: 'relevance', limit: 50 });
  });

  it('says plainly when nothing matches', async () => {
    installFake();
    const user = userEvent.setup();
    render(<Search />);
    await user.type(screen.getByLabelText('Search notes and services'), 'zebra');
    expect(await screen.findByText('Nothing found for “zebra”.')).toBeTruthy();
  });

  it("finds a student's notes and services by the name the worker knows them by, and moves through them by keyboard", async () => {
    const ana = makeStudent('7B-014', { knownAs: 'Ana Ruiz' });
    const other = makeStudent('8C-220', { knownAs: 'Ben Ortiz' });
    const fake = installFake({ state: { students: [ana, other] } });
    const service = await fake.bridge.invoke('services.create', { date: '2026-03-03', minutes: 30, kind: 'group_session', studentIds: [ana.id, other.id] });
    await fake.bridge.invoke('notes.create', { studentId: ana.id, body: 'Planned mornings with her.' });
    await fake.bridge.invoke('notes.create', { studentId: other.id, body: 'Lost his bus pass.' });
    const user = userEvent.setup();
    render(<Search />);

    await user.type(screen.getByLabelText('Search notes and services'), 'ana');
    const results = await screen.findByRole('list', { name: 'Matching notes and services' });
    await waitFor(() => expect(screen.getByText('1 note and 1 service found')).toBeTruthy());
    const [note, logged] = within(results).getAllByRole('button');
    expect(note?.textContent).toContain('7B-014 · Ana Ruiz');
    expect(note?.textContent).toContain('Planned mornings');
    expect(logged?.textContent).toContain('Service · Group session, 30 min');

    // Down arrow from the field to the first result, again to the next, Enter opens it.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(note);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(logged);
    await user.keyboard('{Enter}');
    expect(useUiStore.getState().route).toEqual({ name: 'services', serviceId: service.ok ? service.value.id : '' });
  });

  it('narrows by flagged notes, student and days, and says when nothing matches the filters', async () => {
    const ana = makeStudent('7B-014', { knownAs: 'Ana Ruiz' });
    const fake = installFake({ state: { students: [ana] } });
    await fake.bridge.invoke('notes.create', { studentId: ana.id, body: 'Mom says she was diagnosed with ADHD.', findingsAcknowledged: true });
    await fake.bridge.invoke('notes.create', { studentId: ana.id, body: 'A calm week.' });
    const user = userEvent.setup();
    render(<Search />);

    await user.click(screen.getByRole('checkbox', { name: 'Only flagged notes' }));
    await waitFor(() => expect(screen.getByText('1 note found')).toBeTruthy());
    expect(screen.getByRole('list', { name: 'Matching notes and services' }).textContent).toContain('Flagged');
    expect(fake.callsTo('search.all').at(-1)).toEqual({ flagged: true, sort: 'relevance', limit: 50 });

    await user.click(screen.getByRole('button', { name: 'Student, dates and kinds…' }));
    await user.type(screen.getByRole('combobox', { name: 'Only about this student' }), 'ruiz{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'From' }), '2099-01-01');
    await waitFor(() => expect(screen.getByText('Nothing matches these filters.')).toBeTruthy());
    expect(fake.callsTo('search.all').at(-1)).toEqual({ studentId: ana.id, from: '2099-01-01', flagged: true, sort: 'relevance', limit: 50 });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Order' }), 'date');
    await waitFor(() => expect(fake.callsTo('search.all').at(-1)).toMatchObject({ sort: 'date' }));
  });
});
