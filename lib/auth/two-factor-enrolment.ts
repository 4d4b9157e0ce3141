import 'server-only';
import QRCode from 'qrcode';
import { ownSignInAudit } from '@/lib/audit/record';
import type { AuthServiceDeps } from '@/lib/auth/deps';
import { enableTotp, selectOwnSignIn, storePendingTotpSecret } from '@/lib/auth/repository';
import { conflict, invalid } from '@/lib/errors/refusals';
import { generateRecoveryCodes, replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import type { SessionUser } from '@/lib/auth/session-user';
import { createTotpSecret, totpUri } from '@/lib/auth/totp';
import { acceptTotpCode } from '@/lib/auth/totp-acceptance';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import type { RequestMeta } from '@/lib/auth/request-meta';

/**
 * Enrolment in two steps: a new secret is stored (encrypted, not yet in force) and shown as a QR code; it takes
 * effect only when a code from the app proves the phone has it. Ten recovery codes are shown once, then only
 * their hashes remain.
 */

export interface EnrolmentStart {
  otpauthUri: string;
  qrCodeDataUrl: string;
  /** For typing into an app that cannot scan. */
  manualEntryKey: string;
}

/** What the user's own two-factor page shows: since when TOTP is on (null: off), and whether they have a password. */
export async function ownSignIn(
  deps: AuthServiceDeps,
  user: SessionUser,
): Promise<{ totpEnabledAt: Date | null; hasPassword: boolean }> {
  const row = await selectOwnSignIn(deps.prisma, user.id);
  return { totpEnabledAt: row.totpEnabledAt, hasPassword: row.passwordHash !== null };
}

export async function startTwoFactorEnrolment(deps: AuthServiceDeps, user: SessionUser): Promise<EnrolmentStart> {
  const row = await selectOwnSignIn(deps.prisma, user.id);
  if (row.totpEnabledAt) throw conflict('auth.twoFactorOnResettable');
  const secret = createTotpSecret();
  await storePendingTotpSecret(deps.prisma, user.id, encryptSecret(secret, deps.credentialsKey));
  const otpauthUri = totpUri(secret, user.email);
  return {
    otpauthUri,
    qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }),
    manualEntryKey: secret,
  };
}

/**
 * Turning 2FA on ends the user's other sessions (someone who had the password alone keeps nothing); the answer says
 * the new session version, under which the route keeps the session that made the change.
 */
export async function confirmTwoFactorEnrolment(
  deps: AuthServiceDeps,
  user: SessionUser,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[]; sessionVersion: number }> {
  const row = await selectOwnSignIn(deps.prisma, user.id);
  const audit = ownSignInAudit(user, 'auth.two_factor.enrol', meta);
  if (row.totpEnabledAt) throw conflict('auth.twoFactorOn');
  if (!row.totpSecret) throw conflict('auth.twoFactorNotStarted');
  if (!(await acceptTotpCode(deps.prisma, user.id, decryptSecret(row.totpSecret, deps.credentialsKey), code))) {
    await audit(deps.prisma, 'failure', 'wrong code');
    throw invalid('auth.wrongCode', { field: 'code' });
  }
  const recoveryCodes = generateRecoveryCodes();
  const sessionVersion = await deps.prisma.$transaction(async (tx) => {
    const version = await enableTotp(tx, user.id, deps.now());
    await replaceRecoveryCodes(tx, user.id, recoveryCodes);
    await audit(tx, 'success');
    return version;
  });
  return { recoveryCodes, sessionVersion };
}
