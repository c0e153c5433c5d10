// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { NumberField } from '../../src-renderer/components/NumberField';
import './setup';

/* A number setting with no Save button: applied on leaving the field or Enter, refused at the field when out of range, put back with Escape. */

function Keep({ onCommit, initial = 10 }: { onCommit: (value: number) => void; initial?: number }) {
  const [kept, setKept] = useState(initial);
  return (
    <>
      <NumberField
        id="keep"
        label="Backups to keep"
        value={kept}
        min={1}
        max={100}
        invalidText="Enter a whole number from 1 to 100."
        hint="Beyond this number, the oldest backups are removed."
        onCommit={(value) => {
          onCommit(value);
          setKept(value);
        }}
      />
      <button type="button" onClick={() => setKept(7)}>
        Stored elsewhere
      </button>
    </>
  );
}

describe('NumberField', () => {
  it('applies the whole number on leaving the field, and on Enter, never part of it on the way', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Keep onCommit={onCommit} />);
    const field = screen.getByRole('textbox', { name: 'Backups to keep' });
    expect((field as HTMLInputElement).value).toBe('10');
    expect(field.getAttribute('aria-describedby')).toBe('keep-hint');
    await user.clear(field);
    await user.type(field, '18');
    expect(onCommit).not.toHaveBeenCalled();
    await user.tab();
    expect(onCommit.mock.calls).toEqual([[18]]);
    await user.clear(field);
    await user.type(field, ' 25 {Enter}');
    expect(onCommit.mock.calls).toEqual([[18], [25]]);
    expect((field as HTMLInputElement).value).toBe('25');
  });

  it.each(['0', '101', '2.5', 'ten', ''])('refuses %j at the field, read out at once, and applies nothing', async (typed) => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Keep onCommit={onCommit} />);
    const field = screen.getByRole('textbox', { name: 'Backups to keep' });
    await user.clear(field);
    if (typed !== '') await user.type(field, typed);
    await user.keyboard('{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 1 to 100.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('keep-hint keep-error');
    // A good number takes the refusal away.
    await user.clear(field);
    await user.type(field, '5{Enter}');
    expect(onCommit.mock.calls).toEqual([[5]]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field.getAttribute('aria-invalid')).toBe('false');
  });

  it('puts back the number in effect on Escape, refusal and all, and applies nothing', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Keep onCommit={onCommit} />);
    const field = screen.getByRole('textbox', { name: 'Backups to keep' });
    await user.clear(field);
    await user.type(field, '0{Enter}');
    expect(screen.getByRole('alert')).toBeTruthy();
    await user.type(field, '3{Escape}');
    expect((field as HTMLInputElement).value).toBe('10');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('shows a number changed elsewhere', async () => {
    const user = userEvent.setup();
    render(<Keep onCommit={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Stored elsewhere' }));
    expect((screen.getByRole('textbox', { name: 'Backups to keep' }) as HTMLInputElement).value).toBe('7');
  });
});
