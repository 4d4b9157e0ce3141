import { describe, expect, it } from 'vitest';
import { anonymousRefusalDetails, eventDetails, eventIds, idsText } from '@/lib/audit-log/event-details';
import { auditRow } from '@/lib/audit-log/test-support/audit-row';

describe('an audit event’s details', () => {
  it('are labelled fields: the names first, then the parameters, then where it came from', () => {
    expect(eventDetails(auditRow(), 'en')).toEqual([
      { label: 'User', value: 'Ada Admin · ada@demo.local · Account admin' },
      { label: 'Account', value: 'Demo shop · demo-shop' },
      { label: 'Key', value: 'API Key Test · …3f9a' },
      { label: 'IP address', value: '198.51.100.20' },
      { label: 'First-use lock confirmed', value: 'no' },
      { label: 'sendSMS status', value: '0' },
      { label: 'From', value: '203.0.113.9' },
      { label: 'Browser', value: 'Mozilla/5.0' },
    ]);
  });

  it('mask every secret, at any depth, even in a row written without the recorder', () => {
    const details = eventDetails(
      auditRow({ params: { token: 'tok-123', nested: { password: 'pw-456', username: 'shop' }, request_key: 'rk' } }),
      'en',
    );
    const text = JSON.stringify(details);
    for (const secret of ['tok-123', 'pw-456', '"rk"']) expect(text).not.toContain(secret);
    expect(details).toContainEqual({ label: 'Token', value: '***' });
    expect(details).toContainEqual({ label: 'Nested › Password', value: '***' });
    expect(details).toContainEqual({ label: 'Nested › Username', value: 'shop' });
    expect(details).toContainEqual({ label: 'Request key', value: '***' });
  });

  it('say a deleted key, a user changed, the accounts given and roles in words', () => {
    const details = eventDetails(
      auditRow({
        action: 'user.update',
        key: { id: 'k', name: 'Old key', fragment: '…0001', deleted: true },
        subject: { id: 'u2', name: 'Lee Lead', email: 'lee@x' },
        grantedAccounts: [{ id: 'acc_shop', label: 'Demo shop', username: 'demo-shop' }],
        params: {
          userId: 'u2',
          accountIds: ['acc_shop'],
          role: 'LEAD',
          previousRole: 'ADMIN',
          disabled: true,
          ips: [],
        },
      }),
      'en',
    );
    expect(details).toContainEqual({ label: 'Key', value: 'Old key · …0001 · deleted' });
    expect(details).toContainEqual({ label: 'User changed', value: 'Lee Lead · lee@x' });
    expect(details).toContainEqual({ label: 'Accounts', value: 'Demo shop' });
    expect(details).toContainEqual({ label: 'Role', value: 'Team lead' });
    expect(details).toContainEqual({ label: 'Previous role', value: 'Account admin' });
    expect(details).toContainEqual({ label: 'Disabled', value: 'yes' });
    expect(details).toContainEqual({ label: 'Locked On IPs found', value: '(none)' });
    // The ids are on the copy button, not in the reading.
    expect(JSON.stringify(details)).not.toContain('u2"');
  });

  it('say when what the event named is no longer on the dashboard', () => {
    const details = eventDetails(
      auditRow({ account: null, key: null, actor: null, actorRole: null, params: {} }),
      'en',
    );
    expect(details.slice(0, 3)).toEqual([
      { label: 'User', value: 'ada@demo.local' },
      { label: 'Account', value: 'no longer on the dashboard' },
      { label: 'Key', value: 'no longer on the dashboard' },
    ]);
  });
});

describe('an audit event’s details in Romanian', () => {
  it('are labelled in Romanian, roles and yes/no included, the values as recorded', () => {
    expect(
      eventDetails(auditRow({ key: { id: 'k', name: 'API Key Test', fragment: '…3f9a', deleted: true } }), 'ro'),
    ).toEqual([
      { label: 'Utilizator', value: 'Ada Admin · ada@demo.local · Administrator de cont' },
      { label: 'Cont', value: 'Demo shop · demo-shop' },
      { label: 'Cheie', value: 'API Key Test · …3f9a · ștearsă' },
      { label: 'Adresă IP', value: '198.51.100.20' },
      { label: 'Blocare la prima utilizare confirmată', value: 'nu' },
      { label: 'Status sendSMS', value: '0' },
      { label: 'De la', value: '203.0.113.9' },
      { label: 'Browser', value: 'Mozilla/5.0' },
    ]);
    expect(idsText(eventIds(auditRow(), 'ro'))).toBe(
      'eveniment 42 · utilizator user_ada · cont acc_shop · cheie key_test',
    );
  });
});

describe('the ids behind the names', () => {
  it('are the event’s, the user’s, the account’s and the key’s, copied as one line', () => {
    const ids = eventIds(auditRow(), 'en');
    expect(idsText(ids)).toBe('event 42 · user user_ada · account acc_shop · key key_test');
    expect(eventIds(auditRow({ actorId: null, accountId: null, keyId: null }), 'en')).toEqual([
      { label: 'event', value: '42' },
    ]);
  });
});

describe('a minute of refused requests without a session', () => {
  it('shows its address and the paths asked', () => {
    const row = { sourceIp: '203.0.113.9', minute: '2026-11-22T10:00:00.000Z', count: 3 };
    expect(anonymousRefusalDetails({ ...row, firstPath: '/api/users', lastPath: '/api/users' }, 'en')).toEqual([
      { label: 'From', value: '203.0.113.9' },
      { label: 'Path', value: '/api/users' },
    ]);
    expect(anonymousRefusalDetails({ ...row, firstPath: '/a', lastPath: '/b' }, 'en')).toEqual([
      { label: 'From', value: '203.0.113.9' },
      { label: 'First path', value: '/a' },
      { label: 'Last path', value: '/b' },
    ]);
  });
});
