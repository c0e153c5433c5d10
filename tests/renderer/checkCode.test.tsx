// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { wordCheck } from '../../shared/domain/wordCheck';
import { CheckCode } from '../../src-renderer/components/CheckCode';
import './setup';

const FINGERPRINT = '3F2A 9C01 77B4 E0D2 5A61 0C3E 9B8F 21D7 C4A0 6E19 F302 8D55 1B7C A9E6 4F80 D213';

describe('a check code, in one layout', () => {
  it('shows ten numbered words in a grid, and keeps the 16 groups of digits behind Details', () => {
    render(<CheckCode fingerprint={FINGERPRINT} label="Their words" digitsLabel="Their key in digits" details={<p>For the IT person.</p>} />);
    const words = screen.getByLabelText(`Their words: ${wordCheck(FINGERPRINT).join(' ')}`);
    expect(words.tagName).toBe('OL');
    expect(words.classList.contains('check-code')).toBe(true);
    expect([...words.querySelectorAll('li')].map((item) => item.textContent)).toEqual(wordCheck(FINGERPRINT));
    expect(words.closest('details')).toBeNull();

    const digits = screen.getByLabelText(`Their key in digits: ${FINGERPRINT}`);
    expect([...digits.querySelectorAll('.fingerprint-group')].map((group) => group.textContent)).toEqual(FINGERPRINT.split(' '));
    const details = digits.closest('details');
    expect(details?.querySelector('summary')?.textContent).toBe('Details');
    expect(details?.textContent).toContain('For the IT person.');
  });

  it('shows the 16 groups themselves, in the same box, where the other side compares digits', () => {
    render(<CheckCode fingerprint={FINGERPRINT} label="Check code" show="groups" />);
    const digits = screen.getByLabelText(`Check code: ${FINGERPRINT}`);
    expect(digits.classList.contains('check-code')).toBe(true);
    expect(digits.querySelectorAll('.fingerprint-group')).toHaveLength(16);
    expect(digits.closest('details')).toBeNull();
    expect(screen.queryByTestId('word-check')).toBeNull();
  });
});
