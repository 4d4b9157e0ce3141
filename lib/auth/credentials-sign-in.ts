import 'server-only';
import { selectSignInUser } from '@/lib/auth/repository';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { z } from 'zod';
import { recordAnonymousRefusal } from '@/lib/audit/anonymous-refusal';
import { recordAuditEvent, type AuditOutcome } from '@/lib/audit/record';
import { getConfig, getCredentialsKey } from '@/lib/config';
import { decryptSecret } from '@/lib/crypto';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { dummyPasswordHash, verifyPassword } from '@/lib/auth/password';
import { consumeRecoveryCode, looksLikeRecoveryCode } from '@/lib/auth/recovery-codes';
import { sessionUserOf, type SessionUser } from '@/lib/auth/session-user';
import { SignInError, type SignInErrorCode } from '@/lib/auth/sign-in-errors';
import { checkSignInLimit, recordSignInAttempt } from '@/lib/auth/sign-in-limit';
import { acceptTotpCode } from '@/lib/auth/totp-acceptance';
import { plainText } from '@/lib/validation/text';

/**
 * Email + password (+ a TOTP or recovery code when the user has 2FA). Every outcome is counted for the limit and
 * audited as `auth.sign_in`, but for a refusal by the lockout, which is counted per address and minute
 * (lib/audit/anonymous-refusal.ts); the limit is checked before the password, so a locked-out guesser learns nothing.
 */

/** Where next-auth takes a password sign-in: the path a lockout refusal is counted under. */
const SIGN_IN_PATH = '/api/auth/callback/credentials';

// Anything these refuse (a NUL, a lone surrogate, a wrong type) is a failed sign-in like any other, never a 500.
export const credentialsSchema = z.object({
  email: plainText({ max: 320 }).trim().toLowerCase().email(),
  password: plainText({ max: 1000 }).min(1),
  code: plainText({ max: 40 })
    .trim()
    .optional()
    .transform((code) => (code ? code : undefined)),
});

export type SignInMeta = RequestMeta;

export async function signInWithPassword(
  input: unknown,
  meta: SignInMeta,
  prisma: PrismaClient = getPrisma(),
): Promise<SessionUser & { sessionVersion: number }> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInError('invalid-credentials');
  const { email, password, code } = parsed.data;
  const sourceIp = meta.sourceIp ?? 'unknown';
  const config = getConfig();

  const audit = (outcome: AuditOutcome, reason: string | null, user?: { id: string; role: SessionUser['role'] }) =>
    recordAuditEvent(prisma, {
      actorId: user?.id ?? null,
      actorEmail: email,
      actorRole: user?.role ?? null,
      action: 'auth.sign_in',
      params: reason ? { method: 'password', reason } : { method: 'password' },
      outcome,
      sourceIp: meta.sourceIp,
      userAgent: meta.userAgent,
    });
  const fail = async (reason: SignInErrorCode, user?: { id: string; role: SessionUser['role'] }): Promise<never> => {
    await recordSignInAttempt(prisma, { email, sourceIp, succeeded: false });
    await audit('failure', reason, user);
    throw new SignInError(reason);
  };

  const verdict = await checkSignInLimit(
    prisma,
    { email, sourceIp },
    { maxFailures: config.signInMaxFailures, windowMinutes: config.signInWindowMinutes },
  );
  if (verdict.locked) {
    // Counted, not audited one row each: a locked-out guesser could otherwise grow the append-only log for ever. The
    // failures that caused the lockout are audited above, with the email.
    await recordAnonymousRefusal(prisma, { sourceIp: meta.sourceIp, path: SIGN_IN_PATH });
    throw new SignInError('locked-out', verdict.retryAfterMinutes);
  }

  const user = await selectSignInUser(prisma, email);
  // Unknown, SSO-only and disabled users get the same answer as a wrong password, in the same time: a password
  // is checked against a dummy hash when there is none, so timing does not tell who has an account.
  const passwordRight = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user?.passwordHash || !passwordRight || user.disabledAt) return fail('invalid-credentials', user ?? undefined);

  if (user.totpEnabledAt && user.totpSecret) {
    // The password was right; asking for the code is not a failure.
    if (!code) throw new SignInError('totp-required');
    const secret = decryptSecret(user.totpSecret, getCredentialsKey());
    const accepted =
      (await acceptTotpCode(prisma, user.id, secret, code)) ||
      (looksLikeRecoveryCode(code) && (await prisma.$transaction((tx) => consumeRecoveryCode(tx, user.id, code))));
    if (!accepted) return fail('invalid-code', user);
  }

  await recordSignInAttempt(prisma, { email, sourceIp, succeeded: true });
  await audit('success', null, user);
  return { ...sessionUserOf(user), sessionVersion: user.sessionVersion };
}
