// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emptyDraft, validateDraft } from '../../src-renderer/screens/ServiceForm';

describe('where professional development was provided, on the service form', () => {
  const training = { ...emptyDraft('3/2/2026'), kind: 'pd_provided' as const, minutes: '60' };

  it('sends within the district unless the worker chose outside', () => {
    expect(validateDraft(training, '2026-03-02').fields).toMatchObject({ kind: 'pd_provided', pdAudience: 'within_district' });
    expect(validateDraft({ ...training, pdAudience: 'outside_district' }, '2026-03-02').fields).toMatchObject({ pdAudience: 'outside_district' });
  });

  it('sends nothing about it for another kind of service', () => {
    const fields = validateDraft({ ...training, kind: 'administrative', pdAudience: 'outside_district' }, '2026-03-02').fields;
    expect(fields).not.toBeNull();
    expect(fields).not.toHaveProperty('pdAudience');
  });
});
