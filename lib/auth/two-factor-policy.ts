import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { countsAsAdmin } from '@/lib/auth/permissions';

/**
 * The admin setting that makes 2FA mandatory for admins. Kept in one row of DashboardSettings; no row means the
 * defaults (not mandatory), so a fresh database needs no seeding.
 */

/** The one row's id. The session lookup reads the setting in its own query, by this id. */
export const SETTINGS_ID = 'dashboard';

type SettingsReader = Pick<PrismaClient, 'dashboardSettings'> | Prisma.TransactionClient;

/** Whether a user must enrol before doing anything else: an admin without 2FA while the setting requires it. */
export function mustEnrolTwoFactor(
  user: { role: Role; totpEnabledAt: Date | null },
  adminTwoFactorRequired: boolean,
): boolean {
  return countsAsAdmin(user.role) && user.totpEnabledAt === null && adminTwoFactorRequired;
}

export async function readAdminTwoFactorSetting(db: SettingsReader): Promise<boolean> {
  const settings = await db.dashboardSettings.findUnique({
    where: { id: SETTINGS_ID },
    select: { requireAdminTwoFactor: true },
  });
  return settings?.requireAdminTwoFactor ?? false;
}

export async function writeAdminTwoFactorSetting(db: SettingsReader, required: boolean): Promise<void> {
  await db.dashboardSettings.upsert({
    where: { id: SETTINGS_ID },
    create: { id: SETTINGS_ID, requireAdminTwoFactor: required },
    update: { requireAdminTwoFactor: required },
  });
}
