import { describe, expect, it } from 'vitest';

import { restated } from '@/lib/audit-log/stored-sentence';

describe('restated', () => {
  it('says a refusal of the permission table again in Romanian', () => {
    const romanian = restated('A team lead cannot read the audit log', 'ro');
    expect(romanian).not.toBe('A team lead cannot read the audit log');
    expect(romanian).not.toMatch(/read the audit log/);
    expect(restated('You are not a member of this sendSMS account.', 'ro')).toBe(
      'Nu sunteți membru al acestui cont sendSMS.',
    );
  });

  it('says a sendSMS failure kept in English again in Romanian', () => {
    const kept = 'sendSMS answered with an HTTP error instead of its usual reply. The dashboard changed nothing.';
    const romanian = restated(kept, 'ro');
    expect(romanian).not.toContain('sendSMS answered');
    expect(romanian).not.toContain('The dashboard changed nothing');
  });

  it('keeps English as it is, and any sentence it does not know', () => {
    expect(restated('A team lead cannot read the audit log', 'en')).toBe('A team lead cannot read the audit log');
    expect(restated('something a person typed', 'ro')).toBe('something a person typed');
  });
});
