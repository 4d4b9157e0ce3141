import 'server-only';
import crypto from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Ten single-use codes for a lost phone. Each has 60 random bits, so a fast SHA-256 is enough to keep them
 * unreadable at rest (a slow password hash protects low-entropy secrets; these are not).
 */

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(crypto.randomBytes(12), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
    return `${chars.slice(0, 6)}-${chars.slice(6)}`;
  });
}

/** Spaces, dashes and capitals are forgiven: people copy these from paper. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash('sha256').update(normaliseRecoveryCode(code), 'utf8').digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 12;
}

/** Marks the code used; false when it is unknown or already spent. The update is the check, so two uses race safely. */
export async function consumeRecoveryCode(
  tx: Prisma.TransactionClient,
  userId: string,
  code: string,
): Promise<boolean> {
  const used = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

export async function replaceRecoveryCodes(
  tx: Prisma.TransactionClient,
  userId: string,
  codes: readonly string[],
): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
}
