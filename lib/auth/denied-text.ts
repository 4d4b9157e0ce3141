import { deniedReason, ROLE_PERMISSIONS, type Actor, type Permission } from '@/lib/auth/permissions';
import type { Locale } from '@/i18n/locales';
import { errorText, say, type ErrorKey, type LocalizedText } from '@/lib/errors/text/localized-text';

/**
 * Why the actor may not do this, as a sentence of the `errors` messages (said in the reader's language when the
 * refusal is answered), or null when allowed. The decision is `deniedReason`'s (lib/auth/permissions.ts), the one
 * table; this only says it: "{role} cannot {action}" when the role lacks the permission, else "You are not a member
 * of this sendSMS account". The English is `deniedReason`'s, word for word (lib/auth/denied-text.test.ts).
 */
export function deniedText(actor: Actor, permission: Permission, accountId?: string): LocalizedText | null {
  if (deniedReason(actor, permission, accountId) === null) return null;
  if (!ROLE_PERMISSIONS[actor.role].permissions.includes(permission))
    return errorText('forbidden.roleCannot', { role: actor.role, action: errorText(PERMISSION_ACTIONS[permission]) });
  return errorText('forbidden.notMember');
}

/** What each permission lets a role do, as the end of "… cannot {action}". */
const PERMISSION_ACTIONS: Record<Permission, ErrorKey> = {
  'keys.read': 'permissions.keys_read',
  'keys.manage': 'permissions.keys_manage',
  'ips.authorize': 'permissions.ips_authorize',
  'usage.read': 'permissions.usage_read',
  'requests.read': 'permissions.requests_read',
  'requests.write': 'permissions.requests_write',
  'accounts.read': 'permissions.accounts_read',
  'accounts.manage': 'permissions.accounts_manage',
  'users.manage': 'permissions.users_manage',
  'installation.manage': 'permissions.installation_manage',
  'audit.read': 'permissions.audit_read',
  'two_factor.enrol': 'permissions.two_factor_enrol',
  'password.change': 'permissions.password_change',
  'preferences.change': 'permissions.preferences_change',
};

/** The same, said in `locale`: for a page that hands the reason to a disabled control. */
export function deniedSentence(
  actor: Actor,
  permission: Permission,
  locale: Locale,
  accountId?: string,
): string | null {
  const text = deniedText(actor, permission, accountId);
  return text === null ? null : say(text, locale);
}
