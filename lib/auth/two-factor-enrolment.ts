import QRCode from 'qrcode';
import { recordAuditEvent } from '@/lib/audit/record';
import { conflict, invalid } from '@/lib/errors/refusals';
import { generateRecoveryCodes, replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import type { SessionUser } from '@/lib/auth/session-user';
import { endAllSessionsData } from '@/lib/auth/session-revocation';
import { createTotpSecret, totpUri } from '@/lib/auth/totp';
import { acceptTotpCode } from '@/lib/auth/totp-acceptance';
import { getCredentialsKey } from '@/lib/config';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import { getPrisma } from '@/lib/db/client';
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

export async function startTwoFactorEnrolment(user: SessionUser): Promise<EnrolmentStart> {
  const prisma = getPrisma();
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (row.totpEnabledAt)
    throw conflict('Two-factor authentication is already on. An admin can reset it if the phone is lost.');
  const secret = createTotpSecret();
  await prisma.user.update({
    where: { id: user.id },
    data: { totpSecret: encryptSecret(secret, getCredentialsKey()) },
  });
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
  user: SessionUser,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[]; sessionVersion: number }> {
  const prisma = getPrisma();
  const row = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (row.totpEnabledAt) throw conflict('Two-factor authentication is already on.');
  if (!row.totpSecret) throw conflict('Start the set-up first: no QR code has been shown yet.');
  if (!(await acceptTotpCode(prisma, user.id, decryptSecret(row.totpSecret, getCredentialsKey()), code))) {
    await recordAuditEvent(prisma, {
      actorId: user.id,
      actorEmail: user.email,
      actorRole: user.role,
      action: 'auth.two_factor.enrol',
      params: { reason: 'wrong code' },
      outcome: 'failure',
      ...meta,
    });
    throw invalid('That code is not right. Enter the 6 digits the app shows now.');
  }
  const recoveryCodes = generateRecoveryCodes();
  const sessionVersion = await prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { totpEnabledAt: new Date(), ...endAllSessionsData() },
      select: { sessionVersion: true },
    });
    await replaceRecoveryCodes(tx, user.id, recoveryCodes);
    await recordAuditEvent(tx, {
      actorId: user.id,
      actorEmail: user.email,
      actorRole: user.role,
      action: 'auth.two_factor.enrol',
      params: {},
      outcome: 'success',
      ...meta,
    });
    return updated.sessionVersion;
  });
  return { recoveryCodes, sessionVersion };
}
