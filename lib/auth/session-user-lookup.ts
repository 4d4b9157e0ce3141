import 'server-only';
import type { StoredPreferences } from '@/i18n/preferences';
import { Prisma } from '@/lib/generated/prisma/client';
import { ACCOUNT_ROW_COLUMNS, accountRowFromJson, type AccountRow } from '@/lib/db/account-row';
import { getPrisma } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { SessionToken } from '@/lib/auth/session-cookie';
import type { SessionUser } from '@/lib/auth/session-user';
import { mustEnrolTwoFactor, SETTINGS_ID } from '@/lib/auth/two-factor-policy';

/**
 * The user a session belongs to, read from the database on every request: a disabled user, a changed role or a
 * removed membership takes effect at once, whatever the JWT still says; so does the end of the session itself
 * (signed out: its id is on the revoked list; a password, 2FA or role change: the user's session version moved). Every request pays for it, so it is one
 * round trip (the user's primary key, the membership index and the settings row in one statement) rather than
 * the three that Prisma's relation queries would make. When the request names an account, that account's row
 * rides along in the same statement: the route's service needs it next, and withPermission hands it over only
 * once the user may act on that account.
 */

export interface SessionUserState {
  user: SessionUser;
  /** Admins must enrol in 2FA when the setting says so; until then they may only enrol. */
  mustEnrolTwoFactor: boolean;
  /** The account asked for, if it exists (not yet checked against the user's rights). */
  account: AccountRow | null;
  /** The language and time zone the user chose, kept on their account; null until they choose. */
  preferences: StoredPreferences;
}

interface SessionUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  totpEnabledAt: Date | null;
  accountIds: string[];
  adminTwoFactorRequired: boolean;
  sessionVersion: number;
  revoked: boolean;
  account: Parameters<typeof accountRowFromJson>[0] | null;
  locale: string | null;
  timeZone: string | null;
}

export async function loadSessionUser(
  token: Pick<SessionToken, 'sub' | 'sv' | 'sid'>,
  accountId?: string,
): Promise<SessionUserState | null> {
  // A token from before sessions could end on the server cannot be ended: it is refused.
  if (token.sv === undefined || token.sid === undefined) return null;
  const userId = token.sub;
  const account = accountId
    ? Prisma.sql`(SELECT row_to_json(a) FROM (SELECT ${Prisma.raw(ACCOUNT_ROW_COLUMNS)} FROM "Account" WHERE "id" = ${accountId}) a)`
    : Prisma.sql`NULL::json`;
  const rows = await getPrisma().$queryRaw<SessionUserRow[]>`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."disabledAt", u."totpEnabledAt",
           ARRAY(SELECT m."accountId" FROM "Membership" m WHERE m."userId" = u."id" ORDER BY m."accountId") AS "accountIds",
           COALESCE((SELECT s."requireAdminTwoFactor" FROM "DashboardSettings" s WHERE s."id" = ${SETTINGS_ID}), false) AS "adminTwoFactorRequired",
           u."sessionVersion", u."locale", u."timeZone",
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."id" = ${token.sid}) AS "revoked",
           ${account} AS "account"
      FROM "User" u
     WHERE u."id" = ${userId}`;
  const row = rows[0];
  if (!row || row.disabledAt || row.revoked || row.sessionVersion !== token.sv) return null;
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, accountIds: row.accountIds },
    mustEnrolTwoFactor: mustEnrolTwoFactor(row, row.adminTwoFactorRequired),
    account: row.account ? accountRowFromJson(row.account) : null,
    preferences: { locale: row.locale, timeZone: row.timeZone },
  };
}
