// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProblemLine } from '../../src-renderer/components/ProblemLine';
import './setup';

/* The one way a screen says what went wrong: read out at once, and nothing at all while all is well. */

describe('ProblemLine', () => {
  it('shows the message as an alert in the problem style', () => {
    render(<ProblemLine message="The backup folder cannot be reached." />);
    const line = screen.getByRole('alert');
    expect(line.tagName).toBe('P');
    expect(line.className).toBe('problem');
    expect(line.textContent).toBe('The backup folder cannot be reached.');
    expect(line.hasAttribute('id')).toBe(false);
  });

  it('carries an id for a field to point at', () => {
    render(
      <>
        <input aria-label="Passphrase" aria-describedby="unlock-problem" />
        <ProblemLine id="unlock-problem" message="That passphrase did not open your notes." />
      </>,
    );
    expect(screen.getByRole('textbox', { name: 'Passphrase' }).getAttribute('aria-describedby')).toBe('unlock-problem');
    expect(screen.getByRole('alert').id).toBe('unlock-problem');
  });

  it.each([null, undefined, ''])('renders nothing for %j', (message) => {
    const { container } = render(<ProblemLine message={message} />);
    expect(container.innerHTML).toBe('');
  });
});
