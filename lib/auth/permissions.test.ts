import { describe, expect, it } from 'vitest';
import { can, deniedReason, PERMISSIONS, ROLE_PERMISSIONS } from '@/lib/auth/permissions';

const member = (role: 'ADMIN' | 'SUPPORT' | 'LEAD') => ({ role, accountIds: ['acc-1'] });

describe('the permission table', () => {
  it('gives admins everything on their own accounts and nothing on others', () => {
    for (const permission of PERMISSIONS) expect(can(member('ADMIN'), permission, 'acc-1')).toBe(true);
    expect(deniedReason(member('ADMIN'), 'keys.manage', 'acc-2')).toBe('You are not a member of this sendSMS account');
    expect(can(member('ADMIN'), 'users.manage')).toBe(true);
  });

  it('lets support read every account and change nothing', () => {
    expect(can(member('SUPPORT'), 'keys.read', 'acc-2')).toBe(true);
    expect(can(member('SUPPORT'), 'audit.read', 'acc-9')).toBe(true);
    expect(can(member('SUPPORT'), 'requests.read', 'acc-9')).toBe(true);
    for (const permission of ['keys.manage', 'ips.authorize', 'requests.write', 'accounts.manage', 'users.manage'] as const) {
      expect(deniedReason(member('SUPPORT'), permission, 'acc-1')).toMatch(/^Support staff cannot /);
    }
  });

  it('lets leads read usage and keys of their accounts only', () => {
    expect(can(member('LEAD'), 'usage.read', 'acc-1')).toBe(true);
    expect(can(member('LEAD'), 'keys.read', 'acc-1')).toBe(true);
    expect(can(member('LEAD'), 'keys.read', 'acc-2')).toBe(false);
    expect(deniedReason(member('LEAD'), 'requests.read', 'acc-1')).toBe('A team lead cannot run read-only requests');
  });

  it('gives no read-write role the all-accounts scope', () => {
    for (const [role, policy] of Object.entries(ROLE_PERMISSIONS)) {
      const writes = policy.permissions.some((permission) => /manage|write|authorize/.test(permission));
      if (writes) expect(policy.accountScope, role).toBe('members');
    }
  });
});
