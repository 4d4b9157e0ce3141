import type { Role } from '@/lib/generated/prisma/enums';

/** How a role is named on screen. */
export const ROLE_NAMES: Record<Role, string> = {
  INSTALLATION_ADMIN: 'Installation admin',
  ADMIN: 'Account admin',
  SUPPORT: 'Support staff',
  LEAD: 'Team lead',
};
