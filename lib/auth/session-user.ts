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
