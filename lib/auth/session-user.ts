import type { Role } from '@/lib/generated/prisma/enums';
import type { Actor } from '@/lib/auth/permissions';

/** The signed-in user as every server route and page sees it (from the next-auth session, checked against the database). */
export interface SessionUser extends Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** sendSMS accounts the user is a member of. */
  accountIds: string[];
}

/** A user row with its memberships, as sign-in and the users service read it. */
export interface UserWithMemberships {
  id: string;
  email: string;
  name: string;
  role: Role;
  memberships: readonly { accountId: string }[];
}

/** Who the row is, as a SessionUser: its memberships as account ids. */
export function sessionUserOf(row: UserWithMemberships): SessionUser {
  const { id, email, name, role } = row;
  return { id, email, name, role, accountIds: row.memberships.map((membership) => membership.accountId) };
}
