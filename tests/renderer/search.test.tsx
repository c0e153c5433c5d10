// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Search } from '../../src-renderer/screens/Search';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { makeStudent } from './fakeBridge';
import { installFake } from './setup';

const student = makeStudent('QX-7781');

describe('search', () => {
  it('shows snippets with the matches marked, as text (never as HTML), and opens the note', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    await fake.bridge.invoke('notes.create', { studentId: student.id, body: 'Wrote <img src=x onerror=alert(1)> about the bus route and the <b>bus</b> stop.' });
    const noteId = fake.state.notes[0]?.id;
    const user = userEvent.setup();
    render(<Search />);

    const input = screen.getByLabelText('Search notes');
    expect(document.activeElement).toBe(input);
    await user.type(input, 'bus');
    const results = await screen.findByRole('list', { name: 'Matching notes' });
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
    expect(fake.callsTo('notes.search').at(-1)).toEqual({ query: 'bus', limit: 50 });
  });

  it('says plainly when nothing matches', async () => {
    installFake();
    const user = userEvent.setup();
    render(<Search />);
    await user.type(screen.getByLabelText('Search notes'), 'zebra');
    expect(await screen.findByText('No notes contain “zebra”.')).toBeTruthy();
  });
});
