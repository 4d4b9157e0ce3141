import QRCode from 'qrcode';
import { recordAuditEvent } from '@/lib/audit/record';
import { RequestRefusedError } from '@/lib/auth/access-denied';
import { generateRecoveryCodes, replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import type { SessionUser } from '@/lib/auth/session-user';
import { createTotpSecret, totpUri, verifyTotp } from '@/lib/auth/totp';
import { getCredentialsKey } from '@/lib/config';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import { getPrisma } from '@/lib/db/client';
import type { RequestMeta } from '@/lib/auth/with-permission';

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
  if (row.totpEnabledAt) throw new RequestRefusedError(409, 'Two-factor authentication is already on. An admin can reset it if the phone is lost.');
  const secret = createTotpSecret();
  await prisma.user.update({ where: { id: user.id }, data: { totpSecret: encryptSecret(secret, getCredentialsKey()) } });
  const otpauthUri = totpUri(secret, user.email);
  return { otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }), manualEntryKey: secret };
}

export async function confirmTwoFactorEnrolment(user: SessionUser, code: string, meta: RequestMeta): Promise<{ recoveryCodes: string[] }> {
  const prisma = getPrisma();
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new RequestRefusedError(409, 'Two-factor authentication is already on.');
  if (!row.totpSecret) throw new RequestRefusedError(409, 'Start the set-up first: no QR code has been shown yet.');
  if (!verifyTotp(decryptSecret(row.totpSecret, getCredentialsKey()), code)) {
    await recordAuditEvent(prisma, { actorId: user.id, actorEmail: user.email, actorRole: user.role, action: 'auth.two_factor.enrol', params: { reason: 'wrong code' }, outcome: 'failure', ...meta });
    throw new RequestRefusedError(422, 'That code is not right. Enter the 6 digits the app shows now.');
  }
  const recoveryCodes = generateRecoveryCodes();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    await replaceRecoveryCodes(tx, user.id, recoveryCodes);
    await recordAuditEvent(tx, { actorId: user.id, actorEmail: user.email, actorRole: user.role, action: 'auth.two_factor.enrol', params: {}, outcome: 'success', ...meta });
  });
  return { recoveryCodes };
}
