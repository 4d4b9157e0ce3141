import type { Role } from '@/lib/generated/prisma/enums';

/** The roles as pages and components know them, without reaching into Prisma's generated code. */
export type { Role };

/** The role the create-user form starts on: the least powerful one that still sees an account's keys. */
export const NEW_USER_ROLE: Role = 'LEAD';

/** How a role is named on screen. */
export const ROLE_NAMES: Record<Role, string> = {
  INSTALLATION_ADMIN: 'Installation admin',
  ADMIN: 'Account admin',
  SUPPORT: 'Support staff',
  LEAD: 'Team lead',
};

/** The article a role's name takes at the start of a sentence ("A team lead cannot …"); none for a plural. */
const ARTICLES: Record<Role, string> = { INSTALLATION_ADMIN: 'The', ADMIN: 'An', SUPPORT: '', LEAD: 'A' };

/** The role's name as the subject of a sentence: "The installation admin", "An account admin", "Support staff". */
export function roleAsSubject(role: Role): string {
  const article = ARTICLES[role];
  return article ? `${article} ${ROLE_NAMES[role].toLowerCase()}` : ROLE_NAMES[role];
}
