import { describe, expect, it } from 'vitest';
import { auditFilterHref, readAuditFilter } from '@/lib/audit-log/audit-filter-params';
import { auditFilterSchema } from '@/lib/audit-log/audit-filter';

describe('the audit log filters in the URL', () => {
  it('reads no filter and the first page from an empty URL', () => {
    expect(readAuditFilter({})).toEqual({ filter: { page: 1 }, refused: [] });
  });

  it('reads every filter the form sends, and an empty field as no filter', () => {
    expect(
      readAuditFilter({
        actor: ' lead@demo.local ',
        accountId: 'acc_1',
        keyId: '',
        action: 'auth.sign_in',
        outcome: 'denied',
        from: '2026-02-01',
        to: '',
        page: '3',
      }),
    ).toEqual({
      filter: {
        actor: 'lead@demo.local',
        accountId: 'acc_1',
        action: 'auth.sign_in',
        outcome: 'denied',
        from: '2026-02-01',
        page: 3,
      },
      refused: [],
    });
  });

  it('drops a refused value, keeps the others, and says what was refused', () => {
    const { filter, refused } = readAuditFilter({
      action: 'auth',
      from: '2026-02-30',
      page: '0',
      keyId: 'a b',
      outcome: 'maybe',
    });
    expect(filter).toEqual({ action: 'auth', page: 1 });
    expect(refused).toEqual(['keyId', 'outcome', 'from', 'page']);
  });

  it('reads the first of repeated parameters as Next.js passes them', () => {
    expect(readAuditFilter({ action: ['auth', 'keys'] }).filter).toEqual({ action: 'auth', page: 1 });
  });

  it('agrees with the endpoints’ schema on every filter it keeps', () => {
    const search = {
      actor: 'x',
      accountId: 'a',
      keyId: 'k',
      action: 'keys.',
      outcome: 'failure',
      from: '2026-01-01',
      to: '2026-01-31',
    };
    expect(readAuditFilter(search).filter).toEqual(auditFilterSchema.parse(search));
  });

  it('writes links without empty or default values, and reads them back the same', () => {
    expect(auditFilterHref('/audit', { page: 1 })).toBe('/audit');
    const filter = { action: 'auth.sign_in', from: '2026-02-01', page: 2 };
    const href = auditFilterHref('/audit', { ...filter, actor: undefined });
    expect(href).toBe('/audit?action=auth.sign_in&from=2026-02-01&page=2');
    const params = Object.fromEntries(new URL(href, 'http://dashboard.test').searchParams);
    expect(readAuditFilter(params).filter).toEqual(filter);
    expect(auditFilterHref('/api/audit/export', { ...filter, page: null })).toBe(
      '/api/audit/export?action=auth.sign_in&from=2026-02-01',
    );
  });
});
