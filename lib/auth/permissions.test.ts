import { describe, expect, it } from 'vitest';
import { can, deniedReason, mayGrantRole, mayManageUser, PERMISSIONS, ROLE_PERMISSIONS } from '@/lib/auth/permissions';

const member = (role: 'INSTALLATION_ADMIN' | 'ADMIN' | 'SUPPORT' | 'LEAD') => ({ role, accountIds: ['acc-1'] });

describe('the permission table', () => {
  it('gives account admins everything on their own accounts but the installation, and nothing on others', () => {
    for (const permission of PERMISSIONS.filter((permission) => permission !== 'installation.manage'))
      expect(can(member('ADMIN'), permission, 'acc-1')).toBe(true);
    expect(deniedReason(member('ADMIN'), 'keys.manage', 'acc-2')).toBe('You are not a member of this sendSMS account');
    expect(deniedReason(member('ADMIN'), 'keys.read', 'acc-2')).toBe('You are not a member of this sendSMS account');
    expect(deniedReason(member('ADMIN'), 'audit.read', 'acc-2')).toBe('You are not a member of this sendSMS account');
    expect(can(member('ADMIN'), 'users.manage')).toBe(true);
    expect(deniedReason(member('ADMIN'), 'installation.manage')).toBe(
      "An account admin cannot change the installation's settings",
    );
  });

  it('lets the installation admin read every account but change only those they are a member of', () => {
    expect(can(member('INSTALLATION_ADMIN'), 'installation.manage')).toBe(true);
    expect(can(member('INSTALLATION_ADMIN'), 'keys.read', 'acc-2')).toBe(true);
    expect(can(member('INSTALLATION_ADMIN'), 'audit.read', 'acc-2')).toBe(true);
    expect(deniedReason(member('INSTALLATION_ADMIN'), 'keys.manage', 'acc-2')).toBe(
      'You are not a member of this sendSMS account',
    );
    expect(deniedReason(member('INSTALLATION_ADMIN'), 'requests.write', 'acc-2')).toBe(
      'You are not a member of this sendSMS account',
    );
  });

  it("keeps an account admin's users within their tenant", () => {
    const admin = member('ADMIN');
    expect(mayManageUser(admin, { role: 'LEAD', accountIds: ['acc-1'] })).toBe(true);
    expect(mayManageUser(admin, { role: 'ADMIN', accountIds: ['acc-1'] })).toBe(true);
    expect(mayManageUser(admin, { role: 'LEAD', accountIds: ['acc-1', 'acc-2'] })).toBe(false);
    expect(mayManageUser(admin, { role: 'LEAD', accountIds: [] })).toBe(false);
    expect(mayManageUser(admin, { role: 'SUPPORT', accountIds: [] })).toBe(false);
    expect(mayManageUser(admin, { role: 'INSTALLATION_ADMIN', accountIds: ['acc-1'] })).toBe(false);
    expect(mayGrantRole(admin, 'SUPPORT')).toBe(false);
    expect(mayGrantRole(admin, 'INSTALLATION_ADMIN')).toBe(false);
    expect(mayGrantRole(admin, 'LEAD')).toBe(true);
    expect(mayManageUser(member('INSTALLATION_ADMIN'), { role: 'SUPPORT', accountIds: [] })).toBe(true);
    expect(mayManageUser(member('SUPPORT'), { role: 'LEAD', accountIds: ['acc-1'] })).toBe(false);
  });

  it('lets support read every account and change nothing', () => {
    expect(can(member('SUPPORT'), 'keys.read', 'acc-2')).toBe(true);
    expect(can(member('SUPPORT'), 'audit.read', 'acc-9')).toBe(true);
    expect(can(member('SUPPORT'), 'requests.read', 'acc-9')).toBe(true);
    for (const permission of [
      'keys.manage',
      'ips.authorize',
      'requests.write',
      'accounts.manage',
      'users.manage',
    ] as const) {
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
      // A role that reads every account may still change only those it is a member of.
      if (writes)
        for (const permission of policy.permissions.filter(
          (p) => /manage|write|authorize/.test(p) && p !== 'users.manage' && p !== 'installation.manage',
        )) {
          expect(can({ role: role as 'ADMIN', accountIds: [] }, permission, 'acc-9'), `${role} ${permission}`).toBe(
            false,
          );
        }
    }
  });
});
