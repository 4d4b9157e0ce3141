import type { Role } from '@/lib/auth/role-names';

/**
 * Each role's name on screen, as a key of the `users` messages: `t(ROLE_NAME_KEYS[role])` with
 * `useTranslations('users')` / `getTranslations('users')`. lib/auth/role-names.ts keeps the English names for the
 * server's logs and sentences.
 */
export const ROLE_NAME_KEYS = {
  INSTALLATION_ADMIN: 'roles.installation_admin',
  ADMIN: 'roles.account_admin',
  SUPPORT: 'roles.support_staff',
  LEAD: 'roles.team_lead',
} as const satisfies Record<Role, `roles.${string}`>;
